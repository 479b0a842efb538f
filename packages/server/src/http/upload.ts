import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ProblemError } from './problem.js';

/**
 * A file sent as a request body, read as it arrives: counted against the route's limit and hashed (for
 * Idempotency-Key), never held whole in memory. An import of a million MARC records is a 500 MB body.
 *
 * Iterating it reads the body once; an iteration left early (a file that breaks off) leaves the rest
 * unread: `drain()` reads and hashes it without keeping it, `discard()` lets it flow away. One of them must
 * follow, or the client, still sending, would never read the answer.
 */
export class Upload implements AsyncIterable<Buffer> {
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private sha256: string | undefined;

  constructor(
    private readonly stream: Readable,
    private readonly limit: number,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    let overLimit = false;
    // destroyOnReturn: false, or stopping early would destroy the request, and with it the answer's socket.
    const chunks: AsyncIterable<Buffer> = this.stream.iterator({ destroyOnReturn: false });
    for await (const chunk of chunks) {
      this.bytes += chunk.length;
      if (this.bytes > this.limit) {
        overLimit = true;
        break;
      }
      this.hash.update(chunk);
      yield chunk;
    }
    if (overLimit) {
      // (Once the loop has let go of the stream: while it reads, the stream does not flow.)
      this.discard();
      throw new ProblemError(
        413,
        'payload_too_large',
        `The file is larger than this server takes over HTTP (${this.limit} bytes); what came before was imported. Import larger files with the command line.`,
      );
    }
    this.sha256 ??= this.hash.digest('base64url');
  }

  /** Reads what is left of the body; answers the digest of the whole of it. */
  async drain(): Promise<string> {
    if (this.sha256 === undefined) for await (const _chunk of this) void _chunk;
    return this.sha256!;
  }

  /** Lets what is left of the body flow away unread (as Node does with a body nobody read). */
  discard(): void {
    if (!this.stream.readableEnded) this.stream.resume();
  }

  /** What the Idempotency-Key's request hash sees of the body (see contract-routes.ts): its digest. */
  toJSON() {
    return { sha256: this.sha256 };
  }
}
