import { RuntimeError, type RuntimeErrorCode } from '../errors.ts';

const storeErrorBrand = Symbol.for('@order-service/runtime.StoreError');

/** A database failure, with the PostgreSQL SQLSTATE when the server reported one. */
export class StoreError extends RuntimeError {
  readonly [storeErrorBrand] = true;
  readonly sqlState: string | undefined;
  readonly constraint: string | undefined;

  constructor(
    code: RuntimeErrorCode,
    message: string,
    details: { cause?: unknown; sqlState?: string | undefined; constraint?: string | undefined } = {},
  ) {
    super(code, message, { cause: details.cause });
    this.name = 'StoreError';
    this.sqlState = details.sqlState;
    this.constraint = details.constraint;
  }

  /** True for store errors, also across copies of this package (no `instanceof`). */
  static override isInstance(value: unknown): value is StoreError {
    return typeof value === 'object' && value !== null && storeErrorBrand in value;
  }
}

// Node's codes for a socket that could not connect or broke (pg passes them through).
const networkErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
]);

// pg's own messages for a connection it lost or could not open (they carry no code).
const connectionLostMessage =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed|Connection ended unexpectedly/i;

/** True when `code` is a Node network error code (ECONNREFUSED, ECONNRESET, ...). */
export function isNetworkErrorCode(code: unknown): boolean {
  return typeof code === 'string' && networkErrorCodes.has(code);
}

/**
 * The runtime's code for a SQLSTATE, by class (https://www.postgresql.org/docs/current/errcodes-appendix.html):
 * the record is at fault for data exceptions (22), integrity (23), program limits (54),
 * cardinality (21), triggered data change (27), check option (44) and 40002; a database that does
 * not match the code (42 syntax or access rule: missing table, no privilege; 28 authorization;
 * 3D000 no such database) fails every record alike, so it is retried, never dead-lettered; trying
 * again may help for connection (08), resources (53), operator intervention (57), system errors
 * (58000, 58030), serialization failure, deadlock and unknown completion (40001, 40P01, 40003),
 * lock and object-in-use waits (55P03, 55006), read-only transactions (25006) and idle or
 * transaction timeouts (25P03, 25P04). Any other SQLSTATE is unclassified.
 */
export function storeErrorCodeOf(sqlState: string): RuntimeErrorCode {
  if (sqlState === '57014' || sqlState === '57000') return 'RUNTIME_STORE_TIMEOUT';
  if (sqlState === '25006') return 'RUNTIME_STORE_READ_ONLY';
  if (['40001', '40P01', '40003', '55P03', '55006'].includes(sqlState)) return 'RUNTIME_STORE_CONFLICT';
  if (/^(08|53|57)/.test(sqlState) || ['58000', '58030', '25P03', '25P04'].includes(sqlState)) {
    return 'RUNTIME_STORE_UNAVAILABLE';
  }
  if (/^(42|28)/.test(sqlState) || sqlState === '3D000') return 'RUNTIME_STORE_MISCONFIGURED';
  if (/^(21|22|23|27|44|54)/.test(sqlState) || sqlState === '40002') return 'RUNTIME_STORE_QUERY_FAILED';
  return 'RUNTIME_STORE_FAILED';
}

const messagePrefix: Record<string, string> = {
  RUNTIME_STORE_UNAVAILABLE: 'Database unavailable, retry later',
  RUNTIME_STORE_CONFLICT: 'Transaction conflict, retry it',
  RUNTIME_STORE_TIMEOUT: 'Statement cancelled by the database (timeout), retry later',
  RUNTIME_STORE_READ_ONLY: 'Database is read-only right now (failover?), retry later',
  RUNTIME_STORE_MISCONFIGURED:
    'The database does not match this version (schema or grants), retry once it is fixed',
  RUNTIME_STORE_QUERY_FAILED: 'The database refused the statement for the values it carries',
  RUNTIME_STORE_FAILED: 'Statement failed',
  RUNTIME_STORE_CLOSED: 'The store is closed',
};

/**
 * Wraps a driver error (pg or PGlite: both throw errors with the SQLSTATE in `code`) into a
 * `StoreError` whose code says who is at fault, see {@link storeErrorCodeOf}. Node network errors
 * and pg's "Connection terminated" are `RUNTIME_STORE_UNAVAILABLE`; PGlite's "PGlite is closed" is
 * `RUNTIME_STORE_CLOSED`; anything else without a SQLSTATE is the unclassified `RUNTIME_STORE_FAILED`.
 */
export function toStoreError(error: unknown): StoreError {
  if (StoreError.isInstance(error)) return error;
  const details = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
    constraint?: unknown;
    errors?: unknown;
  };
  const driverCode = typeof details.code === 'string' ? details.code : undefined;
  const message = typeof details.message === 'string' ? details.message : String(error);
  const constraint = typeof details.constraint === 'string' ? details.constraint : undefined;
  // A Node code such as EPIPE has the shape of a SQLSTATE too.
  const sqlState =
    driverCode !== undefined && !isNetworkErrorCode(driverCode) && /^[0-9A-Z]{5}$/.test(driverCode)
      ? driverCode
      : undefined;
  // Node reports a failed connect to several addresses (IPv4 and IPv6) as an AggregateError.
  const innerCodes = Array.isArray(details.errors)
    ? details.errors.map((inner) => (inner as { code?: unknown } | null)?.code)
    : [];
  let code: RuntimeErrorCode;
  if (sqlState !== undefined) code = storeErrorCodeOf(sqlState);
  else if (
    isNetworkErrorCode(driverCode) ||
    innerCodes.some(isNetworkErrorCode) ||
    connectionLostMessage.test(message)
  ) {
    code = 'RUNTIME_STORE_UNAVAILABLE';
  } else if (/^PGlite is closed/.test(message)) code = 'RUNTIME_STORE_CLOSED';
  else code = 'RUNTIME_STORE_FAILED';
  return new StoreError(code, `${messagePrefix[code] ?? 'Statement failed'}: ${message}`, {
    cause: error,
    sqlState,
    constraint,
  });
}
