/** What the server's command-line settings depend on. */
export type ServerOptionsInput = {
  readonly host: string;
  readonly port: number;
  readonly maxConnections: number;
  readonly socketDirectory: string;
};

/**
 * Settings passed with `pg_ctl -o` on every start (so a new PG_PORT needs no re-initdb), as one
 * shell-quoted string because pg_ctl hands it to /bin/sh.
 *
 * fsync and full_page_writes are off: they only protect against an operating-system crash, which
 * a throwaway test server does not need to survive. A killed server process (fault tests) still
 * loses nothing committed, because synchronous_commit stays on and the WAL reaches the kernel.
 */
export function renderServerOptions(input: ServerOptionsInput): string {
  const settings: [string, string | number][] = [
    ['listen_addresses', input.host],
    ['max_connections', input.maxConnections],
    ['unix_socket_directories', input.socketDirectory],
    ['fsync', 'off'],
    ['full_page_writes', 'off'],
  ];
  return [
    `-p ${input.port}`,
    ...settings.map(([name, value]) => `-c ${shellQuote(`${name}=${value}`)}`),
  ].join(' ');
}

/** Single-quotes a word for /bin/sh. */
export function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** pg_hba.conf: trust, but only over the local socket and 127.0.0.1 (the server listens nowhere else). */
export function renderHostBasedAuthentication(): string {
  return `# Written by tools/local-postgres: a throwaway test server, reachable only from this machine.
local   all   all                 trust
host    all   all   127.0.0.1/32  trust
`;
}

/** The pid and port in a postmaster.pid file (lines 1 and 4), or undefined when it is not one. */
export function parsePostmasterPid(text: string): { pid: number; port: number } | undefined {
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 && Number.isInteger(port) && port > 0 ? { pid, port } : undefined;
}
