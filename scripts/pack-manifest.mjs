// `prepack` and `postpack` of a workspace package (`npm pack`, `npm publish`): the tarball gets what a consumer
// needs and the workspace keeps what it needs, and the workspace's own files are put back afterwards.
//
// - No `development` export condition (nor these hooks) in the packed package.json. Inside the workspace it
//   points at the TypeScript sources, so that tests, the typecheck and Storybook run them without a build. A
//   published package must not: webpack and Vite set `development` in dev mode, and so does
//   `node --conditions=development`; each would be handed `src/index.ts` (Node 20 fails with
//   ERR_UNKNOWN_FILE_EXTENSION; Vite's dev server runs it and throws "Unsupported decorator location: field" on
//   our legacy decorators; both found by installing the packed tarballs in a fresh project).
// - The repository's LICENSE, copied in for the time of the pack (npm always packs a LICENSE at the package's
//   root; one copy per package would drift).
// - A README: the package's own, or one made from its package.json (a new package still says how to install it).
// - A widget package (`"pustaka": { "widget": "<tag>" }`) ships its custom elements manifest, which
//   scripts/build.mjs writes, and names it in `customElements` for editors and Storybook.
//
//   "prepack": "node ../../scripts/pack-manifest.mjs", "postpack": "node ../../scripts/pack-manifest.mjs --restore"
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

// npm runs lifecycle scripts in the package's folder.
const manifest = 'package.json';
const workspaceManifest = 'package.json.workspace';
const licence = 'LICENSE';
/** Left beside a LICENSE this script copied in, so that --restore deletes only that one. */
const copiedLicence = '.LICENSE.packed';
const readme = 'README.md';
/** Left beside a README this script wrote, for the same reason. */
const writtenReadme = '.README.packed';
const repositoryLicence = new URL('../LICENSE', import.meta.url);
const elementsManifest = 'custom-elements.json';

/** The export map without `development` conditions, at any depth. */
function withoutDevelopment(exports) {
  if (typeof exports !== 'object' || exports === null) return exports;
  return Object.fromEntries(
    Object.entries(exports)
      .filter(([condition]) => condition !== 'development')
      .map(([key, target]) => [key, withoutDevelopment(target)]),
  );
}

/** The package.json as packed: see the top of this file. */
function packedManifest(pkg) {
  const packed = JSON.parse(JSON.stringify(pkg));
  packed.exports = withoutDevelopment(packed.exports);
  // These hooks are for packing in the workspace; a consumer has no ../../scripts.
  delete packed.scripts?.prepack;
  delete packed.scripts?.postpack;
  if (packed.scripts && Object.keys(packed.scripts).length === 0) delete packed.scripts;
  if (packed.pustaka?.widget) {
    packed.customElements = elementsManifest;
    if (packed.files && !packed.files.includes(elementsManifest)) packed.files = [...packed.files, elementsManifest];
  }
  return packed;
}

function restore() {
  if (existsSync(workspaceManifest)) renameSync(workspaceManifest, manifest);
  for (const [file, marker] of [
    [licence, copiedLicence],
    [readme, writtenReadme],
  ]) {
    if (!existsSync(marker)) continue;
    rmSync(file, { force: true });
    rmSync(marker);
  }
}

/** A package without its own README still tells a consumer what it is and how to install it. */
function fallbackReadme(pkg) {
  const usage = pkg.pustaka?.widget
    ? `\n\`\`\`js\nimport '${pkg.name}'; // registers <${pkg.pustaka.widget}>\n\`\`\`\n`
    : '';
  return `# ${pkg.name}\n\n${pkg.description ?? ''}\n\n\`\`\`sh\nnpm install ${pkg.name}\n\`\`\`\n${usage}\nPart of Pustaka; see its guides in \`docs/\` of the repository. Licence: ${pkg.license}.\n`;
}

// A pack that failed after its prepack left the workspace's files aside: put them back first.
restore();

if (!process.argv.includes('--restore')) {
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  if (pkg.pustaka?.widget && !existsSync(elementsManifest)) {
    console.error(`${pkg.name}: ${elementsManifest} is missing; run \`npm run build\` before packing.`);
    process.exit(1);
  }
  writeFileSync(workspaceManifest, text);
  writeFileSync(manifest, `${JSON.stringify(packedManifest(pkg), null, 2)}\n`);
  if (!existsSync(licence)) {
    copyFileSync(repositoryLicence, licence);
    writeFileSync(copiedLicence, '');
  }
  if (!existsSync(readme)) {
    writeFileSync(readme, fallbackReadme(pkg));
    writeFileSync(writtenReadme, '');
  }
}
