// What a TypeScript consumer of @pustaka/client relies on, checked by `tsc` in the consumer project: every
// `@ts-expect-error` line must fail to compile, every other line must compile.
import { createPustakaClient, PustakaApiError, PustakaError, type ProblemCode } from '@pustaka/client';

export async function findLibrary(id: string): Promise<string> {
  const client = createPustakaClient({ baseUrl: 'https://pustaka.example.go.id' });
  try {
    const library = await client.libraries.get(id);
    return library.name;
  } catch (error) {
    if (!(error instanceof PustakaError)) throw error;
    // `kind` narrows the error: `status` and `code` exist only on the answer of a server.
    switch (error.kind) {
      case 'api': {
        const code: ProblemCode | `http_${number}` = error.code;
        // @ts-expect-error -- a typo in a problem code: no such code in the contract
        if (error.code === 'not_fuond') return 'never';
        return `${error.status} ${code}`;
      }
      case 'network':
        // @ts-expect-error -- nothing answered, so there is no status
        return String(error.status);
      case 'timeout':
        return 'too slow';
      default: {
        const unhandled: never = error;
        return unhandled;
      }
    }
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof PustakaApiError && error.code === 'not_found';
}
