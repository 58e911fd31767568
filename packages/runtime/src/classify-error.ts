import { ServiceError } from './errors/service-error.ts';
import { isNetworkErrorCode, toStoreError } from './store/store-error.ts';

/** What the runtime needs to know about any thrown value to decide between retry and dead letter. */
export interface ErrorClassification {
  /** The error's code, or 'RUNTIME_HANDLER_FAILED' when it has none. */
  code: string;
  message: string;
  /** Kept for compatibility: true for 'transient' and 'unknown'. */
  retryable: boolean;
  /** 'transient': try again later; 'record': the record cannot succeed; 'unknown': nobody classified it. */
  fault: 'transient' | 'record' | 'unknown';
}

// The contracts package's brand: a message that breaks the contract stays broken.
const contractErrorBrand = Symbol.for('@order-service/contracts.ContractError');

type Fault = ErrorClassification['fault'];

function classification(code: string, message: string, fault: Fault): ErrorClassification {
  return { code, message, retryable: fault !== 'record', fault };
}

/**
 * Says who is at fault for any thrown value:
 * - `ServiceError`s (every typed error of the system) carry their own `fault`;
 * - a ContractError is the record's fault;
 * - another error that says `retryable` (our convention) or `retriable` (kafkajs) is `transient`
 *   when true and the record's fault when false;
 * - a raw pg/PGlite error (a SQLSTATE in `code` and a `severity`) is classified by its SQLSTATE class
 *   like the store does (`toStoreError`); a Node network error (ECONNREFUSED, ...) is `transient`;
 * - anything else (plain Error, TypeError, RangeError, a thrown string) is `unknown`: not a reason to
 *   dead-letter at once, nor to retry forever.
 */
export function classifyError(error: unknown): ErrorClassification {
  if (typeof error !== 'object' || error === null) {
    return classification('RUNTIME_HANDLER_FAILED', String(error), 'unknown');
  }
  const record = error as {
    retryable?: unknown;
    retriable?: unknown;
    code?: unknown;
    message?: unknown;
    severity?: unknown;
  };
  const message = typeof record.message === 'string' ? record.message : String(error);
  const code = typeof record.code === 'string' && record.code !== '' ? record.code : 'RUNTIME_HANDLER_FAILED';
  if (ServiceError.isInstance(error)) return classification(code, message, error.fault);
  if ((error as Record<symbol, unknown>)[contractErrorBrand] === true) {
    return classification(code, message, 'record');
  }
  if (typeof record.retryable === 'boolean') {
    return classification(code, message, record.retryable ? 'transient' : 'record');
  }
  if (typeof record.retriable === 'boolean') {
    return classification(code, message, record.retriable ? 'transient' : 'record');
  }
  if (
    typeof record.severity === 'string' &&
    typeof record.code === 'string' &&
    /^[0-9A-Z]{5}$/.test(record.code)
  ) {
    const storeError = toStoreError(error);
    return classification(storeError.code, message, storeError.fault);
  }
  if (isNetworkErrorCode(record.code)) return classification(code, message, 'transient');
  return classification(code, message, 'unknown');
}
