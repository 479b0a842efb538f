/**
 * An Indonesian mobile number in E.164 (`+62812...`), from the ways people write it: `0812-3456-7890`,
 * `62 812 3456 7890`, `+62812...`. Mobile numbers have 9 to 12 digits after `+62` and start with 8
 * (libphonenumber's metadata agrees). Undefined when it is not one.
 */
export function normalisePhone(value: string): string | undefined {
  const digits = value.replace(/[\s().-]/g, '');
  const national = /^(?:\+62|62|0)(8\d{8,11})$/.exec(digits)?.[1];
  return national && `+62${national}`;
}
