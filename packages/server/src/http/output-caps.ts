/**
 * The longest text of one field in an answer. Imports refuse longer values (catalog/import/limits.ts), but a
 * record stored before that limit, or by another way in, must not make every answer that finds it as large
 * (issue 11: one 6 MB title made every matching search 6 MB).
 */
export const outputChars = { list: 1_000, record: 16_384 } as const;

/** A copy of an answer with every string longer than `max` characters cut, ending in "…". */
export function capStrings<T>(value: T, max: number): T {
  if (typeof value === 'string') {
    if (value.length <= max) return value;
    // Not in the middle of a surrogate pair.
    const end = /[\uD800-\uDBFF]/.test(value[max - 2] ?? '') ? max - 2 : max - 1;
    return `${value.slice(0, end)}…` as T;
  }
  if (Array.isArray(value)) return value.map((item) => capStrings(item, max)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = capStrings(item, max);
    return out as T;
  }
  return value;
}
