// `npm run build`: every package's dist/ (ESM + .d.ts), each widget's custom-elements.json and the CDN files in
// dist/cdn/. See rollup.config.mjs for what is built; this script runs it, and the declarations beside it.
// Nothing is built when no input changed since the last build (`npm start` runs it every time; a full build takes
// 30 to 60 s here): `--force` builds anyway, `--check` only says whether a build would run (exit code 1).
//
// Declarations come from `tsc -b tsconfig.build.json`: one project per package (packages/*/tsconfig.json), each
// compiled on its own src/ against the declarations of the packages it references, as a consumer of the
// published packages would see them. `rootDir: src` fails the build when a package reaches into another's
// files by a relative path (it would break once published). The emitted files import sibling packages by name.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { baseElementGlob, internalStatePlugin } from '../custom-elements-manifest.config.mjs';
import { cdnBuild, cdnDir, discoverPackages, packageBuild, root } from '../rollup.config.mjs';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** @param {import('rollup').RollupOptions} options */
async function runRollup(options) {
  // Loaded on first use, like the analyzer below: a build that is up to date answers without them.
  const { rollup } = await import('rollup');
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

/**
 * The bare imports of a package's emitted declarations that its package.json does not declare. A consumer's
 * TypeScript resolves them from the consumer's node_modules: they work in a hoisted install only by luck, and
 * fail in a linked (pnpm-style) one. Inferred types name the package that declares them (`lit-html`, not `lit`).
 */
async function undeclaredTypeImports(pkg) {
  const declared = new Set([
    pkg.name,
    ...Object.keys(pkg.manifest.dependencies ?? {}),
    ...Object.keys(pkg.manifest.peerDependencies ?? {}),
  ]);
  const dist = join(pkg.dir, 'dist');
  const files = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('.d.ts'));
  const undeclared = new Set();
  for (const file of files) {
    const text = await readFile(join(dist, file), 'utf8');
    const specifiers = [
      ...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]/gm),
      ...text.matchAll(/^import\s+['"]([^'"]+)['"]/gm),
      ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ].map((match) => match[1]);
    for (const specifier of specifiers.filter((found) => !found.startsWith('.'))) {
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      if (specifier.startsWith('node:') || builtinModules.includes(name)) continue;
      if (!declared.has(name)) undeclared.add(`${relative(root, join(dist, file))} imports ${name}`);
    }
  }
  return [...undeclared];
}

/**
 * Writes `custom-elements.json` into each widget package (packed with it, named by `customElements`): its own
 * elements, with what they inherit from the base class in @pustaka/core, paths pointing at the shipped dist/.
 */
async function writeElementManifests(packages) {
  const { create, ts } = await import('@custom-elements-manifest/analyzer');
  const { litPlugin } = await import('@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js');
  const widgets = packages.filter((pkg) => pkg.widget);
  await Promise.all(
    widgets.map(async (pkg) => {
      const componentFiles = readdirSync(join(pkg.dir, 'src'), { recursive: true })
        .filter((file) => file.endsWith('.component.ts'))
        .map((file) => relative(root, join(pkg.dir, 'src', file)));
      const modules = [baseElementGlob, ...componentFiles].map((file) =>
        ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true),
      );
      const manifest = create({ modules, plugins: [...litPlugin(), internalStatePlugin()] });
      const own = `${relative(root, pkg.dir)}/`;
      const shipped = (path) =>
        path
          .replace(own, '')
          .replace(/^src\//, 'dist/')
          .replace(/\.ts$/, '.js');
      // Inherited from another package: named by package, as a consumer imports it.
      const byPackage = (reference) =>
        reference?.module && !reference.module.startsWith(own)
          ? { name: reference.name, package: '@pustaka/core' }
          : reference && { ...reference, ...(reference.module && { module: shipped(reference.module) }) };
      manifest.modules = manifest.modules
        .filter((module) => module.path.startsWith(own))
        .map((module) => ({
          ...module,
          path: shipped(module.path),
          declarations: module.declarations.map((declaration) => {
            for (const kind of ['attributes', 'members', 'events', 'cssProperties', 'cssParts', 'slots']) {
              for (const item of declaration[kind] ?? []) {
                if (item.inheritedFrom) item.inheritedFrom = byPackage(item.inheritedFrom);
              }
            }
            return declaration;
          }),
          exports: module.exports?.map((entry) => ({ ...entry, declaration: byPackage(entry.declaration) })),
        }));
      await writeFile(join(pkg.dir, 'custom-elements.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    }),
  );
}

/** Where a successful build notes when it started: inputs older than that are built. */
const stampFile = join(root, 'dist', 'build-stamp.json');

/** What the build reads, besides node_modules (package-lock.json stands for those). */
function newestInput(packages) {
  let newest = 0;
  const visit = (path) => {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const name of readdirSync(path)) {
        if (name === 'node_modules' || name === 'dist' || name === 'custom-elements.json') continue;
        if (name.startsWith('.') || name.endsWith('.workspace')) continue;
        visit(join(path, name));
      }
    } else newest = Math.max(newest, stats.mtimeMs);
  };
  for (const pkg of packages) visit(pkg.dir);
  visit(join(root, 'packages', 'spec'));
  const rootInputs = ['package.json', 'package-lock.json', 'rollup.config.mjs', 'tsconfig.json', 'tsconfig.build.json'];
  for (const file of [...rootInputs, 'custom-elements-manifest.config.mjs', 'scripts/build.mjs']) {
    if (existsSync(join(root, file))) visit(join(root, file));
  }
  return newest;
}

/** Whether the last build's outputs are all there and no input changed since it started. */
function upToDate(packages) {
  if (!existsSync(stampFile)) return false;
  const { startedAt } = JSON.parse(readFileSync(stampFile, 'utf8'));
  const outputs = [
    ...packages.flatMap((pkg) => [join(pkg.dir, 'dist', 'index.js'), join(pkg.dir, 'dist', 'index.d.ts')]),
    ...packages.filter((pkg) => pkg.widget).map((pkg) => join(pkg.dir, 'custom-elements.json')),
    join(cdnDir, 'pustaka.js'),
  ];
  return outputs.every((file) => existsSync(file)) && newestInput(packages) < startedAt;
}

/**
 * Builds everything, unless nothing changed since the last build (`force` builds anyway); resolves with the
 * packages built, or none when the build was up to date.
 */
export async function build({ log = console.log, force = false } = {}) {
  const started = performance.now();
  const startedAt = Date.now();
  const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
  const packages = discoverPackages();
  if (!force && upToDate(packages)) {
    log(`Build up to date (nothing changed since the last one; --force builds anyway), checked in ${seconds(started)}`);
    return [];
  }
  log(`Building ${packages.map((pkg) => pkg.name).join(', ')}`);

  const outputs = [...packages.map((pkg) => join(pkg.dir, 'dist')), cdnDir, stampFile];
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

  since = performance.now();
  await writeElementManifests(packages);
  log(`  custom elements manifests ${seconds(since)}`);

  const declarationProblems = await declarations;
  if (declarationProblems.length > 0) throw new Error(`Declarations failed:\n${declarationProblems.join('\n')}`);
  const undeclared = (await Promise.all(packages.map(undeclaredTypeImports))).flat();
  if (undeclared.length > 0) {
    throw new Error(
      `Declarations import packages their package.json does not declare (a linked or pnpm install fails on them);` +
        ` add them to "dependencies", or give the exported function an explicit type from a declared package:\n  ` +
        undeclared.join('\n  '),
    );
  }
  await writeFile(stampFile, `${JSON.stringify({ startedAt })}\n`);
  log(`Built in ${seconds(started)}`);
  return packages;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url && process.argv.includes('--check')) {
  // Builds nothing: exit code 0 when the build is up to date, 1 when a build would run.
  const fresh = upToDate(discoverPackages());
  console.log(fresh ? 'Build up to date.' : 'Build out of date.');
  process.exitCode = fresh ? 0 : 1;
} else if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  build({ force: process.argv.includes('--force') }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
