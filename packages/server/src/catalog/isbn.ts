/**
 * ISBNs as catalogues write them ("978-979-3062-79-2 (pbk.)", "979 3062 79 2", "0-14-044913-X : Rp50.000")
 * turned into one comparable form, the 13-digit ISBN, so a book imported with its ISBN-10 by one library and
 * its ISBN-13 by another is one record.
 */

export type IsbnResult = { isbn13: string } | { error: string };

function isbn10CheckDigit(nineDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (10 - i) * Number(nineDigits[i]);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

function isbn13CheckDigit(twelveDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(twelveDigits[i]);
  return String((10 - (sum % 10)) % 10);
}

/** Digits (and a final X) of the first ISBN-looking run in a cataloguer's text. */
function compact(text: string): string | undefined {
  const run = /[0-9][0-9\s-]{8,16}[0-9Xx]/.exec(text)?.[0];
  return run?.replace(/[\s-]/g, '').toUpperCase();
}

/** Reads one ISBN-10 or ISBN-13 and answers its ISBN-13, or why it is not a valid ISBN. */
export function parseIsbn(text: string): IsbnResult {
  const digits = compact(text);
  if (!digits) return { error: `"${text}" does not contain an ISBN.` };
  if (digits.length === 10 && /^\d{9}[\dX]$/.test(digits)) {
    if (isbn10CheckDigit(digits.slice(0, 9)) !== digits[9]) {
      return { error: `"${text}" is not a valid ISBN-10: its check digit is wrong.` };
    }
    const twelve = `978${digits.slice(0, 9)}`;
    return { isbn13: twelve + isbn13CheckDigit(twelve) };
  }
  if (digits.length === 13 && /^97[89]\d{10}$/.test(digits)) {
    if (isbn13CheckDigit(digits.slice(0, 12)) !== digits[12]) {
      return { error: `"${text}" is not a valid ISBN-13: its check digit is wrong.` };
    }
    return { isbn13: digits };
  }
  return { error: `"${text}" is neither a 10-digit nor a 13-digit ISBN.` };
}

/** The ISBN-10 form of an ISBN-13, when it has one (only 978- ISBNs do). */
export function toIsbn10(isbn13: string): string | undefined {
  if (!isbn13.startsWith('978')) return undefined;
  const nine = isbn13.slice(3, 12);
  return nine + isbn10CheckDigit(nine);
}

/** Appends the check digit to the first 12 digits of an ISBN-13 (for generated catalogues). */
export function completeIsbn13(twelveDigits: string): string {
  return twelveDigits + isbn13CheckDigit(twelveDigits);
}
