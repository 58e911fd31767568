import { readFileSync } from 'node:fs';

/** A golden message that must fail, with the JSON pointers its violations must name. */
export interface FailingFixture {
  readonly payload: unknown;
  readonly paths: readonly string[];
}

const root = new URL('../../__fixtures__/', import.meta.url);

/** Reads a golden file of `__fixtures__/` (named cases). */
export function readFixtures<T>(file: string): Record<string, T> {
  return JSON.parse(readFileSync(new URL(file, root), 'utf8')) as Record<string, T>;
}
