// `npm test`: every check and every test, each runner's own output printed whole as it finishes (never
// interleaved), then one closing line `N passed, N failed`. Static checks (types, lint, format, spec lint, build)
// count as one test each.
//   node scripts/test.mjs          everything
//   node scripts/test.mjs node     static checks + Node tests
//   node scripts/test.mjs browser  browser tests + the Storybook build
//
// The checks and the Node tests run side by side: most are one single-threaded process each, so together they
// take about as long as the slowest instead of their sum. What orders them: the manifest first (it rewrites the
// root package.json, which every Node process reads; the typecheck and Storybook read the manifest itself), and
// the build before the Node tests of its output (`*.dist.node.test.ts`: the `pustaka` bin runs dist/).
// Typecheck, lint and format keep caches keyed by content in node_modules/.cache/pustaka: a run after a small
// change rechecks what changed (a fresh clone checks everything).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findChrome, howToGetChrome } from './find-chrome.mjs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv[2];
let passed = 0;
let failed = 0;
const summary = [];

/** Runs a command, its output kept (and streamed too when `stream`), and answers { code, output } once it ends. */
function run(command, args, env = {}, stream = false) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (stream) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      if (stream) process.stderr.write(chunk);
    });
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * Runs one runner and prints its whole output under its name when it ends, so that runners side by side do not
 * interleave; a runner alone (`stream`) prints as it goes. Answers { code, output, seconds, report }, where
 * `report(line)` puts the runner's line in the summary, in the order the runners were started.
 */
async function runPrinted(name, command, args, { env, stream = false } = {}) {
  const slot = summary.push(`… ${name}`) - 1;
  const commandLine = `${relative(root, command).startsWith('..') ? command : relative(root, command)} ${args.join(' ')}`;
  if (stream) console.log(`\n▶ ${name}: ${commandLine}`);
  const started = performance.now();
  const result = await run(command, args, env, stream);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!stream) process.stdout.write(`\n▶ ${name} (${seconds} s): ${commandLine}\n${result.output}`);
  return { ...result, seconds, report: (line) => (summary[slot] = line) };
}

/** A static check: passed or failed as one test. */
/** What Prettier keeps formatted (`npm run format` writes it); generated files are in .prettierignore. */
const formatted = ['**/*.{ts,mjs,js}', '.storybook/*.ts'];

async function check(name, command, args) {
  const { code, seconds, report } = await runPrinted(name, command, args);
  if (code === 0) passed++;
  else failed++;
  report(`${code === 0 ? '✔' : '✘'} ${name} (${seconds} s)`);
  return code;
}

/** Test files by suffix, outside node_modules and build output. */
function findFiles(dir, suffix, found = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findFiles(path, suffix, found);
    else if (name.endsWith(suffix)) found.push(relative(root, path));
  }
  return found.sort();
}

const bin = (name) => join(root, 'node_modules', '.bin', name);
const cached = (name) => join(root, 'node_modules', '.cache', 'pustaka', name);

/**
 * Runs Node test files in one `node --test` and counts their tests under `name`. Four files at a time: each
 * spends much of its time waiting on its server, its SQLite file or a child process (measured: 174 s against
 * 299 s with two, the whole `npm run test:node` on a busy 2-core machine).
 */
async function nodeTests(name, files, cache) {
  const { code, output, seconds, report } = await runPrinted(
    `${name} (${files.length} files)`,
    process.execPath,
    ['--conditions=development', '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=4', ...files],
    { env: { PUSTAKA_TEST_CACHE: cache } },
  );
  const pass = Number(/ℹ pass (\d+)/.exec(output)?.[1] ?? 0);
  const fail = Number(/ℹ fail (\d+)/.exec(output)?.[1] ?? 0);
  passed += pass;
  failed += fail + (code !== 0 && fail === 0 ? 1 : 0);
  report(`${code === 0 ? '✔' : '✘'} ${name}: ${pass} passed, ${fail} failed (${seconds} s)`);
}

/** The manifest feeds Storybook's autodocs (and the typecheck of .storybook/preview.ts). */
const manifest = () =>
  check('custom elements manifest', bin('cem'), [
    'analyze',
    '--litelement',
    '--globs',
    'packages/*/src/**/*.component.ts',
    '--outdir',
    '.',
    '--quiet',
  ]);

if (only !== 'browser') {
  const files = [
    ...findFiles(join(root, 'packages'), '.node.test.ts'),
    ...findFiles(join(root, 'test'), '.node.test.ts'),
  ];
  // `*.dist.node.test.ts` run what the build wrote (dist/), so they wait for it; the others use the sources only
  // and start beside the static checks.
  const onBuild = files.filter((file) => file.endsWith('.dist.node.test.ts'));
  const onSources = files.filter((file) => !onBuild.includes(file));
  // Shared by the test processes: the demo database, seeded once for all of them (test/support/server.ts).
  const cache = mkdtempSync(join(tmpdir(), 'pustaka-test-cache-'));

  await manifest();
  await Promise.all([
    // Each keeps what it learnt in node_modules/.cache, keyed by file contents (not times, which a clone
    // resets): a second run checks only what changed. The lint rules read no types, so a file's lint result
    // depends on that file alone and is safe to cache.
    check('typecheck', bin('tsc'), [
      '-p',
      'tsconfig.json',
      '--incremental',
      '--tsBuildInfoFile',
      cached('typecheck.tsbuildinfo'),
    ]),
    check('lint', bin('eslint'), [
      '.',
      '--max-warnings=0',
      '--cache',
      '--cache-strategy=content',
      `--cache-location=${cached('eslint/')}`,
    ]),
    check('format', bin('prettier'), [
      '--check',
      '--log-level=warn',
      '--cache',
      '--cache-strategy=content',
      `--cache-location=${cached('prettier')}`,
      ...formatted,
    ]),
    check('spec lint', bin('redocly'), ['lint', 'packages/spec/openapi.yaml', '--format=stylish']),
    nodeTests('Node tests', onSources, cache),
    check('build', process.execPath, ['scripts/build.mjs']).then(() =>
      nodeTests('Node tests of the build', onBuild, cache),
    ),
  ]);
  rmSync(cache, { recursive: true, force: true });
}

if (only !== 'node') {
  if (!findChrome()) {
    console.error(howToGetChrome);
    failed++;
    summary.push('✘ Browser tests: no Chrome or Chromium');
  } else {
    // The config starts the real server from source: workspace packages resolve through "development".
    const { code, output, seconds, report } = await runPrinted(
      'Browser tests (web-test-runner, Chromium)',
      bin('wtr'),
      ['--config', 'web-test-runner.config.mjs'],
      {
        env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --conditions=development`.trim() },
        stream: true,
      },
    );
    const counts = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
    const pass = Number(counts?.[1] ?? 0);
    const fail = Number(counts?.[2] ?? 0);
    passed += pass;
    failed += fail + (code !== 0 && fail === 0 ? 1 : 0);
    report(`${code === 0 ? '✔' : '✘'} Browser tests: ${pass} passed, ${fail} failed (${seconds} s)`);
  }
  // Storybook is the widgets' catalogue of states, seen in a browser: it is built with the browser half.
  if (only === 'browser') await manifest();
  await check('storybook build', bin('storybook'), ['build', '--quiet', '-o', 'storybook-static']);
}

console.log(`\nSummary\n${summary.map((line) => `  ${line}`).join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
