import { themeCodeValues } from '@pustaka/spec/values';
import type { ThemeCode } from './model.js';

/** DDC main classes with the Indonesian labels libraries here use on their shelves. */
export const themeLabels: Record<ThemeCode, string> = {
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
};

export const themeCodes: readonly ThemeCode[] = themeCodeValues;

/**
 * The Islamic notation of Indonesian libraries (Departemen Agama's expansion of DDC 297): `2X` followed by a
 * division digit, written literally in call numbers ("2X1.3 QUR t"). All of it sits under 200 Agama.
 */
export const islamicDivisions: Record<string, string> = {
  '2X0': 'Islam Umum',
  '2X1': "Al-Qur'an dan Ilmu yang Berkaitan",
  '2X2': 'Hadis dan Ilmu yang Berkaitan',
  '2X3': 'Aqaid dan Ilmu Kalam',
  '2X4': 'Fiqh',
  '2X5': 'Akhlak dan Tasawuf',
  '2X6': 'Sosial dan Budaya Islam',
  '2X7': 'Filsafat dan Perkembangan Islam',
  '2X8': 'Aliran dan Sekte dalam Islam',
  '2X9': 'Sejarah Islam dan Biografi',
};

/**
 * The first class number in a classification or call number: "899.221 3", "2X4.1", "R 030 ENS" (R for a
 * reference shelf), "F HIR l" (fiction shelved without a number: none).
 */
const classNumber = /(?:^|[\s/])(2\s?[Xx]\s?\d|\d{3})(?=[.\s]|$|[A-Za-z])/;

/** The DDC main class of a classification or call number; undefined when it holds no class number. */
export function themeOf(...candidates: (string | undefined)[]): ThemeCode | undefined {
  for (const candidate of candidates) {
    const number = candidate && classNumber.exec(candidate.trim())?.[1];
    if (!number) continue;
    if (/x/i.test(number)) return '200';
    return `${number[0]}00` as ThemeCode;
  }
  return undefined;
}

/** The Islamic division ("2X4") of a classification, when it uses the 2X notation. */
export function islamicDivisionOf(classification: string | undefined): string | undefined {
  const match = classification && /(?:^|\s)2\s?[Xx]\s?(\d)/.exec(classification);
  return match ? `2X${match[1]}` : undefined;
}

export const themeOfCode = (code: ThemeCode) => ({ code, label: themeLabels[code] });
