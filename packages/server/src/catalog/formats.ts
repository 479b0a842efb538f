import type { Format } from './model.js';
import { fold } from './text.js';

/**
 * SLiMS GMD names (and INLISLite worksheet names) onto our one list. SLiMS ships English GMDs ("Text",
 * "Electronic Resource"); many libraries renamed them in Indonesian. Keys are folded.
 */
const gmdFormats: [RegExp, Format][] = [
  [/^(text|teks|buku|book|monograf|printed|tercetak|cetak)/, 'book'],
  [/(skripsi|tesis|thesis|disertasi|dissertation|tugas akhir|laporan penelitian)/, 'thesis'],
  [/(serial|majalah|magazine|jurnal|journal|koran|surat kabar|newspaper|berkala|buletin|periodical)/, 'serial'],
  [/(braille)/, 'braille'],
  [/(e-?book|electronic|elektronik|digital|computer|komputer|cd-?rom|online|daring|pdf)/, 'ebook'],
  [/(video|film|motion|dvd|vcd|gambar hidup)/, 'video'],
  [/(sound|audio|suara|kaset|cassette|music|musik|rekaman)/, 'audio'],
  [/(carto|map|peta|atlas|globe)/, 'map'],
  [/(picture|gambar|graphic|grafis|foto|photo|poster|art|lukisan|slide)/, 'image'],
  [/(manuscript|manuskrip|naskah|mixed)/, 'manuscript'],
  [/(kit|realia|diorama|model|game|permainan|mainan|artefak|artifact|benda)/, 'realia'],
];

/** The format of a SLiMS GMD name; undefined for a name this list does not know. */
export function formatOfGmd(gmd: string): Format | undefined {
  const key = fold(gmd).trim();
  if (!key) return 'book';
  return gmdFormats.find(([pattern]) => pattern.test(key))?.[1];
}

/** What a MARC21 record says about its carrier. */
export interface MarcFormatClues {
  leader: string;
  /** 007/00 of every 007 (category of material). */
  physical: string[];
  /** 245 $h, the GMD of AACR2 records ("[rekaman video]"). */
  gmd?: string;
  /** 338 $a/$b carrier types of RDA records. */
  carriers: string[];
  /** A 502 dissertation note. */
  hasDissertationNote: boolean;
}

/**
 * Leader/06 (type of record) and /07 (bibliographic level), refined by 007, 245 $h, 338 and 502. See MARC21
 * Bibliographic, Leader: a/t language material, e/f cartographic, g projected, i/j sound, k graphic,
 * m computer file, o kit, p mixed, r object; c/d music (scores: shelved with books; manuscript scores).
 */
export function formatOfMarc(clues: MarcFormatClues): Format {
  const type = clues.leader[6] ?? 'a';
  const level = clues.leader[7] ?? 'm';
  const gmd = clues.gmd ? formatOfGmd(clues.gmd.replace(/[[\]]/g, '')) : undefined;
  const carriers = clues.carriers.map(fold);
  if (clues.physical.includes('f') || gmd === 'braille') return 'braille';
  switch (type) {
    case 'e':
    case 'f':
      return 'map';
    case 'g':
      return 'video';
    case 'i':
    case 'j':
      return 'audio';
    case 'k':
      return 'image';
    case 'm':
      return 'ebook';
    case 'o':
    case 'r':
      return 'realia';
    case 'p':
    case 'd':
      return 'manuscript';
    case 't':
      return clues.hasDissertationNote ? 'thesis' : 'manuscript';
  }
  if (clues.hasDissertationNote) return 'thesis';
  if (level === 's' || level === 'b' || level === 'i') return 'serial';
  const online = clues.physical.includes('c') || carriers.some((carrier) => /online|cr$|verkko|daring/.test(carrier));
  if (online || gmd === 'ebook') return 'ebook';
  return gmd && gmd !== 'book' && gmd !== 'manuscript' ? gmd : 'book';
}
