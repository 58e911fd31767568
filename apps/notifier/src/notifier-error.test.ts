import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotifierError, notifierErrorCatalog } from './notifier-error.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('notifier errors', () => {
  it('documents every code with its retryable flag in the README, and no other', () => {
    const documented = new Map(
      [...readme.matchAll(/^\| `(NOTIFIER_[A-Z_]+)`\s*\| (yes|no)\s*\|/gm)].map((match) => [
        match[1],
        match[2] === 'yes',
      ]),
    );
    const catalog = new Map(
      Object.entries(notifierErrorCatalog).map(([code, entry]) => [code, entry.retryable]),
    );
    expect(documented).toEqual(catalog);
  });

  it('takes retryable from the catalog and is recognised without instanceof', () => {
    const error = new NotifierError('NOTIFIER_WEBHOOK_TIMEOUT', 'slow');
    expect(error.retryable).toBe(true);
    expect(NotifierError.isInstance(error)).toBe(true);
    expect(NotifierError.isInstance(new Error('plain'))).toBe(false);
    expect(NotifierError.isInstance({ ...error })).toBe(true);
  });
});
