import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { ContractError } from './contract-error.ts';
import type { DecodeResult } from './decode-result.ts';
import { registerDateTimeFormat } from './register-date-time-format.ts';
import { toViolations } from './to-violations.ts';

// Must precede every Compile(): compiled code captures the format function at compile time.
registerDateTimeFormat();

/** Decode and encode of one message, from its schema. */
export interface MessageCodec<T> {
  /** The message name (`OrderCreated`, ...), used in error messages and the `x-message-name` header. */
  readonly messageName: string;
  /** True when `value` passes the wire schema. */
  readonly check: (value: unknown) => value is T;
  /** Decodes a Kafka record value (Buffer or string of JSON) or an already parsed value. */
  readonly decode: (value: unknown) => DecodeResult<T>;
  /** Validates and serialises to the JSON record value; throws {@link ContractError} when invalid. */
  readonly encode: (value: T) => string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function invalidJson(messageName: string, reason: string, cause: unknown): DecodeResult<never> {
  return {
    ok: false,
    error: new ContractError({
      code: 'CONTRACT_INVALID_JSON',
      messageName,
      violations: [{ path: '', message: `must be a UTF-8 JSON object (${reason})` }],
      cause,
    }),
  };
}

/** Compiles `schema` once and builds its decode/encode pair. */
export function createMessageCodec<const Schema extends TSchema>(
  messageName: string,
  schema: Schema,
): MessageCodec<Static<Schema>> {
  type T = Static<Schema>;
  const validator = Compile(schema);
  const check = (value: unknown): value is T => validator.Check(value);

  // The error path runs typebox's (slower) error walk only once Check has failed.
  const schemaError = (value: unknown) =>
    new ContractError({
      code: 'CONTRACT_SCHEMA_VIOLATION',
      messageName,
      violations: toViolations(validator.Errors(value), schema, value),
    });

  const decode = (input: unknown): DecodeResult<T> => {
    let value = input;
    if (typeof input === 'string' || input instanceof Uint8Array) {
      let text: string;
      try {
        text = typeof input === 'string' ? input : utf8.decode(input);
      } catch (cause) {
        return invalidJson(messageName, 'the bytes are not valid UTF-8', cause);
      }
      try {
        value = JSON.parse(text);
      } catch (cause) {
        return invalidJson(messageName, cause instanceof Error ? cause.message : 'not JSON', cause);
      }
    }
    if (validator.Check(value)) return { ok: true, value: value as T };
    return { ok: false, error: schemaError(value) };
  };

  const encode = (value: T): string => {
    if (!validator.Check(value)) throw schemaError(value);
    return JSON.stringify(value);
  };

  return { messageName, check, decode, encode };
}
