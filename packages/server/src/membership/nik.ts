/**
 * The NIK (Nomor Induk Kependudukan): 16 digits `PPKKCC DDMMYY SSSS`: province, regency and district codes,
 * the birth date with 40 added to the day for women, and a serial that is never 0000. It has no check digit,
 * so a valid structure is not a verified identity: staff check the card itself.
 */

/** Province codes of Kemendagri (Papua's 2022 provinces 92 to 96 included). */
const provinceCodes = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75,
  76, 81, 82, 91, 92, 93, 94, 95, 96,
]);

export type NikProblem = 'nik_format' | 'nik_region' | 'nik_date' | 'nik_serial';

export type NikCheck =
  { valid: true; birthDate: string; sex: 'female' | 'male' } | { valid: false; problem: NikProblem };

/**
 * Reads a NIK. The two-digit year is taken in the century that puts the birth date in the past (on `today`).
 */
export function checkNik(nik: string, today: Date = new Date()): NikCheck {
  if (!/^[0-9]{16}$/.test(nik)) return { valid: false, problem: 'nik_format' };
  const province = Number(nik.slice(0, 2));
  const regency = Number(nik.slice(2, 4));
  const district = Number(nik.slice(4, 6));
  if (!provinceCodes.has(province) || regency === 0 || district === 0) return { valid: false, problem: 'nik_region' };
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex = day > 40 ? 'female' : 'male';
  if (day > 40) day -= 40;
  const thisYear = today.getUTCFullYear();
  let year = 2000 + yy;
  if (year > thisYear) year -= 100;
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (day < 1 || !real || date.getTime() > today.getTime()) return { valid: false, problem: 'nik_date' };
  if (nik.slice(12) === '0000') return { valid: false, problem: 'nik_serial' };
  return { valid: true, birthDate: date.toISOString().slice(0, 10), sex };
}

/** Only these four digits are ever shown, to staff and on the applicant's receipt. */
export const nikLast4 = (nik: string) => nik.slice(-4);
