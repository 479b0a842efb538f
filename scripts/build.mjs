// `npm run build`: every package's dist/ (ESM + .d.ts) and the CDN files in dist/cdn/. See rollup.config.mjs
// for what is built; this script runs it, then writes the declarations.
//
// Declarations come from the TypeScript API: one program over every package (a program per package took twice
// as long, each re-checking the DOM and Node libraries and its dependencies). Only types are read through the
// `development` condition there; the emitted files import sibling packages by name, as published ones must.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import ts from 'typescript';
import { cdnBuild, cdnDir, discoverPackages, packageBuild, root } from '../rollup.config.mjs';

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

function baseCompilerOptions() {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  return parsed.options;
}

const formatHost = {
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: () => root,
  getNewLine: () => '\n',
};

const importSpecifiers = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)['"]([^'"]+)['"]/gm;

/**
 * Writes every package's declarations with ONE TypeScript program (the libraries and each package's sources
 * are parsed and checked once) into a temporary folder, then moves `<folder>/src/**` to packages/<folder>/dist/.
 * Fails when a declaration would import another package's files by a relative path, which would break once
 * published (the package must be imported by name). Resolves with the problems found, empty when none.
 */
async function emitDeclarations(packages) {
  const scratch = await mkdtemp(join(tmpdir(), 'pustaka-declarations-'));
  const packagesDir = join(root, 'packages');
  const options = {
    ...baseCompilerOptions(),
    noEmit: false,
    declaration: true,
    declarationMap: true,
    emitDeclarationOnly: true,
    rootDir: packagesDir,
    outDir: scratch,
    incremental: false,
    composite: false,
  };
  const program = ts.createProgram({ rootNames: packages.flatMap((pkg) => pkg.entries), options });
  const result = program.emit();
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...result.diagnostics,
  ];
  // Reported at the end, so that one package's error does not stop the others' declarations or the CDN build.
  const problems = diagnostics.length > 0 ? [ts.formatDiagnostics(diagnostics, formatHost).trim()] : [];
  for (const pkg of packages) {
    const src = join(pkg.dir, 'src');
    const emitted = join(scratch, pkg.folder, 'src');
    const dist = join(pkg.dir, 'dist');
    const files = existsSync(emitted) ? (await readdir(emitted, { recursive: true })).filter((f) => /\.d\.ts(\.map)?$/.test(f)) : [];
    await Promise.all(
      files.map(async (file) => {
        const target = join(dist, file);
        await mkdir(dirname(target), { recursive: true });
        let text = await readFile(join(emitted, file), 'utf8');
        if (file.endsWith('.map')) {
          const map = JSON.parse(text);
          map.sources = map.sources.map((source) => relative(dirname(target), resolve(dirname(join(emitted, file)), source)));
          text = JSON.stringify(map);
        } else {
          for (const [, specifier] of text.matchAll(importSpecifiers)) {
            if (specifier.startsWith('.') && !resolve(dirname(join(src, file)), specifier).startsWith(src + sep)) {
              problems.push(
                `${relative(root, target)} imports "${specifier}", outside ${relative(root, src)}: it would break once published`,
              );
            }
          }
        }
        await writeFile(target, text);
      }),
    );
  }
  await rm(scratch, { recursive: true, force: true });
  return problems;
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
  const step = (label, since) => log(`  ${label} ${((performance.now() - since) / 1000).toFixed(1)} s`);
  const packages = discoverPackages();
  log(`Building ${packages.map((pkg) => pkg.name).join(', ')}`);

  const outputs = [...packages.map((pkg) => join(pkg.dir, 'dist')), cdnDir];
  await Promise.all(outputs.map((dir) => rm(dir, { recursive: true, force: true })));

  let since = performance.now();
  await Promise.all(packages.map((pkg) => runRollup(packageBuild(pkg))));
  step('packages (rollup)', since);

  since = performance.now();
  const declarationProblems = await emitDeclarations(packages);
  await Promise.all(packages.map(copyDeclarationFiles));
  step('declarations (tsc)', since);

  since = performance.now();
  await runRollup(cdnBuild(packages));
  step(`CDN (${relative(root, cdnDir)})`, since);

  if (declarationProblems.length > 0) throw new Error(`Declarations failed:\n${declarationProblems.join('\n')}`);
  log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return packages;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  build().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
