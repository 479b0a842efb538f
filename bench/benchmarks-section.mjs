// Writes one `## ` section of docs/benchmarks.md, replacing the section of that heading (up to the next `## `)
// and leaving the rest of the page as it is; a new heading goes at the end.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** `section` starts with `heading`; `emptyPage` is the page to start from when the file does not exist. */
export function writeBenchmarksSection(file, heading, section, emptyPage = '# Benchmarks\n') {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : emptyPage;
  const start = current.indexOf(heading);
  let next;
  if (start < 0) next = `${current.trimEnd()}\n\n${section}`;
  else {
    const end = current.indexOf('\n## ', start + heading.length);
    next = current.slice(0, start) + section + (end < 0 ? '' : `\n${current.slice(end + 1)}`);
  }
  writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
}
