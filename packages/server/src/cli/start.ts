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
import { coverOriginsOption, portOption } from './options.js';

export const startCommand: Command = {
  name: 'start',
  summary: 'Start the server (API under /v1, demo site at /, API reference at /docs).',
  usage: `pustaka start [--port N] [--host NAME] [--data DIR] [--demo | --production] [--trust-proxy LIST]
                     [--rate-limits FILE] [--cover-origins LIST] [--membership-key-file FILE]
                     [--registration-retention-days N]

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
               See docs/operators.md.
  --cover-origins LIST
               Origins whose cover images the catalogue keeps and shows, comma-separated
               (https://sampul.example.org); covers from anywhere else are dropped. Paths on this server
               are always kept (default: $PUSTAKA_COVER_ORIGINS, or none).
  --membership-key-file FILE
               The key that encrypts NIK, phone, address and birth date (default: $PUSTAKA_MEMBERSHIP_KEY as
               64 hex digits, or $PUSTAKA_MEMBERSHIP_KEY_FILE; else, outside production, membership.key in the
               data folder, created 0600). Production refuses to start without one. See docs/membership.md.
  --registration-retention-days N
               Purge pending and rejected registrations after N days (default: $PUSTAKA_REGISTRATION_RETENTION_DAYS
               or 90).`,
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
        'cover-origins': { type: 'string' },
        'membership-key-file': { type: 'string' },
        'registration-retention-days': { type: 'string' },
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
    const coverOrigins = coverOriginsOption(values['cover-origins'] ?? io.env.PUSTAKA_COVER_ORIGINS);
    const port = portOption(values.port ?? io.env.PORT ?? '8080');
    const retention = values['registration-retention-days'] ?? io.env.PUSTAKA_REGISTRATION_RETENTION_DAYS;
    if (retention !== undefined && !/^[1-9]\d{0,4}$/.test(retention))
      throw new UsageError(`--registration-retention-days must be a whole number of days from 1, not "${retention}".`);
    const dataDir = values.data ?? io.env.PUSTAKA_DATA ?? 'data';
    const server = await startServer({
      dataDir,
      port,
      host: values.host ?? io.env.HOST ?? 'localhost',
      demo: values.demo,
      production,
      rateLimits,
      trustProxy,
      coverOrigins,
      // The libraries' days (visit figures): Asia/Makassar unless the network lies elsewhere.
      visits: { timeZone: timeZoneOption(io.env.PUSTAKA_TIME_ZONE) },
      logger: { level: io.env.LOG_LEVEL ?? 'info' },
      membershipKey: {
        envKey: io.env.PUSTAKA_MEMBERSHIP_KEY,
        keyFile: values['membership-key-file'] ?? io.env.PUSTAKA_MEMBERSHIP_KEY_FILE,
      },
      registrationRetentionDays: retention === undefined ? undefined : Number(retention),
    });
    io.out(`Pustaka is running at ${server.url}`);
    io.out(`  demo site      ${server.url}/`);
    io.out(`  API            ${server.url}/v1/libraries`);
    io.out(`  API reference  ${server.url}/docs`);
    io.out(`  data           ${dataDir}${server.created ? ' (created now)' : ''}`);
    io.out(
      `  membership key ${server.membershipKey.origin}${server.membershipKey.created ? ' (created now, mode 0600: back it up apart from the data)' : ''}`,
    );
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
