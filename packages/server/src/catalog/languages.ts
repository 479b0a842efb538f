import { fold } from './text.js';

/**
 * Language names as SLiMS libraries type them (in Indonesian or English) onto MARC / ISO 639-2 codes.
 * Keys are folded, without "bahasa " in front.
 */
const codesByName: Record<string, string> = {
  indonesia: 'ind',
  indonesian: 'ind',
  ind: 'ind',
  id: 'ind',
  inggris: 'eng',
  english: 'eng',
  eng: 'eng',
  en: 'eng',
  arab: 'ara',
  arabic: 'ara',
  ara: 'ara',
  ar: 'ara',
  jawa: 'jav',
  javanese: 'jav',
  jav: 'jav',
  sunda: 'sun',
  sundanese: 'sun',
  melayu: 'may',
  malay: 'may',
  malaysia: 'may',
  may: 'may',
  msa: 'may',
  banjar: 'bjn',
  bugis: 'bug',
  buginese: 'bug',
  dayak: 'day',
  mandarin: 'chi',
  cina: 'chi',
  china: 'chi',
  chinese: 'chi',
  tionghoa: 'chi',
  jepang: 'jpn',
  japanese: 'jpn',
  korea: 'kor',
  korean: 'kor',
  belanda: 'dut',
  dutch: 'dut',
  jerman: 'ger',
  german: 'ger',
  perancis: 'fre',
  prancis: 'fre',
  french: 'fre',
  spanyol: 'spa',
  spanish: 'spa',
  rusia: 'rus',
  russian: 'rus',
  latin: 'lat',
  sanskerta: 'san',
  sanskrit: 'san',
  finlandia: 'fin',
  finnish: 'fin',
  swedia: 'swe',
  swedish: 'swe',
};

/** The ISO 639-2 code of a language name or code; undefined when unknown. */
export function languageCode(name: string): string | undefined {
  const key = fold(name)
    .replace(/^bahasa\s+/, '')
    .trim();
  if (codesByName[key]) return codesByName[key];
  // A MARC record may already carry a code (041 $a, 008/35-37).
  return /^[a-z]{3}$/.test(key) ? key : undefined;
}
