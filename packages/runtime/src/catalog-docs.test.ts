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

  it('documents every HTTP error code with its status in the README', () => {
    for (const [code, entry] of Object.entries(runtimeHttpErrors)) {
      expect(readme).toMatch(new RegExp(`\\| ${code} +\\| ${entry.status} +\\|`));
    }
  });
});
