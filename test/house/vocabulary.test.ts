/**
 * One vocabulary (issue 12): every fixed word the code compares against — statuses, respondents,
 * groups, channels, headers — is a typed constant of shared/schema/, so a word changed there changes
 * everywhere and a misspelt one does not compile. Read from the syntax tree of every source file:
 * no Chinese string literal is compared (===, !==, case, includes/has/indexOf/startsWith/endsWith,
 * a Set of literals) outside shared/schema/, and settings are read by key (settingLabel), never by
 * their label.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SETTING_ITEMS } from '../../shared';

const root = resolve(__dirname, '../..');
const CJK = /[\u4e00-\u9fff]/;
const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);
const LOOKUPS = new Set(['includes', 'has', 'indexOf', 'startsWith', 'endsWith']);
const LABELS = new Set(SETTING_ITEMS.map((i) => i.label));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const isWord = (n: ts.Node | undefined): n is ts.StringLiteralLike =>
  !!n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && CJK.test(n.text);
const isWordList = (n: ts.Node | undefined): boolean =>
  !!n && ts.isArrayLiteralExpression(n) && n.elements.some(isWord);

/** The nodes of a source that compare a Chinese literal or read a setting by its label. */
function comparedWords(source: ts.SourceFile): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (n: ts.Node): void => {
    if (
      ts.isBinaryExpression(n) &&
      COMPARISONS.has(n.operatorToken.kind) &&
      (isWord(n.left) || isWord(n.right))
    )
      out.push(n);
    else if (ts.isCaseClause(n) && isWord(n.expression)) out.push(n);
    else if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      LOOKUPS.has(n.expression.name.text) &&
      (n.arguments.some(isWord) || isWordList(n.expression.expression))
    )
      out.push(n);
    else if (ts.isNewExpression(n) && n.expression.getText(source) === 'Set' && n.arguments?.some(isWordList))
      out.push(n);
    else if (
      ts.isElementAccessExpression(n) &&
      isWord(n.argumentExpression) &&
      LABELS.has(n.argumentExpression.text)
    )
      out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

const parse = (file: string, text: string): ts.SourceFile =>
  ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );

const lineOf = (source: ts.SourceFile, n: ts.Node): number =>
  source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1;

/** Where a file compares a Chinese literal, or reads a setting by its label: `file:line: text`. */
function findings(file: string): string[] {
  const source = parse(file, readFileSync(file, 'utf8'));
  return comparedWords(source).map(
    (n) => `${relative(root, file)}:${lineOf(source, n)}: ${n.getText(source).slice(0, 80)}`,
  );
}

describe('one vocabulary', () => {
  const files = ['shared', 'addin', 'functions/src']
    .flatMap((d) => sources(resolve(root, d)))
    .filter((f) => !relative(root, f).startsWith(join('shared', 'schema')));

  it('reads every source file there is', () => {
    expect(files.length).toBeGreaterThan(200);
  });

  it('compares no Chinese literal outside shared/schema/ and reads no setting by its label', () => {
    expect(files.flatMap(findings)).toEqual([]);
  });

  it('catches each form of comparison it looks for', () => {
    const probe = [
      "if (s === '已完成') x();",
      "switch (s) { case '诉求人': break; }",
      "['当面', '其他'].includes(s);",
      "list.includes('职工代表');",
      "new Set(['编号']);",
      "items['单位代码'];",
      "const ok = s === DONE && t !== '' && label === 'x';",
    ].join('\n');
    const source = parse('probe.ts', probe);
    expect(comparedWords(source).map((n) => lineOf(source, n))).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
