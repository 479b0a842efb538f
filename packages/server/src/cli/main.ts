import type { Command, CommandIo } from './command.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from './command.js';
import { seedCommand } from './seed.js';
import { startCommand } from './start.js';
import { keysCommand } from './keys.js';
import { importCommand } from './import.js';
import { withdrawCommand } from './withdraw.js';
import { importMembersCommand } from './import-members.js';

/** Every subcommand; later areas add theirs here. */
export const commands: Command[] = [
  startCommand,
  seedCommand,
  keysCommand,
  importCommand,
  importMembersCommand,
  withdrawCommand,
];

const overview = () =>
  [
    'Usage: pustaka <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`),
    '',
    'Run `pustaka <command> --help` for the options of a command.',
  ].join('\n');

/** Runs the `pustaka` command line; answers the exit code. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name ? EXIT_OK : EXIT_USAGE;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`pustaka: unknown command "${name}".\nRun \`pustaka --help\` for the commands.`);
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`Usage: ${command.usageFor?.(args) ?? command.usage}`);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    // parseArgs throws TypeErrors with codes like ERR_PARSE_ARGS_UNKNOWN_OPTION for usage mistakes.
    const code = (error as { code?: string }).code ?? '';
    if (error instanceof UsageError || code.startsWith('ERR_PARSE_ARGS')) {
      // The mistake and where the usage is, not the whole usage: the mistake stays on screen, above the prompt.
      const subcommand = command.usageFor && command.usageFor(args) !== command.usage ? ` ${args[0]}` : '';
      io.err(`pustaka ${command.name}: ${(error as Error).message}`);
      io.err(`Run \`pustaka ${command.name}${subcommand} --help\` for the usage.`);
      return EXIT_USAGE;
    }
    io.err(`pustaka ${command.name}: ${(error as Error).message}`);
    return EXIT_FAILED;
  }
}
