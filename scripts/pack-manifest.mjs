// `prepack` and `postpack` of a workspace package (`npm pack`, `npm publish`): the package.json in the tarball has
// no `development` export condition (nor these hooks), and the workspace's own file is put back afterwards.
//
// Why: inside the workspace `development` points at the TypeScript sources, so that tests, the typecheck and
// Storybook run them without a build. A published package must not: webpack and Vite set `development` in dev
// mode, and so does `node --conditions=development`; each would be handed `src/index.ts` (Node 20 fails with
// ERR_UNKNOWN_FILE_EXTENSION, found by installing the packed tarball in a fresh project).
//
//   "prepack": "node ../../scripts/pack-manifest.mjs", "postpack": "node ../../scripts/pack-manifest.mjs --restore"
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

// npm runs lifecycle scripts in the package's folder.
const manifest = 'package.json';
const workspaceManifest = 'package.json.workspace';

/** The export map without `development` conditions, at any depth. */
function withoutDevelopment(exports) {
  if (typeof exports !== 'object' || exports === null) return exports;
  return Object.fromEntries(
    Object.entries(exports)
      .filter(([condition]) => condition !== 'development')
      .map(([key, target]) => [key, withoutDevelopment(target)]),
  );
}

// A pack that failed after its prepack left the workspace's file aside: put it back first.
if (existsSync(workspaceManifest)) renameSync(workspaceManifest, manifest);

if (!process.argv.includes('--restore')) {
  const text = readFileSync(manifest, 'utf8');
  writeFileSync(workspaceManifest, text);
  const pkg = JSON.parse(text);
  pkg.exports = withoutDevelopment(pkg.exports);
  // These hooks are for packing in the workspace; a consumer has no ../../scripts.
  delete pkg.scripts?.prepack;
  delete pkg.scripts?.postpack;
  if (pkg.scripts && Object.keys(pkg.scripts).length === 0) delete pkg.scripts;
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
}
