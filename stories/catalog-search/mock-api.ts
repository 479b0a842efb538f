// Stories only: a tiny stand-in for the Pustaka API, answering the contract's shapes from a handful of records.
// The browser tests use the real server instead. Each story picks its behaviour through the widget's `api`
// attribute, so what a story shows can be read off its markup:
//   https://katalog.mock          answers normally (after `latency` ms)
//   https://lambat.mock           never answers (the loading state)
//   https://galat.mock            answers 500 problem+json (the error state)
//   https://luring.mock           the network fails: the unreachable state, or the offline state while the
//                                 story tells the widget the browser is offline (`offline()`)
import type { CatalogRecord, Library, RecordSummary, SearchResult, SuggestionList } from '@pustaka/client';

export const mockApi = {
  ok: 'https://katalog.mock',
  slow: 'https://lambat.mock',
  error: 'https://galat.mock',
  offline: 'https://luring.mock',
} as const;

const hours = (opens: string, closes: string): Library['opening_hours'] => [
  ...(['mon', 'tue', 'wed', 'thu'] as const).map((day) => ({ day, opens, closes })),
  { day: 'fri', opens, closes: '11:00' },
];

const address = (street: string, district: string) => ({
  street,
  district,
  city: 'Bontang',
  province: 'Kalimantan Timur',
});

const libraries: Library[] = [
  {
    id: 'dispusip-bontang',
    name: 'Perpustakaan Umum Kota Bontang',
    kind: 'public',
    address: address('Jl. Awang Long No. 12', 'Bontang Utara'),
    opening_hours: hours('08:00', '20:00'),
    contact: {},
  },
  {
    id: 'sman-1-bontang',
    name: 'Perpustakaan SMA Negeri 1 Bontang',
    kind: 'school',
    address: address('Jl. Letjen S. Parman No. 1', 'Bontang Utara'),
    opening_hours: hours('07:30', '14:00'),
    contact: {},
  },
  {
    id: 'sdit-al-furqan',
    name: 'Perpustakaan SD Islam Terpadu Al-Furqan',
    kind: 'school',
    address: address('Jl. Pupuk Raya No. 7', 'Bontang Selatan'),
    opening_hours: hours('07:30', '13:00'),
    contact: {},
  },
  {
    id: 'pojok-baca-balai-kota',
    name: 'Pojok Baca Kantor Wali Kota Bontang',
    kind: 'reading-corner',
    address: address('Jl. Moh. Roem No. 1', 'Bontang Utara'),
    opening_hours: hours('08:00', '16:00'),
    contact: {},
  },
];

const cover = (colour: string) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 70 100"><rect width="70" height="100" fill="${colour}"/><rect x="8" y="14" width="54" height="6" fill="#fff"/></svg>`,
  )}`;

type Copy = CatalogRecord['holdings'][number]['copies'][number];
interface Fixture {
  record: Omit<CatalogRecord, 'availability' | 'holdings'>;
  copies: Record<string, Copy[]>;
}

const fixtures: Fixture[] = [
  {
    record: {
      id: 'rec_laskar',
      title: 'Laskar Pelangi',
      authors: ['Andrea Hirata'],
      year: 2005,
      format: 'book',
      language: 'ind',
      isbn: ['9789793062792'],
      publisher: 'Bentang Pustaka',
      place: 'Yogyakarta',
      classification: '899.221 3',
      theme: { code: '800', label: 'Kesusastraan' },
      subjects: ['Fiksi Indonesia'],
      cover_url: cover('#0b5cad'),
    },
    copies: {
      'sman-1-bontang': [{ location: 'Rak Fiksi', call_number: '899.221 3 HIR l', status: 'available' }],
      'dispusip-bontang': [
        { location: 'Ruang Koleksi Umum', call_number: '899.221 3 HIR l', status: 'on_loan', due_date: '2026-12-02' },
        { location: 'Ruang Koleksi Umum', call_number: '899.221 3 HIR l', status: 'available' },
      ],
    },
  },
  {
    record: {
      id: 'rec_sangpemimpi',
      title: 'Sang Pemimpi',
      authors: ['Andrea Hirata'],
      year: 2006,
      format: 'book',
      language: 'ind',
      classification: '899.221 3',
      theme: { code: '800', label: 'Kesusastraan' },
      subjects: ['Fiksi Indonesia'],
    },
    copies: {
      'dispusip-bontang': [
        { location: 'Ruang Koleksi Umum', call_number: '899.221 3 HIR s', status: 'on_loan', due_date: '2026-12-10' },
      ],
    },
  },
  {
    record: {
      id: 'rec_fiqh',
      title: 'Fiqih Ibadah untuk Anak',
      authors: ['Siti Aminah'],
      year: 2019,
      format: 'book',
      language: 'ind',
      classification: '2X4.1',
      theme: { code: '200', label: 'Agama' },
      subjects: ['Fiqih', 'Ibadah'],
    },
    copies: {
      'sdit-al-furqan': [{ location: 'Rak Agama', call_number: '2X4.1 SIT f', status: 'available' }],
      'sman-1-bontang': [{ location: 'Referensi', call_number: 'R 2X4.1 SIT f', status: 'reference_only' }],
    },
  },
  {
    record: {
      id: 'rec_quran',
      title: "Al-Qur'an dan Terjemahnya",
      authors: ['Kementerian Agama RI'],
      year: 2019,
      format: 'book',
      language: 'ara',
      classification: '2X1.3',
      theme: { code: '200', label: 'Agama' },
      subjects: ["Al-Qur'an"],
    },
    copies: { 'pojok-baca-balai-kota': [{ location: 'Rak Depan', call_number: '2X1.3 QUR t', status: 'available' }] },
  },
  {
    record: {
      id: 'rec_peta',
      title: 'Peta Kota Bontang',
      authors: ['Bappeda Kota Bontang'],
      year: 2021,
      format: 'map',
      language: 'ind',
      classification: '912.598',
      theme: { code: '900', label: 'Sejarah & Geografi' },
      subjects: ['Peta', 'Bontang'],
    },
    copies: {
      'dispusip-bontang': [{ location: 'Ruang Referensi', call_number: 'R 912.598 BAP p', status: 'reference_only' }],
    },
  },
  {
    record: {
      id: 'rec_kimia',
      title: 'Kimia Dasar untuk SMA/MA Kelas X',
      authors: ['Budi Santoso', 'Rina Lestari'],
      year: 2022,
      format: 'book',
      language: 'ind',
      classification: '540',
      theme: { code: '500', label: 'Sains & Matematika' },
      subjects: ['Kimia'],
      cover_url: cover('#1a7431'),
    },
    copies: {
      'sman-1-bontang': [
        { location: 'Rak Pelajaran', call_number: '540 SAN k', status: 'available' },
        { location: 'Rak Pelajaran', call_number: '540 SAN k', status: 'available' },
      ],
    },
  },
  {
    record: {
      id: 'rec_amonia',
      title: 'Teknologi Pupuk Amonia',
      authors: ['Tim Teknik PT Kaltim'],
      year: 2015,
      format: 'ebook',
      language: 'eng',
      classification: '668.62',
      theme: { code: '600', label: 'Teknologi' },
      subjects: ['Pupuk', 'Amonia'],
    },
    copies: {},
  },
  {
    record: {
      id: 'rec_hostile',
      title: '<img src=x onerror=alert(1)>',
      authors: ['<b>Penulis</b>'],
      year: 2020,
      format: 'book',
      language: 'ind',
      subjects: [],
    },
    copies: { 'dispusip-bontang': [{ location: '<i>Rak</i>', call_number: '000 XSS', status: 'unavailable' }] },
  },
  {
    record: {
      id: 'rec_panjang',
      title:
        'Sejarah Perkembangan Industri Petrokimia, Perikanan Tangkap, dan Permukiman Pesisir di Kota Bontang dan Sekitarnya dari Masa ke Masa',
      subtitle:
        'Sebuah Kajian Lintas Disiplin atas Perubahan Sosial, Ekonomi, dan Lingkungan di Pesisir Kalimantan Timur',
      authors: [
        'Muhammad Abdurrahman Wahyudiningrat',
        'Fransiska Xaveria Kusumawardhani',
        'Theodorus Bonaventura Simanjuntak',
      ],
      year: 2018,
      format: 'thesis',
      language: 'ind',
      classification: '959.838 4',
      theme: { code: '900', label: 'Sejarah & Geografi' },
      subjects: ['Sejarah lokal', 'Industri', 'Pesisir'],
    },
    copies: {
      'dispusip-bontang': [
        {
          location: 'Ruang Koleksi Lokal Bontang (Deposit), Lantai 2',
          call_number: '959.838 4 WAH s',
          status: 'available',
        },
      ],
    },
  },
];

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function availability(copies: Fixture['copies']): RecordSummary['availability'] {
  const byLibrary = Object.entries(copies).map(([library_id, list]) => ({
    library_id,
    copies: list.length,
    available: list.filter((copy) => copy.status === 'available').length,
  }));
  return {
    copies: byLibrary.reduce((sum, entry) => sum + entry.copies, 0),
    available: byLibrary.reduce((sum, entry) => sum + entry.available, 0),
    libraries: byLibrary.length,
    libraries_available: byLibrary.filter((entry) => entry.available > 0).length,
    by_library: byLibrary,
  };
}

function summary({ record, copies }: Fixture): RecordSummary {
  const { id, title, subtitle, authors, year, format, language, isbn, theme, cover_url } = record;
  return {
    id,
    title,
    subtitle,
    authors,
    year,
    format,
    language,
    isbn,
    theme,
    cover_url,
    availability: availability(copies),
  };
}

const kindOf = (id: string) => libraries.find((library) => library.id === id)?.kind ?? 'public';

function count(values: string[]) {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count);
}

function search(url: URL): SearchResult {
  const words = fold(url.searchParams.get('q') ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const all = (name: string) => url.searchParams.getAll(name);
  const from = Number(url.searchParams.get('year_from') ?? 0);
  const to = Number(url.searchParams.get('year_to') ?? 9999);
  const match = fixtures.filter(({ record, copies }) => {
    const text = fold([record.title, record.subtitle, ...record.authors, ...record.subjects].join(' '));
    const held = Object.keys(copies);
    return (
      words.every((word) => text.split(/[^\p{L}\p{N}']+/u).some((token) => token.startsWith(word))) &&
      (!all('format').length || all('format').includes(record.format)) &&
      (!all('theme').length || all('theme').includes(record.theme?.code ?? '')) &&
      (!all('language').length || all('language').includes(record.language ?? '')) &&
      (!all('library').length || held.some((id) => all('library').includes(id))) &&
      (!all('library_kind').length || held.some((id) => all('library_kind').includes(kindOf(id)))) &&
      (record.year ?? 0) >= from &&
      (record.year ?? 0) <= to &&
      (url.searchParams.get('available') !== 'true' || availability(copies).available > 0)
    );
  });
  const page = Number(url.searchParams.get('page') ?? 1);
  const perPage = Number(url.searchParams.get('per_page') ?? 20);
  return {
    total: match.length,
    page,
    per_page: perPage,
    took_ms: 3,
    items: match.slice((page - 1) * perPage, page * perPage).map(summary),
    facets: {
      format: count(match.map(({ record }) => record.format)),
      library: count(match.flatMap(({ copies }) => Object.keys(copies))),
      library_kind: count(match.flatMap(({ copies }) => [...new Set(Object.keys(copies).map(kindOf))])),
      theme: count(match.flatMap(({ record }) => (record.theme ? [record.theme.code] : []))),
      language: count(match.flatMap(({ record }) => (record.language ? [record.language] : []))),
      year: count(match.flatMap(({ record }) => (record.year ? [String(record.year)] : []))),
    },
  };
}

function suggest(url: URL): SuggestionList {
  const prefix = fold(url.searchParams.get('q') ?? '');
  const titles = fixtures
    .filter(({ record }) =>
      fold(record.title)
        .split(/\s+/)
        .some((word) => word.startsWith(prefix)),
    )
    .map(({ record }) => ({ kind: 'title' as const, text: record.title, record_id: record.id }));
  const authors = [...new Set(fixtures.flatMap(({ record }) => record.authors))]
    .filter((name) =>
      fold(name)
        .split(/\s+/)
        .some((word) => word.startsWith(prefix)),
    )
    .map((text) => ({ kind: 'author' as const, text }));
  return { items: [...titles, ...authors].slice(0, Number(url.searchParams.get('limit') ?? 8)) };
}

function record(id: string): CatalogRecord | undefined {
  const fixture = fixtures.find(({ record }) => record.id === id);
  if (!fixture) return undefined;
  return {
    ...fixture.record,
    availability: availability(fixture.copies),
    holdings: Object.entries(fixture.copies).map(([libraryId, copies]) => {
      const { id, name, kind, address, opening_hours } = libraries.find((library) => library.id === libraryId)!;
      return { library: { id, name, kind, address, opening_hours }, copies };
    }),
  };
}

const problem = (status: number, code: string) =>
  Response.json(
    { type: `https://pustaka.dev/problems/${code}`, title: code, status, code, detail: code },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );

/** Milliseconds the normal mock waits before answering, like a phone on a slow connection would. */
export const mockSettings = { latency: 250 };

function answer(request: Request): Response | Promise<Response> {
  const url = new URL(request.url);
  if (url.origin === mockApi.offline) throw new TypeError('Failed to fetch');
  if (url.origin === mockApi.error) return problem(500, 'internal');
  const path = url.pathname;
  if (path === '/v1/catalog/search') return Response.json(search(url));
  if (path === '/v1/catalog/suggestions') return Response.json(suggest(url));
  if (path === '/v1/libraries')
    return Response.json({ total: libraries.length, page: 1, per_page: 100, items: libraries });
  const found = /^\/v1\/catalog\/records\/(rec_[a-z0-9]+)$/.exec(path);
  const one = found && record(found[1]!);
  return one ? Response.json(one) : problem(404, 'not_found');
}

const realFetch = globalThis.fetch.bind(globalThis);
const mocked = new Set<string>(Object.values(mockApi));

/** Routes requests for the mock origins to the stand-in; every other request goes to the network as usual. */
export function installMockApi(): void {
  if ((globalThis.fetch as { mock?: boolean }).mock) return;
  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (!mocked.has(new URL(request.url).origin)) return realFetch(input, init);
    const signal = request.signal;
    const wait = new URL(request.url).origin === mockApi.slow ? Infinity : mockSettings.latency;
    await new Promise<void>((resolve, reject) => {
      const timer = wait === Infinity ? undefined : setTimeout(resolve, wait);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
    });
    return answer(request);
  };
  globalThis.fetch = Object.assign(mockFetch, { mock: true });
}
