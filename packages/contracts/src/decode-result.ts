import type { ContractError } from './contract-error.ts';

/** The outcome of a decode: the typed message, or a {@link ContractError} listing every violation. */
export type DecodeResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ContractError };
