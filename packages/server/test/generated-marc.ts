/** MARCXML records made up for tests: one work per record, each with `copies` items of its own barcode. */
export function marcRecords(count: number, prefix: string, copies = 1): string[] {
  return Array.from({ length: count }, (_, n) => {
    const items = Array.from(
      { length: copies },
      (_, i) =>
        `<datafield tag="952" ind1=" " ind2=" "><subfield code="c">Rak Umum</subfield><subfield code="p">${prefix}-${n}-${i}</subfield></datafield>`,
    ).join('');
    return (
      `<record><leader>00000nam a2200000 a 4500</leader>` +
      `<datafield tag="100" ind1="1" ind2=" "><subfield code="a">Penulis ${prefix}</subfield></datafield>` +
      `<datafield tag="245" ind1="1" ind2="0"><subfield code="a">Karya ${prefix} nomor ${n}</subfield></datafield>${items}</record>`
    );
  });
}

export const marcCollectionStart =
  '<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n';
export const marcCollectionEnd = '</collection>\n';

export const marcFile = (count: number, prefix: string, copies = 1) =>
  marcCollectionStart + marcRecords(count, prefix, copies).join('\n') + marcCollectionEnd;
