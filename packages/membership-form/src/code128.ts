/**
 * A Code 128 barcode (subset B: printable ASCII) of a registration reference or a member number, as one SVG
 * path. Loaded lazily (`import('./code128.js')`): only a visitor who registered, or a librarian printing a card,
 * downloads it. Written here rather than taken from a package: the smallest barcode packages on npm are
 * several kB, this is well under one, and scanners at the counter read Code 128 (the domain's card barcode).
 */

/**
 * Bar and space widths in modules of each symbol value 0 to 106 (103 to 105 are the start codes, 106 the stop),
 * six digits each (the stop has seven): bar, space, bar, space, bar, space.
 */
const widths = (
  '212222222122222221121223121322131222122213122312132212221213221312231212112232122132122231113222123122123221' +
  '223211221132221231213212223112312131311222321122321221312212322112322211212123212321232121111323131123131321' +
  '112313132113132311211313231113231311112133112331132131113123113321133121313121211331231131213113213311213131' +
  '311123311321331121312113312311332111314111221411431111111224111422121124121421141122141221112214112412122114' +
  '122411142112142211241211221114413111241112134111111242121142121241114212124112124211411212421112421211212141' +
  '214121412121111143111341131141114113114311411113411311113141114131311141411131211412211214211232'
)
  .match(/\d{6}/g)!
  .concat('2331112');

const startB = 104;
const stop = 106;
/** Empty modules on each side, which scanners need to find the code. */
const quietZone = 10;

/** The symbol values of `text` in subset B, with the start code and the check value. */
export function code128Values(text: string): number[] {
  const values = [startB];
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (code < 32 || code > 126) throw new RangeError(`Code 128 B cannot encode "${character}"`);
    values.push(code - 32);
  }
  const check = values.reduce((sum, value, index) => sum + value * Math.max(index, 1), 0) % 103;
  return [...values, check, stop];
}

/** The bars of `text`: an SVG path in module units and the code's width with its quiet zones. */
export function code128(text: string): { path: string; width: number } {
  let x = quietZone;
  let path = '';
  for (const value of code128Values(text)) {
    [...widths[value]!].forEach((digit, index) => {
      const width = Number(digit);
      if (index % 2 === 0) path += `M${x} 0h${width}v1h-${width}z`;
      x += width;
    });
  }
  return { path, width: x + quietZone };
}

/** For tests: the width table, to check that it is the standard one (11 modules a symbol, all distinct). */
export const code128Widths: readonly string[] = widths;
