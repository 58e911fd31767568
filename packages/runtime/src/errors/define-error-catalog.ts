import type { ErrorFault } from './service-error.ts';

/** One code of a catalog as written by its app: when it happens, whether retrying may help, its HTTP status. */
export interface ErrorCatalogEntryInput {
  /** When the error happens and what to do about it (the README row says the same). */
  readonly description: string;
  /** Whether doing the same thing again may succeed. */
  readonly retryable: boolean;
  /** The HTTP status of the error, for codes an HTTP API answers. */
  readonly httpStatus?: number;
  /** Only for codes that mean "nobody classified this failure": `unknown` (then `retryable` is true). */
  readonly fault?: 'unknown';
}

/** One code of a catalog, as {@link defineErrorCatalog} returns it: the input plus its code and fault. */
export type ErrorCatalogEntry<
  Code extends string = string,
  Input extends ErrorCatalogEntryInput = ErrorCatalogEntryInput,
> = Omit<Input, 'fault'> & { readonly code: Code; readonly fault: ErrorFault };

/** A catalog: every code of one app (or the runtime), each with its entry. */
export type ErrorCatalog<Entries extends Record<string, ErrorCatalogEntryInput>> = {
  readonly [Code in keyof Entries & string]: ErrorCatalogEntry<Code, Entries[Code]>;
};

/** The codes of a catalog, e.g. `ErrorCode<typeof notifierErrorCatalog>`. */
export type ErrorCode<Catalog> = keyof Catalog & string;

type PrefixedEntries<Prefix extends string, Entries> = {
  [Code in keyof Entries]: Code extends `${Prefix}_${string}` ? ErrorCatalogEntryInput : never;
};

/**
 * The one way to declare error codes: `defineErrorCatalog('NOTIFIER', { NOTIFIER_X: { description,
 * retryable, httpStatus? } })`. Every code must start with the prefix and be UPPER_SNAKE_CASE (checked
 * by the type and, for JavaScript callers, when the catalog is defined). Returns a frozen record of
 * code -> entry (with `code` and `fault` filled in) that `ServiceError` subclasses take their
 * definition from and README tests iterate.
 */
export function defineErrorCatalog<
  const Prefix extends string,
  const Entries extends Record<string, ErrorCatalogEntryInput>,
>(prefix: Prefix, entries: Entries & PrefixedEntries<Prefix, Entries>): ErrorCatalog<Entries> {
  if (!/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(prefix)) {
    throw new TypeError(`Error catalog prefix "${prefix}" must be UPPER_SNAKE_CASE, e.g. "NOTIFIER".`);
  }
  const catalog: Record<string, ErrorCatalogEntry> = {};
  for (const [code, input] of Object.entries(entries as Record<string, ErrorCatalogEntryInput>)) {
    if (!code.startsWith(`${prefix}_`) || !/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(code)) {
      throw new TypeError(
        `Error code "${code}" must be UPPER_SNAKE_CASE and start with "${prefix}_"; rename it, e.g. "${prefix}_${code.replace(/^[A-Z0-9]+_/, '')}".`,
      );
    }
    if (input.fault === 'unknown' && !input.retryable) {
      throw new TypeError(`Error code "${code}" says fault "unknown", so it must also say retryable: true.`);
    }
    if (
      input.httpStatus !== undefined &&
      !(Number.isInteger(input.httpStatus) && input.httpStatus >= 400 && input.httpStatus <= 599)
    ) {
      throw new TypeError(
        `Error code "${code}" has httpStatus ${input.httpStatus}; use a 4xx or 5xx status.`,
      );
    }
    catalog[code] = Object.freeze({
      ...input,
      code,
      fault: input.fault ?? (input.retryable ? 'transient' : 'record'),
    });
  }
  return Object.freeze(catalog) as ErrorCatalog<Entries>;
}
