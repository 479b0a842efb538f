/**
 * The NIK (Nomor Induk Kependudukan), read as it is typed: 16 digits `PPKKCC DDMMYY SSSS`, province, regency and
 * district codes, the birth date (day + 40 for women) and a serial that is never 0000. A valid structure is not
 * a verified identity: the library checks the KTP or KK at the counter.
 */

/** Province codes of Dukcapil (Papua's 2022 provinces included: 91 to 96). */
const provinces = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75,
  76, 81, 82, 91, 92, 93, 94, 95, 96,
]);

/** Which rule a NIK breaks, in the order they are checked; each has its own sentence. */
export type NikProblem = 'nik_format' | 'nik_region' | 'nik_date' | 'nik_serial';

/** What a well-formed NIK says about its holder. */
export interface NikFacts {
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sex: 'female' | 'male';
}

export type NikReading = { problem: NikProblem } | { problem?: undefined; facts: NikFacts };

const two = (digits: string, at: number) => Number(digits.slice(at, at + 2));

/**
 * Reads a NIK as the server does (`packages/server/src/membership/nik.ts`): the two-digit year is this century
 * unless that is a later year than `today`'s; a birth date after `today` is not valid. (A child's NIK is on the
 * family card from birth, so recent years are common.)
 */
export function readNik(value: string, today = new Date()): NikReading {
  const nik = value.replace(/[\s.-]/g, '');
  if (!/^\d{16}$/.test(nik)) return { problem: 'nik_format' };
  if (!provinces.has(two(nik, 0)) || two(nik, 2) === 0 || two(nik, 4) === 0) return { problem: 'nik_region' };
  const encodedDay = two(nik, 6);
  const female = encodedDay > 40;
  const day = female ? encodedDay - 40 : encodedDay;
  const month = two(nik, 8);
  const shortYear = two(nik, 10);
  let year = 2000 + shortYear;
  if (year > today.getUTCFullYear()) year -= 100;
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = day >= 1 && month >= 1 && month <= 12 && date.getUTCDate() === day && date.getUTCMonth() === month - 1;
  if (!real || date > today) {
    return { problem: 'nik_date' };
  }
  if (nik.endsWith('0000')) return { problem: 'nik_serial' };
  return { facts: { birthDate: date.toISOString().slice(0, 10), sex: female ? 'female' : 'male' } };
}

/** What of the entered birth date and sex the NIK contradicts: a warning the visitor may confirm, not a refusal. */
export function nikMismatch(facts: NikFacts, birthDate: string, sex: string): ('birthDate' | 'sex')[] {
  const differs: ('birthDate' | 'sex')[] = [];
  if (birthDate && facts.birthDate !== birthDate) differs.push('birthDate');
  if (sex && facts.sex !== sex) differs.push('sex');
  return differs;
}
