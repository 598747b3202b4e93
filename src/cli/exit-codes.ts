/** minimesos's documented exit codes (docs/cli.md). */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  backendUnavailable: 3,
  timedOut: 4,
  interrupted: 130,
} as const;

/** An error the CLI prints as `minimesos: <message>` plus a hint, exiting with `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = ExitCode.failure,
    readonly hint?: string,
  ) {
    super(message);
  }
}
