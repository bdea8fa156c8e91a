/**
 * docs/excel-acceptance.md is the list a person with real Excel runs; test/e2e/preview.e2e.test.ts
 * runs the same flows in Chromium against the simulator. This keeps the two in step: every
 * end-to-end test is a step of the checklist by its exact name, in the same order, and the checklist
 * names no end-to-end test that does not exist.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

/** The titles of the `it(…)` calls of a test file, in source order, read from its syntax tree. */
function testTitles(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const titles: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'it' &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      titles.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return titles;
}

describe('the real-Excel checklist and the end-to-end suite', () => {
  const checklist = readFileSync(resolve(root, 'docs/excel-acceptance.md'), 'utf8');
  const e2e = testTitles(resolve(root, 'test/e2e/preview.e2e.test.ts'));
  const steps = checklist.split('\n').filter((l) => /^\|\s*\d+\s*\|/.test(l));
  const cited = steps.flatMap((l) => [...l.matchAll(/\(e2e: (.+?)\)\*\*/g)].map((m) => m[1] as string));

  it('finds the end-to-end tests', () => {
    expect(e2e.length).toBeGreaterThanOrEqual(9);
  });

  it('has a step for every end-to-end test, in the suite’s order', () => {
    expect(cited).toEqual(e2e);
  });

  it('marks every other step as one only real Excel can check', () => {
    expect(steps.length).toBeGreaterThanOrEqual(cited.length);
    for (const step of steps) expect(step).toMatch(/\*\*\((e2e: .+|real Excel only)\)\*\*/);
  });
});
