import { randomUUID } from 'node:crypto';

/**
 * A fresh SQL identifier `<prefix>_<32 hex digits>` for a test's database or schema; the prefix
 * must be a plain lower-case identifier, since the name is put into SQL unquoted.
 */
export function uniqueIdentifier(prefix: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(prefix)) {
    throw new Error(`"${prefix}" is not a plain identifier: use lower-case letters, digits and _.`);
  }
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}
