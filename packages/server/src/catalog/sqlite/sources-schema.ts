/**
 * Source records (applied by storage/migrations.ts as '2026-11-29-301-catalog-sources'); see
 * catalog/source-records.ts for why and for the rule that picks the shared record.
 *
 * - catalog_sources: each library's own description of a work (JSON of BibliographicInput, covers it may not
 *   give already dropped). catalog_records keeps the shared record derived from them, so searches read one
 *   row per work as before.
 * - catalog_pins: the source network staff pinned for a work, if any.
 * - catalog_removals: works that lost their last library (a library left the network), with the catalogue
 *   version that removed them, so that the in-memory facet index forgets them (it follows change_seq, and a
 *   deleted row has none).
 *
 * Existing works become the source record of every library that holds them: the shared record was the only
 * description kept, so each library starts from it. json_patch onto '{}' drops the keys whose column is NULL,
 * as rows.ts fromRow() does.
 */
export const catalogSourcesSchema = `
  CREATE TABLE catalog_sources (
    record_id INTEGER NOT NULL REFERENCES catalog_records (id) ON DELETE CASCADE,
    library_id TEXT NOT NULL REFERENCES libraries (id),
    record TEXT NOT NULL,             -- JSON: BibliographicInput, as this library described the work
    content_hash TEXT NOT NULL,       -- skips recomputing the shared record when a re-import changed nothing
    PRIMARY KEY (record_id, library_id)
  ) WITHOUT ROWID;
  CREATE INDEX catalog_sources_library ON catalog_sources (library_id, record_id);

  CREATE TABLE catalog_pins (
    record_id INTEGER PRIMARY KEY REFERENCES catalog_records (id) ON DELETE CASCADE,
    library_id TEXT NOT NULL REFERENCES libraries (id)
  );

  CREATE TABLE catalog_removals (
    record_id INTEGER PRIMARY KEY,
    change_seq INTEGER NOT NULL
  );
  CREATE INDEX catalog_removals_change ON catalog_removals (change_seq);

  INSERT INTO catalog_sources (record_id, library_id, record, content_hash)
  SELECT h.record_id, h.library_id,
    json_patch('{}', json_object(
      'title', r.title, 'subtitle', r.subtitle, 'authors', json(r.authors), 'subjects', json(r.subjects),
      'isbns', json(r.isbns), 'year', r.year, 'format', r.format, 'language', r.language, 'theme', r.theme,
      'classification', r.classification, 'edition', r.edition, 'publisher', r.publisher, 'place', r.place,
      'series', r.series, 'collation', r.collation, 'notes', r.notes, 'coverUrl', r.cover_url)),
    r.content_hash
  FROM catalog_holdings h JOIN catalog_records r ON r.id = h.record_id;
`;
