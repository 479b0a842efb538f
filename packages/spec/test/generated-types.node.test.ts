import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { formatValues, importMediaTypes, problemCodeValues } from '@pustaka/spec/values';
import { generate, outputs } from '../scripts/generate.js';

it('schema.d.ts, values.js and values.d.ts are what `npm run generate` makes of the contract today', async () => {
  const fresh = await generate();
  for (const [name, text] of Object.entries(fresh)) {
    const file = outputs[name as keyof typeof outputs];
    const current = await readFile(file, 'utf8');
    if (current === text) continue;
    const freshFile = join(await mkdtemp(join(tmpdir(), 'pustaka-spec-generated-')), file.pathname.split('/').at(-1)!);
    await writeFile(freshFile, text);
    const currentLines = current.split('\n');
    const freshLines = text.split('\n');
    const line = freshLines.findIndex((line, index) => line !== currentLines[index]);
    assert.fail(
      `packages/spec/${file.pathname.split('/').at(-1)} is stale: packages/spec/openapi.yaml changed since it was ` +
        'generated. Run `npm run generate` and commit the result.\n' +
        `First difference at line ${line + 1}:\n  committed: ${currentLines[line] ?? '(end of file)'}\n` +
        `  fresh:     ${freshLines[line] ?? '(end of file)'}\nFresh output kept at ${freshFile}`,
    );
  }
});

it('the values are importable through the package name, as the server, client and widgets import them', () => {
  assert.equal(formatValues[0], 'book');
  assert.ok(problemCodeValues.includes('idempotency_in_progress'));
  assert.equal(importMediaTypes.marcxml, 'application/marcxml+xml');
});
