// `npm test`: every check and every test, in order, with each runner's own summary, then one closing line
// `N passed, N failed`. Static checks (types, lint, spec lint, build) count as one test each.
//   node scripts/test.mjs          everything
//   node scripts/test.mjs node     static checks + Node tests
//   node scripts/test.mjs browser  browser tests only
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findChrome, howToGetChrome } from './find-chrome.mjs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv[2];
let passed = 0;
let failed = 0;
const summary = [];

/** Runs a command, streaming its output, and answers { code, output }. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function check(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const { code } = await run(command, args);
  if (code === 0) passed++;
  else failed++;
  summary.push(`${code === 0 ? '✔' : '✘'} ${name}`);
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

if (only !== 'browser') {
  // The manifest feeds Storybook's autodocs (and the typecheck of .storybook/preview.ts).
  await check('custom elements manifest', bin('cem'), ['analyze', '--litelement', '--globs', 'packages/*/src/**/*.component.ts', '--outdir', '.', '--quiet']);
  await check('typecheck', bin('tsc'), ['-p', 'tsconfig.json']);
  await check('lint', bin('eslint'), ['.', '--max-warnings=0']);
  await check('spec lint', bin('redocly'), ['lint', 'packages/spec/openapi.yaml', '--format=stylish']);
  await check('build', process.execPath, ['scripts/build.mjs']);
  await check('storybook build', bin('storybook'), ['build', '--quiet', '-o', 'storybook-static']);

  const files = [...findFiles(join(root, 'packages'), '.node.test.ts'), ...findFiles(join(root, 'test'), '.node.test.ts')];
  console.log(`\n▶ Node tests (${files.length} files)`);
  const { code, output } = await run(process.execPath, [
    '--conditions=development',
    '--import', 'tsx',
    '--test', '--test-reporter=spec', '--test-concurrency=2',
    ...files,
  ]);
  const pass = Number(/ℹ pass (\d+)/.exec(output)?.[1] ?? 0);
  const fail = Number(/ℹ fail (\d+)/.exec(output)?.[1] ?? 0);
  passed += pass;
  failed += fail + (code !== 0 && fail === 0 ? 1 : 0);
  summary.push(`${code === 0 ? '✔' : '✘'} Node tests: ${pass} passed, ${fail} failed`);
}

if (only !== 'node') {
  console.log('\n▶ Browser tests (web-test-runner, Chromium)');
  if (!findChrome()) {
    console.error(howToGetChrome);
    failed++;
    summary.push('✘ Browser tests: no Chrome or Chromium');
  } else {
    // The config starts the real server from source: workspace packages resolve through "development".
    const { code, output } = await run(bin('wtr'), ['--config', 'web-test-runner.config.mjs'], {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --conditions=development`.trim(),
    });
    const counts = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
    const pass = Number(counts?.[1] ?? 0);
    const fail = Number(counts?.[2] ?? 0);
    passed += pass;
    failed += fail + (code !== 0 && fail === 0 ? 1 : 0);
    summary.push(`${code === 0 ? '✔' : '✘'} Browser tests: ${pass} passed, ${fail} failed`);
  }
}

console.log(`\nSummary\n${summary.map((line) => `  ${line}`).join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
