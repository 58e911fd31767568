/** The PostgreSQL server of the integration tests (TEST_DATABASE_URL, which `pnpm pg:start` prints), if set. */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url === undefined || url === '' ? undefined : url;
}

/** TEST_DATABASE_URL, or an error saying how to set it. */
export function requireTestDatabaseUrl(): string {
  const url = testDatabaseUrl();
  if (url === undefined) {
    throw new Error('TEST_DATABASE_URL is not set: run `pnpm pg:start` and export the URL it prints.');
  }
  return url;
}
