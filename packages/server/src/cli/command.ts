/** One `pustaka` subcommand. Exit codes: 0 done, 1 failed while running, 2 wrong usage. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** The usage of a subcommand, for commands that have them (`pustaka keys create --help`). */
  usageFor?(args: string[]): string;
  run(args: string[], io: CommandIo): Promise<number>;
}

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A usage mistake: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
