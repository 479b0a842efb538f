import { main } from './cli/main.js';

/** Entry of the `pustaka` bin. */
const code = await main(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  env: process.env,
});
process.exitCode = code;
