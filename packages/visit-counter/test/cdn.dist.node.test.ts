import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// `.dist.node.test.ts`: reads the CDN build (dist/cdn/), so it runs after the build.
const cdn = fileURLToPath(new URL('../../../dist/cdn/', import.meta.url));

/** A CDN file and every file it imports statically: what a browser downloads before the element runs. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(cdn, file), 'utf8');
  for (const [, path] of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\.?\/[^"']+)["']/g)) {
    staticGraph(join(dirname(file), path!), seen);
  }
  return seen;
}

describe('the CDN build of <pustaka-visit-counter>', () => {
  it('loads no catalogue and no form code on a page with only a counter; the kiosk brings the form kit', () => {
    const counter = [...staticGraph('pustaka-visit-counter.js')];
    const code = counter.map((file) => readFileSync(join(cdn, file), 'utf8')).join('\n');
    assert.ok(code.includes('pustaka-visit-counter'), 'the counter registers its tag');
    assert.doesNotMatch(code, /pustaka-catalog-search/, 'no catalogue code');
    assert.doesNotMatch(code, /error-summary/, 'no form kit (its error summary)');
    assert.ok(!counter.some((file) => /form-kit|kiosk/.test(file)), `statically loaded: ${counter.join(', ')}`);

    const kioskChunk = /import\("\.\/(chunks\/kiosk-[\w-]+\.js)"\)/.exec(
      readFileSync(join(cdn, 'pustaka-visit-counter.js'), 'utf8'),
    )?.[1];
    assert.ok(kioskChunk, 'the kiosk face is a dynamic import');
    assert.ok(
      [...staticGraph(kioskChunk)].some((file) => file.includes('form-kit')),
      'the kiosk brings the form kit',
    );
  });
});
