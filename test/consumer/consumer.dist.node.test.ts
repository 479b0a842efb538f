// The packages as someone else's project meets them: packed with `npm pack` (their prepack hook included),
// installed from the tarballs into a throwaway project with a linked, pnpm-style layout (a package sees only
// what it declares), compiled by strict TypeScript that checks every shipped declaration, served by Vite's dev
// server and built by `vite build`, and run in Chromium. Every widget package (`"pustaka": { "widget" }`)
// takes part by itself.
//
// `.dist.node.test.ts`: scripts/test.mjs runs it after the build, since the tarballs carry dist/.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { tokenDefaults } from '../../packages/core/src/tokens.js';
import { launchChromium, openPage } from '../support/chromium.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/** A package.json, as far as this test reads it. */
interface PackageJson {
  name: string;
  private?: boolean;
  exports?: unknown;
  customElements?: string;
  pustaka?: { widget?: string; platform?: string };
}

interface WorkspacePackage {
  folder: string;
  name: string;
  manifest: PackageJson;
  widget: string | undefined;
  /** Runs in browsers: the consumer installs it (the server is packed and checked, not installed). */
  browser: boolean;
}

const packages: WorkspacePackage[] = readdirSync(join(root, 'packages'))
  .filter((folder) => existsSync(join(root, 'packages', folder, 'package.json')))
  .map((folder) => {
    const manifest: PackageJson = JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8'));
    return {
      folder,
      name: manifest.name,
      manifest,
      widget: manifest.pustaka?.widget,
      browser: manifest.pustaka?.platform !== 'node',
    };
  })
  .filter((pkg) => !pkg.manifest.private);
const widgets = packages.filter((pkg) => pkg.widget);

const work = mkdtempSync(join(tmpdir(), 'pustaka-consumer-'));
const app = join(work, 'app');
/** What `npm pack --json` said of each package: its tarball and the files in it. */
const packed = new Map<string, { filename: string; files: string[] }>();
let browser: Browser | undefined;
/** tsc's complaints about the consumer project, empty when none; it runs beside the Vite test. */
let compiled: Promise<string>;

/**
 * Packs a copy of each package, laid out as in the repository (packages/<folder> beside scripts/ and LICENSE), so
 * that its prepack and postpack hooks run as they do here, while the workspace's own package.json files are left
 * alone for the tests running beside this one.
 */
async function pack(): Promise<void> {
  const stage = join(work, 'stage');
  mkdirSync(join(stage, 'scripts'), { recursive: true });
  cpSync(join(root, 'scripts', 'pack-manifest.mjs'), join(stage, 'scripts', 'pack-manifest.mjs'));
  cpSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  await Promise.all(
    packages.map(async (pkg) => {
      const dir = join(stage, 'packages', pkg.folder);
      cpSync(join(root, 'packages', pkg.folder), dir, {
        recursive: true,
        filter: (source) => !source.includes(`${pkg.folder}/node_modules`),
      });
      const { stdout } = await run(npm, ['pack', '--json', '--pack-destination', tarballs], { cwd: dir });
      const [result] = JSON.parse(stdout.slice(stdout.indexOf('[')));
      packed.set(pkg.name, {
        filename: join(tarballs, result.filename),
        files: result.files.map((file: { path: string }) => file.path),
      });
    }),
  );
}

/** The consumer project: the template, the widgets it imports, and the tarballs installed with a linked layout. */
async function install(): Promise<void> {
  cpSync(join(root, 'test', 'consumer', 'project'), app, { recursive: true });
  writeFileSync(
    join(app, 'src', 'widgets.ts'),
    `${widgets.map((pkg) => `import '${pkg.name}';`).join('\n')}\n\nexport const tags = ${JSON.stringify(
      widgets.map((pkg) => pkg.widget),
    )} as const;\n`,
  );
  const installed = packages.filter((pkg) => pkg.browser);
  const fromTarball = Object.fromEntries(installed.map((pkg) => [pkg.name, `file:${packed.get(pkg.name)!.filename}`]));
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      dependencies: fromTarball,
      // The packages ask for each other by version, and none is on the registry: the tarballs stand in.
      overrides: Object.fromEntries(installed.map((pkg) => [pkg.name, `$${pkg.name}`])),
    }),
  );
  // Lit and ky come from npm's cache when it has them (no network), else from the registry.
  await run(
    npm,
    ['install', '--install-strategy=linked', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'],
    { cwd: app },
  );
}

before(async () => {
  await pack();
  await install();
  compiled = run(process.execPath, [tsc, '-p', '.', '--pretty', 'false'], { cwd: app }).then(
    () => '',
    (error: { stdout?: string; message: string }) => error.stdout || error.message,
  );
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The installed copy of a package's package.json. */
function installedManifest(name: string): PackageJson {
  return JSON.parse(readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8'));
}

/** Every export target of a package, with the conditions that lead to it. */
function exportConditions(exports: unknown, path: string[] = []): string[][] {
  if (typeof exports !== 'object' || exports === null) return [path];
  return Object.entries(exports).flatMap(([key, target]) => exportConditions(target, [...path, key]));
}

interface ElementReport {
  tag: string;
  observedAttributes: string[];
  rendered: boolean;
}

/** Loads the page at `url` and answers what it registered, failing on any error the page met. */
async function registeredOn(url: string): Promise<ElementReport[]> {
  const { page, problems } = await openPage(browser!, url);
  try {
    await page.waitForFunction(() => window.consumerReport !== undefined, { timeout: 20_000 });
    const report = await page.evaluate(() => window.consumerReport);
    assert.ok(Array.isArray(report), `the page failed: ${JSON.stringify(report)}\n${problems.join('\n')}`);
    // The widgets were pointed at a server that does not exist: that request failing is expected (openPage names
    // the address of a console line about a request).
    const unexpected = problems.filter((problem) => !problem.includes('127.0.0.1:9/'));
    assert.deepEqual(unexpected, [], `the page met errors:\n${unexpected.join('\n')}`);
    return report as ElementReport[];
  } finally {
    await page.close();
  }
}

/** The manifest a widget package ships, as an editor or Storybook finds it (`customElements`). */
function shippedElement(pkg: WorkspacePackage) {
  const { customElements } = installedManifest(pkg.name);
  assert.ok(customElements, `${pkg.name}: package.json has no customElements`);
  const elements = JSON.parse(readFileSync(join(app, 'node_modules', pkg.name, customElements), 'utf8'));
  const declaration = elements.modules
    .flatMap((module: { declarations?: unknown[] }) => module.declarations ?? [])
    .find((found: { tagName?: string }) => found.tagName === pkg.widget);
  assert.ok(declaration, `${pkg.name}: ${customElements} does not describe <${pkg.widget}>`);
  return declaration as { attributes?: { name: string }[]; cssProperties?: { name: string }[] };
}

describe('the packed packages, in a consumer project', () => {
  it('every tarball carries README and LICENSE, and no export condition that leads to the TypeScript sources', () => {
    for (const pkg of packages) {
      const { files } = packed.get(pkg.name)!;
      assert.ok(files.includes('README.md'), `${pkg.name}: no README.md in the tarball`);
      assert.ok(files.includes('LICENSE'), `${pkg.name}: no LICENSE in the tarball`);
      const tarball = JSON.parse(readFileSync(join(work, 'stage', 'packages', pkg.folder, 'package.json'), 'utf8'));
      assert.deepEqual(tarball, pkg.manifest, `${pkg.name}: postpack did not put the workspace's package.json back`);
    }
    for (const pkg of packages.filter((found) => found.browser)) {
      const { exports } = installedManifest(pkg.name);
      for (const conditions of exportConditions(exports)) {
        assert.ok(!conditions.includes('development'), `${pkg.name}: exports ${conditions.join(' > ')}`);
      }
    }
  });

  it('each widget ships custom-elements.json: public attributes with the inherited ones, and the global tokens', () => {
    for (const pkg of widgets) {
      const element = shippedElement(pkg);
      const { customElements } = installedManifest(pkg.name);
      assert.ok(packed.get(pkg.name)!.files.includes(customElements!), `${pkg.name}: ${customElements} not packed`);
      const attributes = (element.attributes ?? []).map((attribute) => attribute.name);
      for (const inherited of ['api', 'site-key', 'theme', 'lang']) {
        assert.ok(attributes.includes(inherited), `<${pkg.widget}>: no ${inherited} attribute in the manifest`);
      }
      const properties = (element.cssProperties ?? []).map((property) => property.name);
      for (const token of Object.keys(tokenDefaults)) {
        assert.ok(properties.includes(`--pustaka-${token}`), `<${pkg.widget}>: no --pustaka-${token} in the manifest`);
      }
    }
  });

  it("Vite's dev server and vite build both give a page where every widget registers and renders", async () => {
    const vite = await import('vite');
    const shared = { root: app, configFile: false as const, logLevel: 'silent' as const, clearScreen: false };
    const checkPage = async (url: string, what: string) => {
      const registered = await registeredOn(url);
      assert.deepEqual(
        registered.map((element) => element.tag),
        widgets.map((pkg) => pkg.widget),
      );
      for (const element of registered) {
        assert.ok(element.rendered, `${what}: <${element.tag}> rendered nothing`);
        // The manifest's attributes are what the element observes, plus the global `lang` it reads: internal
        // state is no attribute, and no public attribute is missing.
        const pkg = widgets.find((found) => found.widget === element.tag)!;
        const documented = (shippedElement(pkg).attributes ?? []).map((attribute) => attribute.name);
        assert.deepEqual(
          documented.filter((name) => name !== 'lang').sort(),
          [...element.observedAttributes].sort(),
          `<${element.tag}>: the attributes in custom-elements.json against the element's observedAttributes`,
        );
      }
    };

    const dev = await vite.createServer({ ...shared, server: { host: '127.0.0.1', port: 0 } });
    await dev.listen();
    try {
      await checkPage(dev.resolvedUrls!.local[0]!, 'vite dev');
    } finally {
      await dev.close();
    }

    await vite.build({ ...shared, build: { outDir: join(app, 'dist'), emptyOutDir: true } });
    const preview = await vite.preview({ ...shared, preview: { host: '127.0.0.1', port: 0 } });
    try {
      await checkPage(preview.resolvedUrls!.local[0]!, 'vite build');
    } finally {
      await preview.close();
    }
    assert.ok(existsSync(join(app, 'dist', 'index.html')), relative(work, join(app, 'dist')));
  });

  it('compiles with strict TypeScript that checks every shipped declaration (skipLibCheck false)', async () => {
    assert.equal(await compiled, '', 'tsc in the consumer project');
  });
});
