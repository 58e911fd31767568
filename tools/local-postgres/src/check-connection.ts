import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/** Connects, asks the server its version and disconnects; throws when it cannot. */
export async function queryServerVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end().catch(() => {});
  }
}

/** Polls until the server answers a query or the deadline passes; returns the version, or the last error. */
export async function waitForServer(
  url: string,
  timeoutMs: number,
): Promise<{ ok: true; version: string } | { ok: false; error: string }> {
  const deadline = Date.now() + timeoutMs;
  let error = 'no attempt finished';
  do {
    try {
      return { ok: true, version: await queryServerVersion(url) };
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
    await sleep(300);
  } while (Date.now() < deadline);
  return { ok: false, error };
}
