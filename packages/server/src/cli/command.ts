/**
 * One `pustaka` subcommand. Exit codes, the same for the same failure in every command: 0 done, 1 failed while
 * running, 2 wrong usage, 3 an unknown library or id (a script can tell a typo in an id from a broken run).
 */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** The usage of a subcommand, for commands that have them (`pustaka keys create --help`). */
  usageFor?(args: string[]): string;
  run(args: string[], io: CommandIo): Promise<number>;
}

/**
 * Everything a command touches outside itself, so that tests run `main` in their own process (no tsx spawn per
 * call) and the bin passes the real process: `src/cli.ts`.
 */
export interface CommandIo {
  /** A line to stdout. */
  out(line: string): void;
  /** A line to stderr. */
  err(line: string): void;
  /** Raw text to stderr (a progress bar redrawn in place with `\r`). */
  errText(text: string): void;
  /** Whether stderr is a terminal: only then is a progress bar drawn unasked. */
  errIsTerminal: boolean;
  env: NodeJS.ProcessEnv;
  /** Resolves when a long-running command (`start`) should stop: Ctrl-C or SIGTERM for the real process. */
  stopRequested(): Promise<void>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_NOT_FOUND = 3;

/** A usage mistake: printed on one line with a hint to the command's `--help`, exit code 2. */
export class UsageError extends Error {}
