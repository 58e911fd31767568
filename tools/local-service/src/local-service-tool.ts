/** Who a local server belongs to: the names its messages use, and the tool's own typed errors. */
export type LocalServiceTool = {
  /** The CLI's name, e.g. `local-kafka`: it prefixes error lines and names a lock's holder. */
  readonly name: string;
  /** The server the tool runs, e.g. `Kafka`. */
  readonly serverName: string;
  /** True for the tool's own errors, whose message says what to do; any other error prints in full. */
  readonly isToolError: (error: unknown) => error is Error;
  /** The tool's own error for a start/stop lock that another command keeps holding. */
  readonly lockTimeoutError: (message: string) => Error;
};
