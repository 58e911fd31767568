import { describe, expect, it } from 'vitest';
import { lastLines, runCommand } from './run-command.ts';

describe('runCommand', () => {
  it('collects standard output and error together with the exit code', async () => {
    const result = await runCommand(process.execPath, [
      '-e',
      "process.stdout.write('out\\n'); process.stderr.write('err\\n'); process.exitCode = 4",
    ]);
    expect(result.kind).toBe('exited');
    if (result.kind === 'exited') {
      expect(result.code).toBe(4);
      expect(result.output.split('\n').sort()).toEqual(['', 'err', 'out']);
    }
  });

  it('runs in the given folder', async () => {
    const result = await runCommand(process.execPath, ['-e', 'console.log(process.cwd())'], { cwd: '/' });
    expect(result).toEqual({ kind: 'exited', code: 0, output: '/\n' });
  });

  it('reports an executable that is not on the PATH as missing', async () => {
    expect(await runCommand('no-such-command-for-local-service', [])).toEqual({ kind: 'missing' });
  });
});

describe('lastLines', () => {
  it('keeps the last lines and drops trailing white space', () => {
    expect(lastLines('a\nb\nc\n\n', 2)).toBe('b\nc');
    expect(lastLines('only', 5)).toBe('only');
  });
});
