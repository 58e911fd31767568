import type { Violation } from './http-error.ts';

/** A schema validation error as Fastify passes it (TypeBox and Ajv share these fields). */
export interface SchemaValidationError {
  instancePath: string;
  keyword: string;
  schemaPath?: string;
  message?: string | undefined;
  params: unknown;
}

const maxShownLength = 200;

/** Reads a JSON pointer inside `root` (own properties only, so `__proto__` is never followed). */
export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let current: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function smallValue(value: unknown): { value?: unknown } {
  if (value === undefined) return {};
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return { value };
  if (typeof value === 'string' && value.length <= maxShownLength) return { value };
  return {};
}

/**
 * Turns schema errors into violations: one per unknown or missing property (pointing at it),
 * one per other failing path; `anyOf` summaries are dropped when a more precise error exists.
 */
export function toViolations(errors: readonly SchemaValidationError[], input: unknown): Violation[] {
  const violations: Violation[] = [];
  const seen = new Set<string>();
  const add = (violation: Violation) => {
    const key = `${violation.path}\u0000${violation.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    violations.push(violation);
  };
  const precisePaths = new Set(
    errors.filter((error) => error.keyword !== 'anyOf').map((error) => error.instancePath),
  );
  for (const error of errors) {
    const params = (error.params ?? {}) as { additionalProperties?: string[]; requiredProperties?: string[] };
    if (error.keyword === 'additionalProperties' && params.additionalProperties !== undefined) {
      for (const name of params.additionalProperties) {
        add({ path: `${error.instancePath}/${escapeSegment(name)}`, message: 'is not an allowed property' });
      }
      continue;
    }
    if (error.keyword === 'required' && params.requiredProperties !== undefined) {
      for (const name of params.requiredProperties) {
        add({ path: `${error.instancePath}/${escapeSegment(name)}`, message: 'is required' });
      }
      continue;
    }
    // TypeBox reports an unknown property twice; the additionalProperties entry above names it better.
    if (error.keyword === 'boolean' && error.schemaPath?.endsWith('/additionalProperties')) continue;
    if (error.keyword === 'anyOf' && precisePaths.has(error.instancePath)) continue;
    add({
      path: error.instancePath,
      message: error.message ?? `fails ${error.keyword}`,
      ...smallValue(valueAt(input, error.instancePath)),
    });
  }
  return violations;
}
