import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runtimeErrorCatalog } from './errors.ts';
import { runtimeHttpErrors } from './http/http-error.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('error catalogs', () => {
  it('documents every runtime error code with its retryability in the README', () => {
    for (const [code, entry] of Object.entries(runtimeErrorCatalog)) {
      expect(readme).toMatch(new RegExp(`\\| ${code} +\\| ${entry.retryable ? 'yes' : 'no'} +\\|`));
    }
  });

  it('documents every runtime error code with its fault, and no code the catalog lacks', () => {
    const documented = new Map(
      [...readme.matchAll(/^\| (RUNTIME_[A-Z_]+) +\| (yes|no) +\| (transient|record|unknown) +\|/gm)].map(
        (match) => [match[1], `${match[2]} ${match[3]}`],
      ),
    );
    const catalog = new Map(
      Object.entries(runtimeErrorCatalog).map(([code, entry]) => [
        code,
        `${entry.retryable ? 'yes' : 'no'} ${entry.fault}`,
      ]),
    );
    expect(documented).toEqual(catalog);
  });

  it('documents every HTTP error code with its status in the README', () => {
    for (const [code, entry] of Object.entries(runtimeHttpErrors)) {
      expect(readme).toMatch(new RegExp(`\\| ${code} +\\| ${entry.httpStatus} +\\|`));
    }
  });
});
