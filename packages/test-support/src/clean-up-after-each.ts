import { afterEach } from 'vitest';

/** A cleanup step: deletes a topic, drops a database, closes a client. */
export type Cleanup = () => Promise<void>;

/**
 * The cleanup list of a test file: push a step when a test opens something; after each test the
 * steps run last-first (what was opened last is closed first) and the list is emptied.
 */
export function cleanUpAfterEach(): Cleanup[] {
  const cleanups: Cleanup[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return cleanups;
}
