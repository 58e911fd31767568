import { describe, expect, it } from 'vitest';
import { classifyError } from '../classify-error.ts';
import { RuntimeError, ServiceError } from '../errors.ts';
import { StoreError, storeErrorCodeOf, toStoreError } from './store-error.ts';

describe('toStoreError', () => {
  it('marks connection failures as retryable store outages', () => {
    const error = toStoreError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(error.code).toBe('RUNTIME_STORE_UNAVAILABLE');
    expect(classifyError(error).retryable).toBe(true);
  });

  it('marks admin shutdown of the server as retryable', () => {
    expect(toStoreError({ code: '57P01', message: 'terminating connection' }).retryable).toBe(true);
  });

  it('marks serialization failures as retryable conflicts', () => {
    expect(toStoreError({ code: '40001', message: 'could not serialize' }).code).toBe(
      'RUNTIME_STORE_CONFLICT',
    );
  });

  it('keeps the SQLSTATE and constraint of a rejected statement, not retryable', () => {
    const error = toStoreError({ code: '23505', message: 'duplicate key', constraint: 'orders_pkey' });
    expect(error.code).toBe('RUNTIME_STORE_QUERY_FAILED');
    expect(error.retryable).toBe(false);
    expect(error.sqlState).toBe('23505');
    expect(error.constraint).toBe('orders_pkey');
  });
});

describe('toStoreError by SQLSTATE class', () => {
  const cases: [string, string, 'transient' | 'record' | 'unknown'][] = [
    // The record is at fault.
    ['22021', 'RUNTIME_STORE_QUERY_FAILED', 'record'], // U+0000 in text
    ['22001', 'RUNTIME_STORE_QUERY_FAILED', 'record'], // string too long
    ['22003', 'RUNTIME_STORE_QUERY_FAILED', 'record'], // numeric out of range
    ['22007', 'RUNTIME_STORE_QUERY_FAILED', 'record'], // invalid datetime format
    ['22008', 'RUNTIME_STORE_QUERY_FAILED', 'record'], // datetime field overflow
    ['22P02', 'RUNTIME_STORE_QUERY_FAILED', 'record'], // invalid text representation
    ['23502', 'RUNTIME_STORE_QUERY_FAILED', 'record'], // not null violation
    ['23505', 'RUNTIME_STORE_QUERY_FAILED', 'record'], // unique violation
    ['23514', 'RUNTIME_STORE_QUERY_FAILED', 'record'], // check violation
    ['54000', 'RUNTIME_STORE_QUERY_FAILED', 'record'], // index row too large
    ['54001', 'RUNTIME_STORE_QUERY_FAILED', 'record'], // statement too complex
    ['21000', 'RUNTIME_STORE_QUERY_FAILED', 'record'], // cardinality violation
    ['27000', 'RUNTIME_STORE_QUERY_FAILED', 'record'], // triggered data change violation
    ['44000', 'RUNTIME_STORE_QUERY_FAILED', 'record'], // with check option violation
    ['40002', 'RUNTIME_STORE_QUERY_FAILED', 'record'], // transaction integrity constraint violation
    // Trying again may help.
    ['42601', 'RUNTIME_STORE_MISCONFIGURED', 'transient'], // syntax error (code and schema disagree)
    ['42P01', 'RUNTIME_STORE_MISCONFIGURED', 'transient'], // undefined table
    ['42703', 'RUNTIME_STORE_MISCONFIGURED', 'transient'], // undefined column
    ['42501', 'RUNTIME_STORE_MISCONFIGURED', 'transient'], // insufficient privilege
    ['28P01', 'RUNTIME_STORE_MISCONFIGURED', 'transient'], // invalid password
    ['3D000', 'RUNTIME_STORE_MISCONFIGURED', 'transient'], // database does not exist
    ['08000', 'RUNTIME_STORE_UNAVAILABLE', 'transient'], // connection exception
    ['08006', 'RUNTIME_STORE_UNAVAILABLE', 'transient'], // connection failure
    ['08P01', 'RUNTIME_STORE_UNAVAILABLE', 'transient'], // protocol violation
    ['53000', 'RUNTIME_STORE_UNAVAILABLE', 'transient'], // insufficient resources
    ['53100', 'RUNTIME_STORE_UNAVAILABLE', 'transient'], // disk full
    ['53200', 'RUNTIME_STORE_UNAVAILABLE', 'transient'], // out of memory
    ['53300', 'RUNTIME_STORE_UNAVAILABLE', 'transient'], // too many connections
    ['57P01', 'RUNTIME_STORE_UNAVAILABLE', 'transient'], // admin shutdown
    ['57P02', 'RUNTIME_STORE_UNAVAILABLE', 'transient'], // crash shutdown
    ['57P03', 'RUNTIME_STORE_UNAVAILABLE', 'transient'], // cannot connect now
    ['57P05', 'RUNTIME_STORE_UNAVAILABLE', 'transient'], // idle session timeout
    ['58000', 'RUNTIME_STORE_UNAVAILABLE', 'transient'], // system error
    ['58030', 'RUNTIME_STORE_UNAVAILABLE', 'transient'], // io error
    ['25P03', 'RUNTIME_STORE_UNAVAILABLE', 'transient'], // idle in transaction session timeout
    ['25P04', 'RUNTIME_STORE_UNAVAILABLE', 'transient'], // transaction timeout
    ['57014', 'RUNTIME_STORE_TIMEOUT', 'transient'], // query canceled (statement_timeout)
    ['57000', 'RUNTIME_STORE_TIMEOUT', 'transient'], // operator intervention
    ['25006', 'RUNTIME_STORE_READ_ONLY', 'transient'], // read only sql transaction
    ['40001', 'RUNTIME_STORE_CONFLICT', 'transient'], // serialization failure
    ['40P01', 'RUNTIME_STORE_CONFLICT', 'transient'], // deadlock detected
    ['40003', 'RUNTIME_STORE_CONFLICT', 'transient'], // statement completion unknown
    ['55P03', 'RUNTIME_STORE_CONFLICT', 'transient'], // lock not available (lock_timeout)
    ['55006', 'RUNTIME_STORE_CONFLICT', 'transient'], // object in use
    // Nobody knows.
    ['XX000', 'RUNTIME_STORE_FAILED', 'unknown'], // internal error
    ['0A000', 'RUNTIME_STORE_FAILED', 'unknown'], // feature not supported
    ['P0001', 'RUNTIME_STORE_FAILED', 'unknown'], // raise exception
    ['58P01', 'RUNTIME_STORE_FAILED', 'unknown'], // undefined file
  ];

  it.each(cases)('classifies SQLSTATE %s as %s (%s)', (sqlState, code, fault) => {
    const error = toStoreError({ code: sqlState, severity: 'ERROR', message: `failure ${sqlState}` });
    expect(error).toMatchObject({ code, fault, sqlState, retryable: fault !== 'record' });
    expect(classifyError(error)).toMatchObject({ code, fault, retryable: fault !== 'record' });
    expect(error.message).toContain(`failure ${sqlState}`);
  });

  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ENOTFOUND',
    'EAI_AGAIN',
  ])('marks the network error %s as a transient outage', (code) => {
    const error = toStoreError(Object.assign(new Error(`connect ${code}`), { code }));
    expect(error).toMatchObject({
      code: 'RUNTIME_STORE_UNAVAILABLE',
      fault: 'transient',
      sqlState: undefined,
    });
  });

  it('marks a failed connect to several addresses (AggregateError) as a transient outage', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const error = toStoreError(new AggregateError([inner, inner], ''));
    expect(error).toMatchObject({ code: 'RUNTIME_STORE_UNAVAILABLE', fault: 'transient' });
  });

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
  ])('marks pg\'s "%s" as a transient outage', (message) => {
    expect(toStoreError(new Error(message))).toMatchObject({
      code: 'RUNTIME_STORE_UNAVAILABLE',
      fault: 'transient',
    });
  });

  it('marks PGlite used after close as a closed store, never the record’s fault', () => {
    expect(toStoreError(new Error('PGlite is closed'))).toMatchObject({
      code: 'RUNTIME_STORE_CLOSED',
      fault: 'transient',
    });
  });

  it('leaves a failure without SQLSTATE or known cause unclassified', () => {
    const error = toStoreError(new TypeError('Converting circular structure to JSON'));
    expect(error).toMatchObject({ code: 'RUNTIME_STORE_FAILED', fault: 'unknown', retryable: true });
  });

  it('returns a StoreError unchanged, keeps the cause, and is a ServiceError', () => {
    const driver = { code: '22021', severity: 'ERROR', message: 'invalid byte sequence' };
    const error = toStoreError(driver);
    expect(toStoreError(error)).toBe(error);
    expect(error.cause).toBe(driver);
    expect(StoreError.isInstance(error)).toBe(true);
    expect(RuntimeError.isInstance(error)).toBe(true);
    expect(ServiceError.isInstance(error)).toBe(true);
    expect(StoreError.isInstance(new RuntimeError('RUNTIME_KAFKA_UNAVAILABLE', 'x'))).toBe(false);
  });

  it('names the code of every SQLSTATE with storeErrorCodeOf', () => {
    expect(storeErrorCodeOf('22021')).toBe('RUNTIME_STORE_QUERY_FAILED');
    expect(storeErrorCodeOf('55P03')).toBe('RUNTIME_STORE_CONFLICT');
  });
});
