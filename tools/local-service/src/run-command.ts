import { spawn } from 'node:child_process';

/** The outcome of a finished command; `missing` when the executable is not on the PATH. */
export type CommandResult =
  | { readonly kind: 'exited'; readonly code: number | null; readonly output: string }
  | { readonly kind: 'missing' };

/** Runs a command to its end and collects standard output and error together (for error messages). */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd?: string } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        resolve({ kind: 'missing' });
      } else {
        reject(error);
      }
    });
    child.on('close', (code) => {
      resolve({ kind: 'exited', code, output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

/** The last lines of a text, for error messages that should not flood a terminal. */
export function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
