import { parseArgs } from 'node:util';
import { startServer } from '../server.js';
import { EXIT_OK, UsageError, type Command } from './command.js';
import { portOption } from './options.js';

export const startCommand: Command = {
  name: 'start',
  summary: 'Start the server (API under /v1, demo site at /, API reference at /docs).',
  usage: `pustaka start [--port N] [--host NAME] [--data DIR] [--demo]

  --port N     Port to listen on (default: $PORT or 8080).
  --host NAME  Interface to listen on (default: $HOST or localhost; 0.0.0.0 for every interface).
  --data DIR   Folder of the SQLite database, created when missing (default: $PUSTAKA_DATA or ./data).
  --demo       On a fresh database, seed the demo library network of Bontang.`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        demo: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const port = portOption(values.port ?? io.env.PORT ?? '8080');
    const dataDir = values.data ?? io.env.PUSTAKA_DATA ?? 'data';
    const server = await startServer({
      dataDir,
      port,
      host: values.host ?? io.env.HOST ?? 'localhost',
      demo: values.demo,
      logger: { level: io.env.LOG_LEVEL ?? 'info' },
    });
    io.out(`Pustaka is running at ${server.url}`);
    io.out(`  demo site      ${server.url}/`);
    io.out(`  API            ${server.url}/v1/libraries`);
    io.out(`  API reference  ${server.url}/docs`);
    io.out(`  data           ${dataDir}${server.created ? ' (created now)' : ''}`);
    io.out('Press Ctrl-C to stop.');
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        io.out('Stopping...');
        server.close().then(resolve, resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return EXIT_OK;
  },
};

export { UsageError };
