import { RuntimeError } from '../errors.ts';

/** One environment variable that is missing or has a value the schema rejects. */
export interface ConfigProblem {
  variable: string;
  problem: string;
  /** What to set, taken from the schema (allowed values, description). */
  hint: string;
}

/** Thrown by `loadConfig`: the message lists every bad or missing variable at once. */
export class ConfigError extends RuntimeError {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const lines = problems.map((entry) => `  - ${entry.variable}: ${entry.problem}. ${entry.hint}`);
    super(
      'RUNTIME_CONFIG_INVALID',
      `Invalid configuration, fix these environment variables:\n${lines.join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }

  /** True for configuration errors, across package copies. */
  static override isInstance(value: unknown): value is ConfigError {
    return RuntimeError.isInstance(value) && value.code === 'RUNTIME_CONFIG_INVALID' && 'problems' in value;
  }
}
