export { type DeadLetter, isDeadLetterHeader, toDeadLetter } from './dead-letter.ts';
export { type DeadLetterFilter, matchesFilter } from './dead-letter-filter.ts';
export { DeadLetterToolError, type DeadLetterToolErrorCode } from './dead-letter-tool-error.ts';
export { type Command, parseArguments, USAGE } from './parse-arguments.ts';
export { readDeadLetters } from './read-dead-letters.ts';
export { originalHeaders, type ReplayOutcome, replayDeadLetters } from './replay-dead-letters.ts';
export { type CommandContext, runDeadLettersCommand } from './run-dead-letters-command.ts';
