import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { devKeyDir, devKeyPath, devSecret } from '../../../functions/src/auth/devKey';

// Issue 10: "keep the development key file private (owner-only, checked)". os.tmpdir() follows
// TMPDIR on POSIX (https://nodejs.org/api/os.html#ostmpdir), so each test gets its own temp root.
const posix = process.platform !== 'win32';
const decode = (k: Uint8Array) => new TextDecoder().decode(k);
const modeOf = (path: string) => statSync(path).mode & 0o777;
let root: string;
let savedTmp: string | undefined;

beforeEach(() => {
  savedTmp = process.env.TMPDIR;
  root = mkdtempSync(join(tmpdir(), 'xs-devkey-'));
  process.env.TMPDIR = root;
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(root, { recursive: true, force: true });
});

describe.runIf(posix)('the generated development key', () => {
  it('is written owner-only (0600) in a private directory (0700), and read back the same', () => {
    const key = decode(devSecret({}));
    expect(devKeyDir().startsWith(root)).toBe(true);
    expect(modeOf(devKeyDir())).toBe(0o700);
    expect(modeOf(devKeyPath())).toBe(0o600);
    expect(readFileSync(devKeyPath(), 'utf8')).toBe(key);
    expect(decode(devSecret({}))).toBe(key);
  });

  it('is replaced when group or others can read it: the old key may have leaked', () => {
    const leaked = decode(devSecret({}));
    chmodSync(devKeyPath(), 0o644);
    const fresh = decode(devSecret({}));
    expect(fresh).not.toBe(leaked);
    expect(fresh).toMatch(/^[0-9a-f]{64}$/);
    expect(modeOf(devKeyPath())).toBe(0o600);
    // A key planted by hand with a loose mode is not used either.
    writeFileSync(devKeyPath(), 'planted-by-someone-else-0123456789abcdef', { mode: 0o640 });
    chmodSync(devKeyPath(), 0o640);
    expect(decode(devSecret({}))).not.toBe('planted-by-someone-else-0123456789abcdef');
  });

  it('closes its own directory when it was opened up, and refuses a key that is not a plain file', () => {
    devSecret({});
    chmodSync(devKeyDir(), 0o755);
    devSecret({});
    expect(modeOf(devKeyDir())).toBe(0o700);
    rmSync(devKeyPath());
    mkdirSync(devKeyPath());
    expect(() => devSecret({})).toThrow(/not a plain file/);
  });

  it('leaves a configured XIESHANG_DEV_SECRET alone and writes no file', () => {
    expect(decode(devSecret({ XIESHANG_DEV_SECRET: 's'.repeat(40) }))).toBe('s'.repeat(40));
    expect(() => statSync(devKeyPath())).toThrow();
  });
});
