// The worst-case tests' client, in a process of its own (test/import-worst-case.node.test.ts): a fetch() upload
// in the server's process kept every chunk it sent alive while the server read slowly (+231 MB at 256 MB with
// forced collections), which made the server look as if it held the file. curl or this process: the server
// keeps one row. Reads a JSON job from argv, prints {status, report} as JSON.
import { Readable } from 'node:stream';

export interface UploadJob {
  url: string;
  token: string;
  type: string;
  /** base64 */
  head: string;
  filler: string;
  tail: string;
  bytes: number;
  chunkBytes: number;
}

/** A body of `head`, then whole `filler`s up to `bytes`, then `tail`: made as it is sent, never held whole. */
export function* body(head: Buffer, filler: Buffer, bytes: number, tail: Buffer, chunkBytes: number) {
  yield head;
  const block = Buffer.concat(Array(Math.max(1, Math.floor(chunkBytes / filler.length))).fill(filler));
  let left = bytes - head.length - tail.length;
  for (; left >= block.length; left -= block.length) yield block;
  yield block.subarray(0, left - (left % filler.length));
  yield tail;
}

if (process.argv[2]) {
  const job = JSON.parse(process.argv[2]) as UploadJob;
  const bytes = (text: string) => Buffer.from(text, 'base64');
  const response = await fetch(job.url, {
    method: 'POST',
    body: Readable.toWeb(
      Readable.from(body(bytes(job.head), bytes(job.filler), job.bytes, bytes(job.tail), job.chunkBytes)),
    ),
    duplex: 'half',
    headers: { authorization: `Bearer ${job.token}`, 'content-type': job.type },
  } as RequestInit);
  process.stdout.write(JSON.stringify({ status: response.status, report: await response.json() }));
}
