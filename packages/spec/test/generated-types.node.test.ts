import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { specPath } from '@pustaka/spec';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

const committed = new URL('../schema.d.ts', import.meta.url);

it('packages/spec/schema.d.ts is what openapi-typescript makes of the contract today', async () => {
  // The same output as the CLI behind `npm run generate`: its header, then the printed AST.
  const fresh = COMMENT_HEADER + astToString(await openapiTS(pathToFileURL(specPath), { silent: true }));
  const dir = await mkdtemp(join(tmpdir(), 'pustaka-client-types-'));
  const freshFile = join(dir, 'schema.d.ts');
  await writeFile(freshFile, fresh);
  const current = await readFile(committed, 'utf8');
  if (current === fresh) {
    await rm(dir, { recursive: true, force: true });
    return;
  }
  const currentLines = current.split('\n');
  const freshLines = fresh.split('\n');
  const line = freshLines.findIndex((text, index) => text !== currentLines[index]);
  assert.fail(
    'packages/spec/schema.d.ts is stale: packages/spec/openapi.yaml changed since it was ' +
      'generated. Run `npm run generate` and commit the result.\n' +
      `First difference at line ${line + 1}:\n  committed: ${currentLines[line] ?? '(end of file)'}\n` +
      `  fresh:     ${freshLines[line] ?? '(end of file)'}\nFresh output kept at ${freshFile}`,
  );
});
