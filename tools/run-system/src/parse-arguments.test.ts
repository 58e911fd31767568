import { describe, expect, it } from 'vitest';
import { parseArguments, UsageError } from './parse-arguments.ts';

describe('parseArguments', () => {
  it('starts the system without a demo by default', () => {
    expect(parseArguments([])).toEqual({ help: false, demo: false, demoOrdersPerMinute: 30, fresh: false });
  });

  it('turns the demo on, and a demo rate implies the demo', () => {
    expect(parseArguments(['--demo']).demo).toBe(true);
    expect(parseArguments(['--demo-rate', '120'])).toMatchObject({ demo: true, demoOrdersPerMinute: 120 });
    expect(parseArguments(['--demo-rate=6'])).toMatchObject({ demo: true, demoOrdersPerMinute: 6 });
  });

  it('accepts the separator pnpm passes before script arguments', () => {
    expect(parseArguments(['--', '--demo', '--fresh'])).toMatchObject({ demo: true, fresh: true });
  });

  it('refuses a demo rate that is not a sensible number', () => {
    expect(() => parseArguments(['--demo-rate', 'fast'])).toThrow(/orders per minute/);
    expect(() => parseArguments(['--demo-rate'])).toThrow(UsageError);
    expect(() => parseArguments(['--demo-rate', '0'])).toThrow(UsageError);
  });

  it('names an unknown option and shows the usage', () => {
    expect(() => parseArguments(['--dmeo'])).toThrow(/Unknown option "--dmeo"[\s\S]*Usage: pnpm start/);
  });

  it('recognises a request for help', () => {
    expect(parseArguments(['-h']).help).toBe(true);
  });
});
