import type { Library, PustakaClient } from '@pustaka/client';

const directories = new Map<string, Promise<Map<string, Library>>>();

/**
 * Every library of the network by id, for widgets that get ids from the API and must show names (availability
 * per library, visit figures per library). Asked once per API for all the widgets of a page, every page of the
 * list at once; a failure is forgotten, so that the next call asks again.
 *
 * @example
 * const names = await libraryDirectory(this.client, this.apiBase);
 * names.get('sman-1-bontang')?.name; // 'Perpustakaan SMA Negeri 1 Bontang'
 */
export function libraryDirectory(client: PustakaClient, apiBase: string): Promise<Map<string, Library>> {
  let directory = directories.get(apiBase);
  if (!directory) {
    const page = (number: number) => client.libraries.list({ page: number, per_page: 100 });
    directory = page(1).then(async (first) => {
      const rest = await Promise.all(
        Array.from({ length: Math.ceil(first.total / 100) - 1 }, (_, index) => page(index + 2)),
      );
      return new Map([first, ...rest].flatMap(({ items }) => items).map((library) => [library.id, library]));
    });
    directories.set(apiBase, directory);
    directory.catch(() => directories.delete(apiBase));
  }
  return directory;
}
