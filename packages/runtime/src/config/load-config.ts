import type { Static, TObject, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { ConfigError, type ConfigProblem } from './config-error.ts';

/** The shape `process.env` has; tests pass plain objects. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Validates the environment against a TypeBox object schema: fills defaults, converts strings to
 * numbers and booleans, and returns a frozen typed object. Empty strings count as unset, because
 * orchestrators often render an unset variable as `VAR=`. Throws `ConfigError` naming every problem.
 */
export function loadConfig<Schema extends TObject>(
  schema: Schema,
  env: Environment,
): Readonly<Static<Schema>> {
  const input: Record<string, unknown> = {};
  for (const name of Object.keys(schema.properties)) {
    const raw = env[name];
    if (raw !== undefined && raw !== '') input[name] = raw;
  }
  const value = Value.Convert(schema, Value.Default(schema, input));
  const problems = collectProblems(schema, value);
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(value as Static<Schema>);
}

function collectProblems(schema: TObject, value: unknown): ConfigProblem[] {
  const byVariable = new Map<string, ConfigProblem>();
  for (const error of Value.Errors(schema, value)) {
    if (error.keyword === 'required') {
      const missing = (error.params as { requiredProperties?: string[] }).requiredProperties ?? [];
      for (const variable of missing) {
        byVariable.set(variable, {
          variable,
          problem: 'is required but not set',
          hint: describeExpected(variable, schema.properties[variable]),
        });
      }
      continue;
    }
    const variable = error.instancePath.split('/')[1];
    if (variable === undefined || byVariable.has(variable)) continue;
    const received = (value as Record<string, unknown>)[variable];
    const shown = /SECRET|PASSWORD|KEY|TOKEN|DATABASE_URL/.test(variable)
      ? '(hidden)'
      : JSON.stringify(received);
    byVariable.set(variable, {
      variable,
      problem: `has the value ${shown}, which ${error.message}`,
      hint: describeExpected(variable, schema.properties[variable]),
    });
  }
  return [...byVariable.values()].sort((left, right) => left.variable.localeCompare(right.variable));
}

function describeExpected(variable: string, schema: TSchema | undefined): string {
  if (schema === undefined) return `Set ${variable}.`;
  const annotated = schema as { description?: string; anyOf?: { const?: unknown }[]; type?: unknown };
  const choices = annotated.anyOf?.map((member) => member.const).filter((choice) => choice !== undefined);
  const expected =
    choices !== undefined && choices.length > 0
      ? `one of ${choices.map((choice) => String(choice)).join(', ')}`
      : typeof annotated.type === 'string'
        ? `a ${annotated.type}`
        : 'a valid value';
  const description = annotated.description === undefined ? '' : ` (${annotated.description})`;
  return `Set ${variable} to ${expected}${description}.`;
}
