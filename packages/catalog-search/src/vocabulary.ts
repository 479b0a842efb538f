import type { Format, LibraryKind, ThemeCode } from '@pustaka/client';
import type { Language } from '@pustaka/core';

/** The contract's formats, in the order of the labels below. */
export const formats: readonly Format[] = [
  'book', 'serial', 'ebook', 'audio', 'video', 'map', 'image', 'braille', 'manuscript', 'realia', 'thesis',
];

/** The DDC main classes, offered as chips when nothing is typed yet. */
export const themeCodes: readonly ThemeCode[] = ['000', '100', '200', '300', '400', '500', '600', '700', '800', '900'];

export const libraryKinds: readonly LibraryKind[] = ['public', 'school', 'university', 'company', 'reading-corner'];

/** Labels of the lists above, in their order, `|`-separated: one string per list and language keeps them small. */
const labels = {
  format: {
    id: 'Buku|Terbitan Berkala|E-book|Audio|Video|Peta|Gambar|Braille|Manuskrip|Realia/Kit|Skripsi/Tesis',
    en: 'Book|Serial|E-book|Audio|Video|Map|Image|Braille|Manuscript|Realia/Kit|Thesis',
  },
  theme: {
    id: 'Karya Umum|Filsafat & Psikologi|Agama|Ilmu Sosial|Bahasa|Sains & Matematika|Teknologi|Kesenian & Olahraga|Kesusastraan|Sejarah & Geografi',
    en: 'General Works|Philosophy & Psychology|Religion|Social Sciences|Language|Science & Mathematics|Technology|Arts & Recreation|Literature|History & Geography',
  },
  library_kind: {
    id: 'Umum|Sekolah|Perguruan tinggi|Perusahaan|Pojok baca',
    en: 'Public|School|University|Company|Reading corner',
  },
};

const lists = { format: formats, theme: themeCodes, library_kind: libraryKinds };

/** "Buku", "Kesusastraan", "Pojok baca" (or the English label); a value the list does not know stays as it is. */
export function label(list: keyof typeof labels, value: string, language: Language): string {
  const index = (lists[list] as readonly string[]).indexOf(value);
  return index < 0 ? value : labels[list][language].split('|')[index]!;
}

/**
 * Divisions of the Islamic notation that Indonesian libraries write literally in call numbers ("2X4.1"); all of
 * it belongs to 200 Agama. Catalogue terms, shown in Indonesian in both languages.
 */
const islamicDivisions =
  "Islam Umum|Al-Qur'an|Hadis|Aqaid dan Ilmu Kalam|Fiqh|Akhlak dan Tasawuf|Sosial dan Budaya Islam|Filsafat dan Perkembangan Islam|Aliran dan Sekte dalam Islam|Sejarah Islam dan Biografi".split(
    '|',
  );

const classNumber = /(?:^|[\s/])(2\s?x\s?(\d)|\d{3})(?=[.\s]|$|[a-z])/i;

/**
 * The DDC main class of a classification or call number ("899.221 3" is 800, "2X4.1" and "R 2X1 QUR" are 200),
 * and for the Islamic notation its division ("2X4 Fiqh"). Undefined when it holds no class number.
 */
export function classify(classification: string | undefined): { theme: ThemeCode; division?: string } | undefined {
  const match = classification ? classNumber.exec(classification.trim()) : null;
  if (!match) return undefined;
  const [, number, islamic] = match;
  if (islamic !== undefined) return { theme: '200', division: `2X${islamic} ${islamicDivisions[+islamic]}` };
  return { theme: `${number![0]}00` as ThemeCode };
}
