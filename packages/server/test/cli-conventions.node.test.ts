import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { copyDemoDatabase } from '../../../test/support/server.js';
import { pustaka } from './run-cli.js';

// What every `pustaka` command does alike, so that a script or a person learns it once.
const data = mkdtempSync(join(tmpdir(), 'pustaka-cli-conventions-'));
before(() => copyDemoDatabase(data));
after(() => rmSync(data, { recursive: true, force: true }));

describe('the pustaka commands, alike', () => {
  it('exit 3 for an unknown library in every command that takes one', async () => {
    const file = join(data, 'pustaka.sqlite'); // any readable file: the library is checked first
    const runs = {
      keys: await pustaka(['keys', 'create', '--kind', 'site', '--library', 'perpus-x', '--data', data]),
      import: await pustaka(['import', '--library', 'perpus-x', '--format', 'marcxml', '--data', data, file]),
    };
    for (const [command, result] of Object.entries(runs)) {
      assert.equal(result.code, 3, `${command}: ${result.stderr}`);
      assert.match(result.stderr, /perpus-x/, command);
    }
  });

  it('print a usage mistake on one line, then where the usage is, never the whole help', async () => {
    const mistakes = [
      [['frobnicate'], 'pustaka --help'],
      [['seed', '--data', data], 'pustaka seed --help'],
      [['start', '--port', 'eighty'], 'pustaka start --help'],
      [['import', '--library', 'sman-1-bontang', '--data', data], 'pustaka import --help'],
      [['keys', 'create', '--data', data], 'pustaka keys create --help'],
      [['keys', 'frobnicate', '--data', data], 'pustaka keys --help'],
    ] as const;
    for (const [args, help] of mistakes) {
      const result = await pustaka([...args]);
      assert.equal(result.code, 2, args.join(' '));
      const lines = result.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 2, `${args.join(' ')}:\n${result.stderr}`);
      assert.match(lines[0]!, /^pustaka( \w+)?: /, args.join(' '));
      assert.equal(lines[1], `Run \`${help}\` for ${args[0] === 'frobnicate' ? 'the commands' : 'the usage'}.`);
      assert.equal(result.stdout, '', args.join(' '));
    }
  });
});
