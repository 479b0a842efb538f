/**
 * Reads a `group_concat` of ids ("2,1,3") into a Uint32Array, keeping its order.
 *
 * Why: SQLite hands over a list of a million ids as one string in about 150 ms, where stepping through a
 * million rows costs 450 to 750 ms; parsing the string is a few ms.
 */
export function idsOfList(list: string | null): Uint32Array {
  if (!list) return new Uint32Array(0);
  let count = 1;
  for (let i = 0; i < list.length; i++) if (list.charCodeAt(i) === 44) count++;
  const ids = new Uint32Array(count);
  let value = 0;
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const code = list.charCodeAt(i);
    if (code === 44) {
      ids[n++] = value;
      value = 0;
    } else value = value * 10 + (code - 48);
  }
  ids[n] = value;
  return ids;
}
