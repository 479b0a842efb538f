import type { BibliographicInput, CopyInput, LibraryHolding } from '../catalog/model.js';
import { completeIsbn13 } from '../catalog/isbn.js';
import type { CatalogStore } from '../catalog/store.js';
import { themeOf } from '../catalog/themes.js';
import type { Library } from '../types.js';
import { generateCatalog } from './catalog-generator.js';

/** Works that every Indonesian library has, so that the demo answers the searches people actually try. */
type Known = [
  title: string,
  author: string,
  year: number,
  classification: string,
  language: string,
  isbn12?: string,
  subtitle?: string,
];
const knownWorks: Known[] = [
  ['Laskar Pelangi', 'Andrea Hirata', 2005, '899.221 3', 'ind', '978979306279'],
  ['Sang Pemimpi', 'Andrea Hirata', 2006, '899.221 3', 'ind', '978979110014'],
  ['Edensor', 'Andrea Hirata', 2007, '899.221 3', 'ind', '978979110027'],
  ['Maryamah Karpov', 'Andrea Hirata', 2008, '899.221 3', 'ind', '978979110035'],
  ['Orang-Orang Biasa', 'Andrea Hirata', 2019, '899.221 3', 'ind', '978602291542'],
  ['Bumi Manusia', 'Pramoedya Ananta Toer', 1980, '899.221 3', 'ind', '978979973340'],
  ['Anak Semua Bangsa', 'Pramoedya Ananta Toer', 1980, '899.221 3', 'ind', '978979973341'],
  ['Jejak Langkah', 'Pramoedya Ananta Toer', 1985, '899.221 3', 'ind', '978979973342'],
  ['Rumah Kaca', 'Pramoedya Ananta Toer', 1988, '899.221 3', 'ind', '978979973343'],
  ['Gadis Pantai', 'Pramoedya Ananta Toer', 1962, '899.221 3', 'ind', '978979973344'],
  ['Ronggeng Dukuh Paruk', 'Ahmad Tohari', 1982, '899.221 3', 'ind', '978979220190'],
  ['Cantik Itu Luka', 'Eka Kurniawan', 2002, '899.221 3', 'ind', '978979221312'],
  ['Lelaki Harimau', 'Eka Kurniawan', 2004, '899.221 3', 'ind', '978979221313'],
  ['Negeri 5 Menara', 'Ahmad Fuadi', 2009, '899.221 3', 'ind', '978979224185'],
  ['Ayat-Ayat Cinta', 'Habiburrahman El Shirazy', 2004, '899.221 3', 'ind', '978979326503'],
  ['Perahu Kertas', 'Dee Lestari', 2009, '899.221 3', 'ind', '978979108014'],
  ['Supernova', 'Dee Lestari', 2001, '899.221 3', 'ind', '978979965811', 'Ksatria, Puteri, dan Bintang Jatuh'],
  ['Pulang', 'Leila S. Chudori', 2012, '899.221 3', 'ind', '978979910515'],
  ['Laut Bercerita', 'Leila S. Chudori', 2017, '899.221 3', 'ind', '978602424694'],
  ['Siti Nurbaya', 'Marah Rusli', 1922, '899.221 3', 'ind', '978979407167', 'Kasih Tak Sampai'],
  ['Salah Asuhan', 'Abdoel Moeis', 1928, '899.221 3', 'ind', '978979407168'],
  ['Tenggelamnya Kapal Van der Wijck', 'Hamka', 1938, '899.221 3', 'ind', '978979418105'],
  ["Di Bawah Lindungan Ka'bah", 'Hamka', 1938, '899.221 3', 'ind', '978979418106'],
  ['Robohnya Surau Kami', 'A.A. Navis', 1956, '899.221 3', 'ind', '978979220191'],
  ['Atheis', 'Achdiat K. Mihardja', 1949, '899.221 3', 'ind', '978979407169'],
  ['Saman', 'Ayu Utami', 1998, '899.221 3', 'ind', '978979910516'],
  ['Hujan', 'Tere Liye', 2016, '899.221 3', 'ind', '978602032478'],
  ['Bumi', 'Tere Liye', 2014, '899.221 3', 'ind', '978602033295'],
  ['Aku Ini Binatang Jalang', 'Chairil Anwar', 1986, '899.221 1', 'ind', '978979220192'],
  ['Habis Gelap Terbitlah Terang', 'R.A. Kartini', 1911, '920', 'ind', '978979407170'],
  ['Tafsir Al-Azhar', 'Hamka', 1967, '2X1.3', 'ind', '978979418107'],
  ['Fiqih Sunnah', 'Sayyid Sabiq', 1990, '2X4.1', 'ind', '978979326504'],
  ['Sirah Nabawiyah', 'Shafiyyurrahman Al-Mubarakfuri', 1997, '2X9.1', 'ind', '978979326505'],
  ['Sejarah Nasional Indonesia', 'Marwati Djoened Poesponegoro', 2008, '959.8', 'ind', '978979407171'],
  ['Kutai Kartanegara dari Masa ke Masa', 'Dinas Kebudayaan Kalimantan Timur', 2011, '959.838', 'ind'],
  ['Max Havelaar', 'Multatuli', 1860, '839.3', 'dut', '978979407172'],
  ["Harry Potter and the Philosopher's Stone", 'J.K. Rowling', 1997, '823', 'eng', '978074753269'],
  ['The Little Prince', 'Antoine de Saint-Exupéry', 1943, '843', 'eng', '978015601219'],
  ['Sapiens', 'Yuval Noah Harari', 2011, '909', 'eng', '978009959008', 'A Brief History of Humankind'],
  ['A Brief History of Time', 'Stephen Hawking', 1988, '523.1', 'eng', '978055338016'],
  ['The Old Man and the Sea', 'Ernest Hemingway', 1952, '813', 'eng', '978068480122'],
  ['Animal Farm', 'George Orwell', 1945, '823', 'eng', '978045228424'],
  ['Pride and Prejudice', 'Jane Austen', 1813, '823', 'eng', '978014143951'],
  ['The Diary of a Young Girl', 'Anne Frank', 1947, '940.53', 'eng', '978055357712'],
  // Catalogue text is data, never markup: a book about HTML shows why the widget must render text as text.
  ['Belajar HTML dan CSS: dari <p> sampai <div>', 'Budi Raharjo', 2020, '006.7', 'ind', '978623709215'],
];

const librariesFor = (index: number, ids: string[]) => [
  ids[0]!,
  ids[1 + (index % (ids.length - 1))]!,
  ids[1 + ((index * 7) % (ids.length - 1))]!,
];

function knownHoldings(libraries: Library[], today: string): LibraryHolding[][] {
  const ids = libraries.map((library) => library.id);
  return knownWorks.map(([title, author, year, classification, language, isbn12, subtitle], index) => {
    const record: BibliographicInput = {
      title,
      authors: [author],
      subjects: [],
      year,
      format: 'book',
      language,
      classification,
      isbns: isbn12 ? [completeIsbn13(isbn12)] : [],
      ...(subtitle && { subtitle }),
    };
    const theme = themeOf(classification);
    if (theme) record.theme = theme;
    return [...new Set(librariesFor(index, ids))].map((libraryId, position) => {
      // Every third work has its city-library copy out on loan, so availability shows both states.
      const copies: CopyInput[] = Array.from({ length: position === 0 ? 3 : 1 }, (_, copy) => ({
        itemCode: `K${String(index).padStart(3, '0')}-${position}-${copy}`,
        location: position === 0 ? 'Ruang Koleksi Umum' : 'Rak Fiksi',
        callNumber: `${classification} ${author.split(' ').at(-1)!.slice(0, 3).toUpperCase()} ${title[0]!.toLowerCase()}`,
        status: copy === 0 && index % 3 === 0 ? 'on_loan' : 'available',
        ...(copy === 0 && index % 3 === 0 && { dueDate: today }),
      }));
      return { record, libraryId, copies };
    });
  });
}

/** How many generated works the demo catalogue has, besides the known ones. */
export const DEMO_GENERATED_WORKS = 3200;

/**
 * The demo union catalogue: well-known Indonesian and English works, then 3,200 generated ones, spread over
 * the network's libraries with some copies on loan. One transaction: a few hundred milliseconds, so every
 * test server can have it. Safe to run again (the writer updates what is there).
 */
export async function seedDemoCatalog(
  catalog: CatalogStore,
  libraries: Library[],
  today = new Date().toISOString().slice(0, 10),
): Promise<number> {
  const works = [
    ...knownHoldings(libraries, today),
    ...generateCatalog({ count: DEMO_GENERATED_WORKS, libraries, seed: 2019, today }),
  ];
  const run = await catalog.beginRun();
  const outcomes = await run.saveBatch(works.flat());
  const refused = outcomes.find((outcome) => typeof outcome !== 'string');
  if (refused) throw new Error(`The demo catalogue could not be saved: ${refused.refused}`);
  return works.length;
}
