// `npm run build`: every package's dist/ (ESM + .d.ts) and the CDN files in dist/cdn/. See rollup.config.mjs
// for what is built; this script runs it, and the declarations beside it.
//
// Declarations come from `tsc -b tsconfig.build.json`: one project per package (packages/*/tsconfig.json), each
// compiled on its own src/ against the declarations of the packages it references, as a consumer of the
// published packages would see them. `rootDir: src` fails the build when a package reaches into another's
// files by a relative path (it would break once published). The emitted files import sibling packages by name.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import { cdnBuild, cdnDir, discoverPackages, packageBuild, root } from '../rollup.config.mjs';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** @param {import('rollup').RollupOptions} options */
async function runRollup(options) {
  const bundle = await rollup(options);
  try {
    const outputs = Array.isArray(options.output) ? options.output : [options.output];
    await Promise.all(outputs.map((output) => bundle.write(output)));
  } finally {
    await bundle.close();
  }
}

/**
 * Writes every package's declarations; resolves with the compiler's complaints, empty when none. `--force`: the
 * build deletes dist/ first, and tsc -b would otherwise trust its build info and skip the missing files.
 */
function emitDeclarations() {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsc, '-b', 'tsconfig.build.json', '--force', '--pretty', 'false'],
      { cwd: root },
      (error, stdout, stderr) => {
        resolve(error ? [`${stdout}${stderr}`.trim() || error.message] : []);
      },
    );
  });
}

/** Copies the hand-written or generated .d.ts files of src/ (the client's generated/schema.d.ts) to dist/. */
async function copyDeclarationFiles(pkg) {
  const src = join(pkg.dir, 'src');
  const files = (await readdir(src, { recursive: true })).filter((file) => file.endsWith('.d.ts'));
  await Promise.all(
    files.map(async (file) => {
      const target = join(pkg.dir, 'dist', file);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(src, file), target);
    }),
  );
}

/** Builds everything; resolves with the packages built. */
export async function build({ log = console.log } = {}) {
  const started = performance.now();
  const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
  const packages = discoverPackages();
  log(`Building ${packages.map((pkg) => pkg.name).join(', ')}`);

  const outputs = [...packages.map((pkg) => join(pkg.dir, 'dist')), cdnDir];
  await Promise.all(outputs.map((dir) => rm(dir, { recursive: true, force: true })));

  // The declarations need no JavaScript, and the JavaScript no declarations: tsc runs beside rollup.
  const declarations = emitDeclarations().then(async (problems) => {
    await Promise.all(packages.map(copyDeclarationFiles));
    log(`  declarations (tsc -b) ${seconds(started)}`);
    return problems;
  });

  let since = performance.now();
  await Promise.all(packages.map((pkg) => runRollup(packageBuild(pkg))));
  log(`  packages (rollup) ${seconds(since)}`);
  since = performance.now();
  await runRollup(cdnBuild(packages));
  log(`  CDN (${relative(root, cdnDir)}) ${seconds(since)}`);

  const declarationProblems = await declarations;
  if (declarationProblems.length > 0) throw new Error(`Declarations failed:\n${declarationProblems.join('\n')}`);
  log(`Built in ${seconds(started)}`);
  return packages;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  build().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
