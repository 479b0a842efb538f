// The production build (`npm run build` runs it through scripts/build.mjs; `npx rollup -c` works too).
//
// 1. Every package with src/index.ts -> packages/<name>/dist/, ESM, one file per source module (the layout of
//    src/ is kept, so `new URL('../x', import.meta.url)` means the same in src/ and dist/), every bare import
//    external: bundlers dedupe Lit and ky, Node resolves fastify and better-sqlite3.
//    Entries: src/index.ts, or the files listed in package.json `"pustaka": { "entries": [...] }`.
// 2. The CDN build -> dist/cdn/: pustaka.js (Lit, ky, client, core and every widget, minified) and one
//    <tag>.js per widget package (`"pustaka": { "widget": "<tag>" }`), sharing chunks.
//
// Production builds never use the `development` export condition: workspace packages resolve to their dist/,
// Lit to its production build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

export const root = dirname(fileURLToPath(import.meta.url));
export const cdnDir = join(root, 'dist', 'cdn');
const esbuildOptions = { target: 'es2022', tsconfig: 'tsconfig.json', sourceMap: true };

/**
 * @typedef {object} WorkspacePackage
 * @property {string} dir absolute path of packages/<folder>
 * @property {string} folder
 * @property {string} name the npm name, e.g. @pustaka/core
 * @property {Record<string, any>} manifest its package.json
 * @property {string[]} entries absolute paths of its entry modules
 * @property {string | undefined} widget the tag it registers, for widget packages
 */

/** @returns {WorkspacePackage[]} every package under packages/ that has src/index.ts, by folder name */
export function discoverPackages() {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(packagesDir, entry.name, 'src', 'index.ts')))
    .map((entry) => entry.name)
    .sort()
    .map((folder) => {
      const dir = join(packagesDir, folder);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const listed = manifest.pustaka?.entries ?? ['src/index.ts'];
      const entries = listed.map((entry) => {
        const path = resolve(dir, entry);
        if (!path.startsWith(join(dir, 'src') + sep) || !existsSync(path)) {
          throw new Error(`${manifest.name}: entry "${entry}" in package.json "pustaka.entries" is not a file in src/`);
        }
        return path;
      });
      const widget = manifest.pustaka?.widget;
      if (widget !== undefined && !/^pustaka-[a-z0-9]+(-[a-z0-9]+)*$/.test(widget)) {
        throw new Error(
          `${manifest.name}: "pustaka.widget" must be a tag like "pustaka-catalog-search", not "${widget}"`,
        );
      }
      return { dir, folder, name: manifest.name, manifest, entries, widget };
    });
}

/** Bare specifiers (packages, node: builtins) stay imports; relative and absolute paths are bundled. */
function isBareImport(id) {
  return !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0');
}

/** Fails the build when a package imports a file outside its own src/ by a relative path. */
function staySourceLocal(pkg) {
  const src = join(pkg.dir, 'src') + sep;
  return {
    name: 'pustaka-stay-in-src',
    async resolveId(source, importer, options) {
      if (!importer || isBareImport(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved && !resolved.external && !resolved.id.startsWith(src)) {
        this.error(
          `${relative(root, importer)} imports ${source}, outside ${relative(root, src)}: import the package by name`,
        );
      }
      return resolved;
    },
  };
}

/** @param {WorkspacePackage} pkg @returns {import('rollup').RollupOptions} */
export function packageBuild(pkg) {
  return {
    input: Object.fromEntries(
      pkg.entries.map((entry) => [relative(join(pkg.dir, 'src'), entry).replace(/\.ts$/, ''), entry]),
    ),
    external: isBareImport,
    plugins: [esbuild(esbuildOptions), staySourceLocal(pkg)],
    output: {
      dir: join(pkg.dir, 'dist'),
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: join(pkg.dir, 'src'),
      entryFileNames: '[name].js',
      sourcemap: true,
    },
    onwarn: failOnWarning,
  };
}

/** Warnings in a library build are bugs waiting (a circular import, a missing export): treat them as errors. */
function failOnWarning(warning, warn) {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes(`${sep}node_modules${sep}`))) {
    return;
  }
  warn(warning);
  throw new Error(`Rollup warning treated as an error: ${warning.message}`);
}

const virtualPrefix = '\0pustaka-cdn:';

/** The modules of the CDN entries, written from the workspace's packages. */
function cdnEntries(packages) {
  const widgets = packages.filter((pkg) => pkg.widget);
  const registering = (pkg) => `import '${pkg.name}'; // registers <${pkg.widget}>\nexport * from '${pkg.name}';\n`;
  const sources = {
    pustaka: [`export * from '@pustaka/core';`, `export * from '@pustaka/client';`, ...widgets.map(registering)].join(
      '\n',
    ),
  };
  for (const pkg of widgets) sources[pkg.widget] = registering(pkg);
  // Pages of a package (`"pustaka": { "pages": { "<tag>": "<module>" } }`): their own CDN file, left out of
  // pustaka.js, which every public site loads (the librarians' staff desk is served only at /staff).
  for (const pkg of widgets) {
    for (const [tag, module] of Object.entries(pkg.manifest.pustaka.pages ?? {}))
      sources[tag] = `import '${module}';\n`;
  }
  return {
    input: Object.fromEntries(Object.keys(sources).map((name) => [name, virtualPrefix + name])),
    plugin: {
      name: 'pustaka-cdn-entries',
      resolveId(id, importer, options) {
        if (id.startsWith(virtualPrefix)) return id;
        // A virtual module has no folder: resolve its imports as a file at the repository root would.
        if (importer?.startsWith(virtualPrefix)) {
          return this.resolve(id, join(root, 'package.json'), { ...options, skipSelf: true });
        }
        return null;
      },
      load: (id) => (id.startsWith(virtualPrefix) ? sources[id.slice(virtualPrefix.length)] : null),
    },
  };
}

/**
 * A widget entry that never calls customElements.define is a silent failure on every page that loads it,
 * usually a package.json `"sideEffects": false` that let tree-shaking drop the registering module.
 */
function checkWidgetsRegister(packages) {
  return {
    name: 'pustaka-check-widgets-register',
    generateBundle(_options, bundle) {
      const codeWithImports = (fileName, seen = new Set()) => {
        if (seen.has(fileName)) return '';
        seen.add(fileName);
        const chunk = bundle[fileName];
        return chunk.code + chunk.imports.map((name) => codeWithImports(name, seen)).join('');
      };
      for (const pkg of packages.filter((p) => p.widget)) {
        // The tag as a string literal: the registering call's argument (the file names in comments are not quoted).
        const tagLiteral = new RegExp(`["'\`]${pkg.widget}["'\`]`);
        if (!tagLiteral.test(codeWithImports(`${pkg.widget}.js`))) {
          this.error(
            `dist/cdn/${pkg.widget}.js does not register <${pkg.widget}>: importing ${pkg.name} must call ` +
              `defineElement('${pkg.widget}', ...). Tree-shaking dropped the call: list the package's index and the ` +
              `module that calls defineElement (src/ and dist/) in its package.json "sideEffects", or remove the field.`,
          );
        }
      }
    },
  };
}

/** Licence texts of the third-party code inside the CDN files, which carry no comments. */
function thirdPartyLicences() {
  return {
    name: 'pustaka-third-party-licences',
    generateBundle() {
      const packageRoots = new Map();
      for (const id of this.getModuleIds()) {
        const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id);
        if (match) packageRoots.set(match[1], true);
      }
      const sections = [...packageRoots.keys()].sort().map((dir) => {
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        const licenceFile = readdirSync(dir).find((file) => /^(licen[cs]e|copying)(\..*)?$/i.test(file));
        const text = licenceFile ? readFileSync(join(dir, licenceFile), 'utf8').trim() : `License: ${manifest.license}`;
        return `${manifest.name}@${manifest.version}\n\n${text}`;
      });
      this.emitFile({
        type: 'asset',
        fileName: 'THIRD_PARTY_LICENSES.txt',
        source: `Third-party code bundled in these files:\n\n${sections.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`,
      });
    },
  };
}

/** Node resolution as a browser bundler does it in production: no `development` condition. */
export const productionResolve = () =>
  nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'], preferBuiltins: false });

/** Minification of browser bundles, shared with scripts/size.mjs so its numbers match what ships. */
export const minify = () => terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: /^!/ } });

const runtimePaths = [
  ...['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'ky'].map((name) => join('node_modules', name) + sep),
  join('packages', 'core') + sep,
  join('packages', 'client') + sep,
].map((path) => sep + path);

/**
 * What every widget needs (Lit, ky, client, core) goes into one `chunks/runtime-<hash>.js`, cached across pages
 * and widget releases; code that only some widgets use goes into chunks of its own.
 */
function isRuntimeModule(id) {
  return runtimePaths.some((path) => id.includes(path)) && !formKitPaths.some((path) => id.includes(path));
}

/**
 * The form kit is core code that only the form-shaped widgets (membership form, kiosk) use: left out of the
 * runtime chunk, it travels with them, and a page with only a catalogue search does not download it.
 */
// Both src/ and dist/: the production build resolves @pustaka/core to its dist/, where src/ alone never matched.
const formKitPaths = ['src', 'dist'].flatMap((folder) =>
  ['validators', 'form-controller'].map((name) => `${sep}${join('packages', 'core', folder, name)}.`),
);

/** @param {WorkspacePackage[]} packages @returns {import('rollup').RollupOptions} */
export function cdnBuild(packages) {
  const { input, plugin } = cdnEntries(packages);
  return {
    input,
    plugins: [plugin, productionResolve(), checkWidgetsRegister(packages), thirdPartyLicences()],
    output: {
      dir: cdnDir,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // The form kit gets a chunk of its own: left to itself, it would follow core's index into the runtime chunk.
      manualChunks: (id) =>
        formKitPaths.some((path) => id.includes(path)) ? 'form-kit' : isRuntimeModule(id) ? 'runtime' : undefined,
      banner: '/*! Pustaka | MIT | bundled third-party licences: THIRD_PARTY_LICENSES.txt */',
      sourcemap: true,
      plugins: [minify()],
    },
    onwarn: failOnWarning,
  };
}

export default () => {
  const packages = discoverPackages();
  return [...packages.map(packageBuild), cdnBuild(packages)];
};
