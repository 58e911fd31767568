const LEVELS: Record<string, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'name']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// pino writes epoch milliseconds by default, or an ISO string with its isoTime formatter.
function clockTime(time: unknown): string {
  if (typeof time === 'number') return new Date(time).toISOString().slice(11, 19);
  if (typeof time === 'string' && time.length >= 19) return time.slice(11, 19);
  return '--:--:--';
}

/**
 * Prefixes one line of an app's output with the app's name. A pino JSON line becomes
 * `HH:MM:SS LEVEL message {other fields}` so that three interleaved logs stay readable; any other
 * line is kept as it is.
 */
export function formatLogLine(app: string, line: string, width = 14): string {
  const prefix = `[${app}]`.padEnd(width + 2);
  let parsed: unknown;
  try {
    parsed = line.startsWith('{') ? JSON.parse(line) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!isRecord(parsed) || typeof parsed.msg !== 'string') return `${prefix} ${line}`;
  const level = (LEVELS[String(parsed.level)] ?? String(parsed.level ?? 'info')).toUpperCase();
  const rest = Object.fromEntries(Object.entries(parsed).filter(([key]) => !HIDDEN.has(key)));
  const details = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
  return `${prefix} ${clockTime(parsed.time)} ${level.padEnd(5)} ${parsed.msg}${details}`;
}
