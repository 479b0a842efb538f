/**
 * Indonesian mobile numbers as E.164 (`+628...`). Accepted: `08...`, `628...`, `+628...`, with spaces, dashes,
 * dots or brackets. Mobile numbers have 9 to 12 digits after +62 and start with 8 (libphonenumber agrees).
 * Undefined when the text is not such a number.
 */
export function normalisePhone(text: string): string | undefined {
  const compact = text.replace(/[\s\-.()]/g, '');
  const national = /^(?:\+62|62|0)(8\d{8,11})$/.exec(compact)?.[1];
  return national ? `+62${national}` : undefined;
}

/** E-mail addresses compare without case or surrounding spaces. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();
