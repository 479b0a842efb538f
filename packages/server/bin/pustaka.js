#!/usr/bin/env node
// The `pustaka` command. Runs the built server (dist/); in a fresh checkout without a build, it runs the
// TypeScript sources through tsx when that is installed (a development checkout always has it).
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    console.error('pustaka: the server is not built. Run `npm run build` first.');
    process.exit(1);
  }
  await import(new URL('../src/cli.ts', import.meta.url).href);
}
