import type { TLocalizedValidationError } from 'typebox/error';
import { escapePointerToken, resolvePointer } from './json-pointer.ts';
import type { Violation } from './violation.ts';

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

const FORMAT_WORDS: Record<string, string> = {
  'date-time': 'an RFC 3339 date-time with a time zone, e.g. 2024-02-20T15:30:00Z',
  uuid: 'a UUID, e.g. 9b2f1e3c-4d5a-5b6c-8d7e-0f1a2b3c4d5e',
};

/** Describes a value for a message, shortened so a huge payload does not flood logs. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function typeWord(schema: unknown): string {
  const type = (schema as { type?: unknown } | undefined)?.type;
  const types = Array.isArray(type) ? type : [type];
  return types.map((name) => TYPE_WORDS[String(name)] ?? String(name)).join(' or ');
}

function expectation(error: TLocalizedValidationError, schema: unknown): string {
  switch (error.keyword) {
    case 'type':
      return `must be ${typeWord({ type: error.params.type })}`;
    case 'minimum':
      return `must be ${typeWord(schema)} >= ${error.params.limit}`;
    case 'maximum':
      return `must be ${typeWord(schema)} <= ${error.params.limit}`;
    case 'enum':
      return `must be one of ${error.params.allowedValues.map(String).join(', ')}`;
    case 'format':
      return `must be ${FORMAT_WORDS[error.params.format] ?? `in format ${error.params.format}`}`;
    case 'minLength':
      return `must have at least ${error.params.limit} character${error.params.limit === 1 ? '' : 's'}`;
    case 'pattern':
      return `must match the pattern ${String(error.params.pattern)}`;
    default:
      return error.message;
  }
}

/**
 * Turns typebox validation errors into violations with messages that say what to fix
 * ("/items/0/quantity must be an integer >= 1, got 0"): one per JSON pointer (a wrong type that
 * also misses an enum reads "must be a string and must be one of ..."), one per missing property.
 */
export function toViolations(
  errors: readonly TLocalizedValidationError[],
  schema: unknown,
  message: unknown,
): Violation[] {
  const missing: Violation[] = [];
  const expectationsByPath = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword === 'required') {
      for (const property of error.params.requiredProperties) {
        const path = `${error.instancePath}/${escapePointerToken(property)}`;
        if (resolvePointer(message, path) !== undefined) continue;
        if (missing.some((violation) => violation.path === path)) continue;
        const fieldSchema = resolvePointer(
          schema,
          `${error.schemaPath}/properties/${escapePointerToken(property)}`,
        );
        missing.push({ path, message: `is required (${typeWord(fieldSchema)})` });
      }
      continue;
    }
    const expected = expectation(error, resolvePointer(schema, error.schemaPath));
    const expectations = expectationsByPath.get(error.instancePath) ?? [];
    if (!expectations.includes(expected)) expectations.push(expected);
    expectationsByPath.set(error.instancePath, expectations);
  }
  const wrong = [...expectationsByPath].map(([path, expectations]): Violation => {
    const value = resolvePointer(message, path);
    return { path, message: `${expectations.join(' and ')}, got ${describeValue(value)}`, value };
  });
  return [...missing, ...wrong];
}
