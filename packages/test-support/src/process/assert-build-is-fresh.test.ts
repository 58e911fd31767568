import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertBuildIsFresh } from './assert-build-is-fresh.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function project(sourceAge: number, builtAge: number): { built: string; sources: string } {
  const root = mkdtempSync(join(tmpdir(), 'build-fresh-'));
  folders.push(root);
  const sources = join(root, 'src');
  mkdirSync(join(sources, 'http'), { recursive: true });
  const source = join(sources, 'http', 'app.ts');
  const built = join(root, 'main.js');
  writeFileSync(source, '');
  writeFileSync(built, '');
  const now = Date.now() / 1000;
  utimesSync(source, now - sourceAge, now - sourceAge);
  utimesSync(built, now - builtAge, now - builtAge);
  return { built, sources };
}

describe('assertBuildIsFresh', () => {
  it('accepts a build newer than every source', () => {
    const { built, sources } = project(100, 10);
    expect(() => assertBuildIsFresh(built, sources, 'pnpm build')).not.toThrow();
  });

  it('rejects a build older than a nested source, saying how to rebuild', () => {
    const { built, sources } = project(10, 100);
    expect(() => assertBuildIsFresh(built, sources, 'pnpm build')).toThrow(
      /older than .*run pnpm build first/,
    );
  });
});
