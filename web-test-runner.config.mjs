// Browser tests in real Chromium. The page's own origin also serves the REAL Pustaka server under /v1
// (a fresh demo database per run), so widgets and the client are tested against what users meet.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { register } from 'tsx/esm/api';
import { chromeArgs, findChrome, howToGetChrome } from './scripts/find-chrome.mjs';

const executablePath = findChrome();
if (!executablePath) {
  console.error(howToGetChrome);
  process.exit(1);
}

register();
const { startTestServer } = await import('./test/support/server.ts');
const { describeViolations } = await import('./test/support/contract-check.ts');
// No minimum fill time: tests fill the registration form faster than a person (the server's Node tests cover
// the anti-spam rules); a trapped registration would be answered as usual but never stored. Headless Chromium's
// user agent is counted for the track face's tests; navigator.webdriver still marks a bot.
const api = await startTestServer({ membership: { minFillMs: 0 }, visits: { countHeadless: true } });
process.on('exit', () => void api.close());

/**
 * Every answer the widgets and the client got in the browser is checked against the contract (as in the Node
 * tests). The runner has reported its tests by the time it stops its server; a mismatch then fails the run
 * (wtr takes no error from a plugin, so the process ends here with 1).
 */
const contractCheckPlugin = {
  name: 'pustaka-contract-check',
  serverStop() {
    if (api.responseViolations.length === 0) return;
    console.error(`\n${describeViolations(api.responseViolations)}\n`);
    process.exit(1);
  },
};

/**
 * Hands API paths (and the demo keys the kiosk and track tests use) to Fastify; Koa presets 404, so the status is
 * reset before Fastify answers.
 */
function apiMiddleware(context, next) {
  // The demo site key and staff token, for browser tests that register or approve (test runner only).
  if (context.path === '/test/demo-credentials') {
    context.body = api.demoCredentials;
    return;
  }
  if (!context.path.startsWith('/v1/') && context.path !== '/v1' && context.path !== '/demo-keys.json') return next();
  context.respond = false;
  context.res.statusCode = 200;
  api.app.routing(context.req, context.res);
}

export default {
  rootDir: '.',
  files: ['packages/*/{src,test}/**/*.browser.test.ts', 'test/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  concurrency: 1,
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: chromeArgs } })],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), contractCheckPlugin],
  middleware: [apiMiddleware],
  testFramework: { config: { timeout: 10000 } },
  // Lit's dev-mode banner is expected in tests (sources run with the "development" condition).
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testsFinishTimeout: 180000,
};
