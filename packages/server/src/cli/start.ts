import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { DemoCredentials } from '../auth/demo.js';
import {
  parseRateLimits,
  parseTrustedProxies,
  RateLimitConfigError,
  type RateLimits,
} from '../http/rate-limit-config.js';
import { startServer } from '../server.js';
import { checkTimeZone } from '../visits/days.js';
import { EXIT_OK, UsageError, type Command } from './command.js';
import { portOption } from './options.js';

export const startCommand: Command = {
  name: 'start',
  summary: 'Start the server (API under /v1, demo site at /, API reference at /docs).',
  usage: `pustaka start [--port N] [--host NAME] [--data DIR] [--demo | --production] [--trust-proxy LIST]
                     [--rate-limits FILE]

  --port N     Port to listen on (default: $PORT or 8080).
  --host NAME  Interface to listen on (default: $HOST or localhost; 0.0.0.0 for every interface).
  --data DIR   Folder of the SQLite database, created when missing (default: $PUSTAKA_DATA or ./data).
  --demo       On a fresh database, seed the demo library network of Bontang; create demo credentials
               (a site key for http://localhost:*, a kiosk and a staff token) and print them.
  --production Refuse to start while a demo credential is active (also when NODE_ENV=production).
  --trust-proxy LIST
               Reverse proxies whose X-Forwarded-For gives the client IP: addresses, CIDRs, loopback
               (default: $PUSTAKA_TRUST_PROXY, or none).
  --rate-limits FILE
               JSON rate limits over the defaults (default: $PUSTAKA_RATE_LIMITS, as JSON or a file path).
               See docs/operators.md.`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        demo: { type: 'boolean', default: false },
        production: { type: 'boolean', default: false },
        'trust-proxy': { type: 'string' },
        'rate-limits': { type: 'string' },
      },
      strict: true,
    });
    const production = values.production || io.env.NODE_ENV === 'production';
    if (production && values.demo)
      throw new UsageError('--demo cannot run in production mode (--production or NODE_ENV=production).');
    let rateLimits: RateLimits | undefined;
    let trustProxy: string[];
    try {
      const limitsSource = values['rate-limits'] ?? io.env.PUSTAKA_RATE_LIMITS;
      if (limitsSource) {
        rateLimits = parseRateLimits(
          limitsSource.trim().startsWith('{') ? limitsSource : readFileSync(limitsSource, 'utf8'),
        );
      }
      trustProxy = parseTrustedProxies(values['trust-proxy'] ?? io.env.PUSTAKA_TRUST_PROXY ?? '');
    } catch (error) {
      if (error instanceof RateLimitConfigError) throw new UsageError(error.message);
      throw error;
    }
    const port = portOption(values.port ?? io.env.PORT ?? '8080');
    const dataDir = values.data ?? io.env.PUSTAKA_DATA ?? 'data';
    const server = await startServer({
      dataDir,
      port,
      host: values.host ?? io.env.HOST ?? 'localhost',
      demo: values.demo,
      production,
      rateLimits,
      trustProxy,
      // The libraries' days (visit figures): Asia/Makassar unless the network lies elsewhere.
      visits: { timeZone: timeZoneOption(io.env.PUSTAKA_TIME_ZONE) },
      logger: { level: io.env.LOG_LEVEL ?? 'info' },
    });
    io.out(`Pustaka is running at ${server.url}`);
    io.out(`  demo site      ${server.url}/`);
    io.out(`  API            ${server.url}/v1/libraries`);
    io.out(`  API reference  ${server.url}/docs`);
    io.out(`  data           ${dataDir}${server.created ? ' (created now)' : ''}`);
    if (server.demoCredentials) printDemoCredentials(io.out, server.demoCredentials);
    io.out('Press Ctrl-C to stop.');
    await io.stopRequested();
    io.out('Stopping...');
    await server.close();
    return EXIT_OK;
  },
};

export { UsageError };

function timeZoneOption(timeZone: string | undefined): string | undefined {
  if (timeZone === undefined || timeZone === '') return undefined;
  try {
    return checkTimeZone(timeZone);
  } catch {
    throw new UsageError(
      `PUSTAKA_TIME_ZONE: "${timeZone}" is not a time zone this runtime knows (e.g. Asia/Makassar).`,
    );
  }
}

/** Printed, never logged: logs may travel further than the terminal. */
function printDemoCredentials(out: (line: string) => void, credentials: DemoCredentials): void {
  out('Demo credentials (demo mode only; production refuses to start while they exist):');
  out(`  site key       ${credentials.siteKey}  sman-1-bontang, from http://localhost:* and http://127.0.0.1:*`);
  out(`  kiosk token    ${credentials.kioskToken}  dispusip-bontang, at pintu-utama`);
  out(`  staff token    ${credentials.staffToken}  the whole network`);
}
