/** The last `keepLines` lines a child process wrote, for failure messages. */
export function createOutputBuffer(keepLines: number): {
  append: (chunk: Buffer | string) => void;
  text: () => string;
} {
  const lines: string[] = [];
  let partial = '';
  return {
    append(chunk) {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.length > keepLines) lines.splice(0, lines.length - keepLines);
    },
    text: () => [...lines, partial].filter((line) => line !== '').join('\n'),
  };
}
