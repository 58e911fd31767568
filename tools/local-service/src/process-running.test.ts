import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { isProcessRunning, parseProcessState } from './process-running.ts';

describe('parseProcessState', () => {
  it('reads the state after a command name that holds spaces and parentheses', () => {
    expect(parseProcessState('4242 (java (main) x) S 1 4242')).toBe('S');
    expect(parseProcessState('4242 (node) Z 1')).toBe('Z');
    expect(parseProcessState('4242 (node)')).toBeUndefined();
  });
});

describe('isProcessRunning', () => {
  it('is true for this process and false once a child has exited', async () => {
    expect(isProcessRunning(process.pid)).toBe(true);
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await once(child, 'exit');
    expect(isProcessRunning(child.pid as number)).toBe(false);
  });

  it.runIf(existsSync('/proc/self/stat'))('counts a zombie as not running', async () => {
    // `sleep 0` exits at once, and its parent (exec'd into `sleep 30`) never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const [line] = (await once(parent.stdout, 'data')) as [Buffer];
      const zombie = Number(line.toString().trim());
      const deadline = Date.now() + 10_000;
      while (isProcessRunning(zombie) && Date.now() < deadline) {
        await sleep(20);
      }
      expect(isProcessRunning(zombie)).toBe(false);
      expect(isProcessRunning(parent.pid as number)).toBe(true);
    } finally {
      parent.kill('SIGKILL');
      await once(parent, 'exit');
    }
  });
});
