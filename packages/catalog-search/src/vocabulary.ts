import type { Format, LibraryKind, ThemeCode } from '@pustaka/client';
import type { Language } from '@pustaka/core';
import { formatValues, libraryKindValues, themeCodeValues } from '@pustaka/spec/values';

/** The contract's formats, in its order. */
export const formats = formatValues;

/** The DDC main classes, offered as chips when nothing is typed yet. */
export const themeCodes = themeCodeValues;

export const libraryKinds = libraryKindValues;

interface Labels {
  format: Record<Format, string>;
  theme: Record<ThemeCode, string>;
  library_kind: Record<LibraryKind, string>;
}

/** Labels by language and value: a value the contract adds without a label here fails the typecheck. */
const labels: Record<Language, Labels> = {
  id: {
    format: {
      book: 'Buku',
      serial: 'Terbitan Berkala',
      ebook: 'E-book',
      audio: 'Audio',
      video: 'Video',
      map: 'Peta',
      image: 'Gambar',
      braille: 'Braille',
      manuscript: 'Manuskrip',
      realia: 'Realia/Kit',
      thesis: 'Skripsi/Tesis',
    },
    theme: {
      '000': 'Karya Umum',
      '100': 'Filsafat & Psikologi',
      '200': 'Agama',
      '300': 'Ilmu Sosial',
      '400': 'Bahasa',
      '500': 'Sains & Matematika',
      '600': 'Teknologi',
      '700': 'Kesenian & Olahraga',
      '800': 'Kesusastraan',
      '900': 'Sejarah & Geografi',
    },
    library_kind: {
      public: 'Umum',
      school: 'Sekolah',
      university: 'Perguruan tinggi',
      company: 'Perusahaan',
      'reading-corner': 'Pojok baca',
    },
  },
  en: {
    format: {
      book: 'Book',
      serial: 'Serial',
      ebook: 'E-book',
      audio: 'Audio',
      video: 'Video',
      map: 'Map',
      image: 'Image',
      braille: 'Braille',
      manuscript: 'Manuscript',
      realia: 'Realia/Kit',
      thesis: 'Thesis',
    },
    theme: {
      '000': 'General Works',
      '100': 'Philosophy & Psychology',
      '200': 'Religion',
      '300': 'Social Sciences',
      '400': 'Language',
      '500': 'Science & Mathematics',
      '600': 'Technology',
      '700': 'Arts & Recreation',
      '800': 'Literature',
      '900': 'History & Geography',
    },
    library_kind: {
      public: 'Public',
      school: 'School',
      university: 'University',
      company: 'Company',
      'reading-corner': 'Reading corner',
    },
  },
};

/** "Buku", "Kesusastraan", "Pojok baca" (or the English label); a value the list does not know stays as it is. */
export function label(list: keyof Labels, value: string, language: Language): string {
  const names: Partial<Record<string, string>> = labels[language][list];
  return Object.hasOwn(names, value) ? names[value]! : value;
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
