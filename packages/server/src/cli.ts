import { main } from './cli/main.js';
import type { CommandIo } from './cli/command.js';

/**
 * Whether stdout's reader went away: `pustaka keys audit | head` closes the pipe after ten lines, and the next
 * write fails with EPIPE. That is the reader's choice, not a failure: the rest of the output is dropped and the
 * command ends with its own exit code (0), as `ls | head` does, instead of a crash with a stack trace.
 */
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

/** The real process as the command line sees it; tests hand `main` their own (test/run-cli.ts). */
const processIo: CommandIo = {
  out: (line) => {
    if (!stdoutClosed) process.stdout.write(line + '\n');
  },
  err: (line) => process.stderr.write(line + '\n'),
  errText: (text) => process.stderr.write(text),
  errIsTerminal: Boolean(process.stderr.isTTY),
  env: process.env,
  // Listeners only once a command waits for them: until then Ctrl-C ends the process as usual (an import).
  stopRequested: () =>
    new Promise((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    }),
};

/** Entry of the `pustaka` bin (bin/pustaka.js loads this file, built or from source). */
process.exitCode = await main(process.argv.slice(2), processIo);
