// `npm run size`: what each piece costs a visitor, minified and gzipped (level 9), against its budget.
// Builds first when dist/ is missing or older than the sources. Exits 1 when something is over budget.
//
// Rows:
// - each browser package entry bundled WITH its dependencies ("@pustaka/core + lit, @pustaka/client" is one number);
// - the CDN's pustaka.js with the chunks it imports;
// - the shared runtime (Lit + client + core), and each widget's own code on top of it:
//   size(widget + runtime) - size(runtime).
// kB are 1000 bytes.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { cdnDir, discoverPackages, minify, productionResolve, root } from '../rollup.config.mjs';
import { build } from './build.mjs';

/** Budgets in kB, min+gzip. A row without a budget is for information. */
const budgets = {
  // 6.67 kB: the client sits on ky 1 (our typed client is "openapi-typescript types + ky"), and ky 1 is 4.9 kB of
  // it; the operation table, request(), errors that name the call and onRetry are the other 1.8 (2.40 kB with a
  // hand-written retry loop instead of ky, given up to keep ky's tested retries, timeout and hooks).
  '@pustaka/client': 7,
  widget: 8,
  // The form has twice the fields of a search and every sentence in two languages; its Code 128 slip loads
  // on demand and is counted on its own row.
  '<pustaka-membership-form>': 10,
  '<pustaka-membership-form> on demand': 1,
  // What a page with a counter downloads; the kiosk face (form kit, IndexedDB outbox) comes on demand, its own row.
  // (A widget's own-code budget is keyed by its tag: a package name's budget is for the package with Lit and all.)
  '<pustaka-visit-counter>': 4,
  // cdn: a budget for dist/cdn/pustaka.js, once the widgets exist
};

const gzipSize = (code) => gzipSync(code, { level: 9 }).length;
const kB = (bytes) => (bytes / 1000).toFixed(2);

/** Node packages (a `bin`, or `"pustaka": { "platform": "node" }`) have no browser size. */
const isBrowserPackage = (pkg) => !pkg.manifest.bin && pkg.manifest.pustaka?.platform !== 'node';

function newestFile(dir) {
  let newest = 0;
  for (const file of readdirSync(dir, { recursive: true })) {
    const stats = statSync(join(dir, file));
    if (stats.isFile()) newest = Math.max(newest, stats.mtimeMs);
  }
  return newest;
}

function needsBuild(packages) {
  if (!existsSync(join(cdnDir, 'pustaka.js'))) return true;
  return packages.some((pkg) => {
    const dist = join(pkg.dir, 'dist');
    const built = pkg.entries.map((entry) => join(dist, relative(join(pkg.dir, 'src'), entry).replace(/\.ts$/, '.js')));
    if (!built.every((file) => existsSync(file))) return true;
    return newestFile(join(pkg.dir, 'src')) > Math.min(...built.map((file) => statSync(file).mtimeMs));
  });
}

const virtualPrefix = '\0pustaka-size:';

/**
 * Bundles `source` (an ES module) with everything it imports, minified: its size and the packages inside. With
 * `onDemand`, code behind a dynamic `import()` is left out of `bytes` and measured apart (`onDemandBytes`), as a
 * browser fetches it only when it is needed.
 */
async function measure(source, { onDemand = false } = {}) {
  const id = `${virtualPrefix}entry`;
  const bundle = await rollup({
    input: id,
    plugins: [
      {
        name: 'pustaka-size-entry',
        resolveId(specifier, importer, options) {
          if (specifier === id) return id;
          if (importer === id)
            return this.resolve(specifier, join(root, 'package.json'), { ...options, skipSelf: true });
          return null;
        },
        load: (loaded) => (loaded === id ? source : null),
      },
      productionResolve(),
    ],
    onwarn: () => {},
  });
  try {
    const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: !onDemand, plugins: [minify()] });
    const onDemandBytes = output
      .filter((chunk) => chunk.type === 'chunk' && !chunk.isEntry)
      .reduce((sum, chunk) => sum + gzipSize(chunk.code), 0);
    const packagesInside = new Set();
    for (const moduleId of bundle.watchFiles) {
      const match = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(moduleId);
      if (match) packagesInside.add(match[1].replaceAll('\\', '/'));
      else if (moduleId.startsWith(join(root, 'packages') + sep)) {
        const folder = moduleId.slice(join(root, 'packages').length + 1).split(sep)[0];
        packagesInside.add(JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8')).name);
      }
    }
    // Lit is published as four packages; name it once.
    const named = [...packagesInside].map((name) =>
      /^(lit-html|lit-element|@lit\/reactive-element)$/.test(name) ? 'lit' : name,
    );
    return { bytes: gzipSize(output[0].code), onDemandBytes, packages: [...new Set(named)] };
  } finally {
    await bundle.close();
  }
}

/** A CDN file and the chunks it imports statically, as a browser downloads them before running it. */
function cdnFileSize(fileName) {
  const seen = new Set();
  let bytes = 0;
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    bytes += gzipSize(code);
    for (const [, specifier] of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\.?\/[^"']+)["']/g)) {
      visit(join(dirname(file), specifier));
    }
  };
  visit(join(cdnDir, fileName));
  return bytes;
}

export async function sizes() {
  let packages = discoverPackages();
  if (needsBuild(packages)) {
    console.error('dist/ is missing or older than the sources: building first.');
    packages = await build({ log: () => {} });
  }
  const rows = [];
  const row = (entry, bytes, budget) => rows.push({ entry, bytes, budget });

  for (const pkg of packages.filter(isBrowserPackage)) {
    for (const entry of pkg.entries) {
      const file = join(pkg.dir, 'dist', relative(join(pkg.dir, 'src'), entry).replace(/\.ts$/, '.js'));
      const { bytes, packages: inside } = await measure(`export * from ${JSON.stringify(file)};`);
      const others = inside.filter((name) => name !== pkg.name);
      const subpath =
        entry.endsWith(`${sep}index.ts`) && pkg.entries.length === 1 ? '' : ` (${relative(pkg.dir, entry)})`;
      // A widget package's budget is for its own code (below), not for it with the runtime.
      const budget = pkg.widget ? undefined : budgets[pkg.name];
      row(`${pkg.name}${subpath}${others.length ? ` + ${others.join(', ')}` : ''}`, bytes, budget);
    }
  }

  row('dist/cdn/pustaka.js (+ chunks)', cdnFileSize('pustaka.js'), budgets.cdn);

  const runtime = `export * from 'lit'; export * from '@pustaka/client'; export * from '@pustaka/core';`;
  const runtimeSize = (await measure(runtime)).bytes;
  row('shared runtime (lit + @pustaka/client + @pustaka/core)', runtimeSize, undefined);
  for (const pkg of packages.filter((p) => p.widget)) {
    const withWidget = `${runtime}\nimport '${pkg.name}';\nexport * from '${pkg.name}';`;
    const { bytes, onDemandBytes } = await measure(withWidget, { onDemand: true });
    row(`<${pkg.widget}> own code (${pkg.name})`, bytes - runtimeSize, budgets[`<${pkg.widget}>`] ?? budgets.widget);
    if (onDemandBytes)
      row(`<${pkg.widget}> loaded on demand (dynamic import())`, onDemandBytes, budgets[`<${pkg.widget}> on demand`]);
  }
  return rows;
}

function print(rows) {
  const table = rows.map(({ entry, bytes, budget }) => [
    entry,
    kB(bytes),
    budget === undefined ? '-' : budget.toFixed(2),
    budget === undefined ? 'info' : bytes <= budget * 1000 ? 'ok' : 'OVER',
  ]);
  const header = ['entry', 'min+gzip kB', 'budget kB', 'status'];
  const widths = header.map((title, column) => Math.max(title.length, ...table.map((cells) => cells[column].length)));
  const line = (cells) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cells of table) console.log(line(cells));
  return table.some((cells) => cells[3] === 'OVER');
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  sizes()
    .then((rows) => {
      if (print(rows)) {
        console.error('\nOver budget: see the rows marked OVER.');
        process.exitCode = 1;
      }
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
