// The two ways a summarize run can fail on purpose, each with its exit code: bad input (1) and bad usage (2).

/** The file or mapping cannot be summarised; the message says what to fix. Exit code 1. */
export class InputError extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/** The command line itself is wrong; the usage text follows the message unless the mistake is not about syntax. Exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string, readonly showUsage = true) {
    super(message);
    this.name = "UsageError";
  }
}
