import { ensurePostgresRunning, stopPostgres } from '@order-service/local-postgres';

/** Variables of tools/local-postgres that select a server of the suite's own (PG_PORT, ORDER_SERVICE_CACHE). */
export type LocalPostgresOverrides = Record<string, string>;

const environment = (overrides: LocalPostgresOverrides) => ({ ...process.env, ...overrides });

/** Starts the server (initdb the first time) and returns its URL. */
export async function startLocalPostgres(overrides: LocalPostgresOverrides): Promise<string> {
  return (await ensurePostgresRunning({ env: environment(overrides) })).url;
}

/** Stops the server (`force`: immediate mode, like a crash); succeeds when it was not running. */
export async function stopLocalPostgres(
  overrides: LocalPostgresOverrides,
  options: { force?: boolean } = {},
): Promise<void> {
  await stopPostgres({ env: environment(overrides), force: options.force ?? false });
}
