import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach } from './clean-up-after-each.ts';

describe('cleanUpAfterEach', () => {
  const cleanups = cleanUpAfterEach();
  const ran: string[] = [];

  it('collects the steps of a test', () => {
    cleanups.push(async () => void ran.push('topic'));
    cleanups.push(async () => void ran.push('client'));
    expect(ran).toEqual([]);
  });

  it('ran them after that test, last first, and emptied the list', () => {
    expect(ran).toEqual(['client', 'topic']);
    expect(cleanups).toEqual([]);
  });
});
