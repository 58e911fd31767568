export { type FileLockOptions, withFileLock } from './file-lock.ts';
export type { LocalServiceTool } from './local-service-tool.ts';
export { isPortFree } from './port-check.ts';
export { isProcessRunning } from './process-running.ts';
export { type CommandResult, lastLines, runCommand } from './run-command.ts';
export {
  type CliOutput,
  cliExitCodes,
  type LocalServiceCommands,
  runLocalServiceCli,
} from './run-local-service-cli.ts';
