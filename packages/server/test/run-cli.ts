import { runCli } from '@pustaka/server';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `pustaka` command line in this process: the same `main` the bin runs, with the process replaced by
 * strings. `env` replaces the environment entirely, so the machine's PORT or PUSTAKA_DATA cannot leak in.
 */
export async function pustaka(args: string[], env: NodeJS.ProcessEnv = {}, errIsTerminal = false): Promise<CliRun> {
  const run = startCli(args, env, errIsTerminal);
  return run.done;
}

/**
 * Starts the command line in this process and answers at once: `waitFor` resolves when stdout shows a pattern
 * (or rejects if the command ends first), `stop()` acts as Ctrl-C, `done` resolves with what it printed.
 */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}, errIsTerminal = false) {
  const out: string[] = [];
  let err = '';
  const watchers: { pattern: RegExp; resolve: (match: RegExpExecArray) => void }[] = [];
  let requestStop!: () => void;
  const stopRequested = new Promise<void>((resolve) => (requestStop = resolve));
  const stdout = () => out.join('\n');

  const done = runCli(args, {
    out(line) {
      out.push(line);
      for (const watcher of [...watchers]) {
        const match = watcher.pattern.exec(stdout());
        if (match) {
          watchers.splice(watchers.indexOf(watcher), 1);
          watcher.resolve(match);
        }
      }
    },
    err: (line) => (err += line + '\n'),
    errText: (text) => (err += text),
    errIsTerminal,
    env,
    stopRequested: () => stopRequested,
  }).then((code): CliRun => ({ code, stdout: stdout(), stderr: err.trimEnd() }));

  return {
    done,
    stop: requestStop,
    waitFor(pattern: RegExp): Promise<RegExpExecArray> {
      const match = pattern.exec(stdout());
      if (match) return Promise.resolve(match);
      return Promise.race([
        new Promise<RegExpExecArray>((resolve) => watchers.push({ pattern, resolve })),
        done.then((result) => {
          throw new Error(
            `pustaka ${args.join(' ')} ended (${result.code}) before printing ${pattern}:\n${result.stdout}\n${result.stderr}`,
          );
        }),
      ]);
    },
  };
}
