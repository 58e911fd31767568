#!/usr/bin/env node
import { DeadLetterToolError } from './dead-letter-tool-error.ts';
import { parseArguments } from './parse-arguments.ts';
import { runDeadLettersCommand } from './run-dead-letters-command.ts';

// The only place that reads the environment and the command line.
try {
  const command = parseArguments(process.argv.slice(2));
  process.exitCode = await runDeadLettersCommand(command, {
    defaultBrokers: process.env.KAFKA_BROKERS ?? 'localhost:9092',
    print: (line) => process.stdout.write(`${line}\n`),
  });
} catch (error) {
  if (DeadLetterToolError.isInstance(error)) {
    process.stderr.write(`dead-letters: ${error.code}: ${error.message}\n`);
    process.exitCode = error.code === 'DEAD_LETTERS_USAGE' ? 2 : 1;
  } else {
    throw error;
  }
}
