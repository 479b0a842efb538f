// The baseline the search is measured against: the same questions answered the naive way, with LIKE scans
// over the records table (what a catalogue without a full-text index does). It does less than the real
// search (no facets, no ranking beyond title order, no diacritic folding), so its times flatter it.

/** A searchCatalog handler over LIKE; answers total and one page, in the contract's shape. */
export function likeSearchHandler(db) {
  const pageRows = (ids) =>
    ids.length
      ? db
          .prepare(
            `SELECT id, title, authors, year, format, language FROM catalog_records WHERE id IN (${ids.map(() => '?').join(',')})`,
          )
          .all(...ids)
      : [];
  const holdingRows = (ids) =>
    ids.length
      ? db
          .prepare(
            `SELECT record_id, library_id, copies, available FROM catalog_holdings WHERE record_id IN (${ids.map(() => '?').join(',')})`,
          )
          .all(...ids)
      : [];

  return ({ query }) => {
    const where = [];
    const params = [];
    const words =
      `${query.q ?? ''} ${query.title ?? ''} ${query.author ?? ''}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    for (const word of words) {
      where.push('(r.title LIKE ? OR r.authors LIKE ? OR r.subjects LIKE ? OR r.publisher LIKE ? OR r.notes LIKE ?)');
      params.push(...Array(5).fill(`%${word}%`));
    }
    const list = (column, values) => {
      if (!values?.length) return;
      where.push(`${column} IN (${values.map(() => '?').join(',')})`);
      params.push(...values);
    };
    list('r.format', query.format);
    list('r.theme', query.theme);
    list('r.language', query.language);
    if (query.year_from) {
      where.push('r.year >= ?');
      params.push(query.year_from);
    }
    if (query.year_to) {
      where.push('r.year <= ?');
      params.push(query.year_to);
    }
    if (query.library?.length || query.library_kind?.length || query.available) {
      const holding = ['h.record_id = r.id'];
      if (query.library?.length) {
        holding.push(`h.library_id IN (${query.library.map(() => '?').join(',')})`);
        params.push(...query.library);
      }
      if (query.library_kind?.length) {
        holding.push(
          `h.library_id IN (SELECT id FROM libraries WHERE kind IN (${query.library_kind.map(() => '?').join(',')}))`,
        );
        params.push(...query.library_kind);
      }
      if (query.available) holding.push('h.available > 0');
      where.push(`EXISTS (SELECT 1 FROM catalog_holdings h WHERE ${holding.join(' AND ')})`);
    }
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = query.sort === 'year' ? 'r.year' : query.sort === '-year' ? 'r.year DESC' : 'r.title_key';
    const perPage = query.per_page ?? 20;
    const offset = ((query.page ?? 1) - 1) * perPage;
    const total = db
      .prepare(`SELECT count(*) FROM catalog_records r ${condition}`)
      .pluck()
      .get(...params);
    const ids = db
      .prepare(`SELECT r.id FROM catalog_records r ${condition} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, perPage, offset);
    const holdings = holdingRows(ids);
    // The same answer shape as the real search's (the server serialises every answer through the contract's
    // schema, so a loose shape would be refused, and a smaller one would flatter the baseline).
    const items = pageRows(ids).map((row) => {
      const byLibrary = holdings
        .filter((holding) => holding.record_id === row.id)
        .map(({ library_id, copies, available }) => ({ library_id, copies, available }));
      const sum = (key) => byLibrary.reduce((total, holding) => total + holding[key], 0);
      return {
        id: `rec_${row.id.toString(36)}`,
        title: row.title,
        authors: JSON.parse(row.authors),
        ...(row.year !== null && { year: row.year }),
        format: row.format,
        ...(row.language !== null && { language: row.language }),
        availability: {
          copies: sum('copies'),
          available: sum('available'),
          libraries: byLibrary.length,
          libraries_available: byLibrary.filter((holding) => holding.available > 0).length,
          by_library: byLibrary,
        },
      };
    });
    return { total, page: query.page ?? 1, per_page: perPage, took_ms: 0, items, facets: {} };
  };
}
