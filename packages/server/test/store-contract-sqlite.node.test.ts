// The store contract suite on SQLite: a real database file in a temp folder, opened as the server opens it.
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { coverTrust } from '../src/catalog/source-records.js';
import type { CatalogAnswer, CatalogQuery } from '../src/catalog/store.js';
import { openDatabase, type Db } from '../src/storage/database.js';
import { SqliteWrite } from '../src/storage/idempotency.js';
import { sqliteStores } from '../src/storage/stores.js';
import { storeContract } from './store-contract/contract.js';
import type { HarnessOptions, StoreHarness } from './store-contract/harness.js';
import { randomCatalogueCheck } from './store-contract/random-catalogue.js';

interface SqliteHarness extends StoreHarness {
  /** A read-only connection of its own, straight through better-sqlite3 (for the oracle). */
  reader(): Database.Database;
}

async function sqliteHarness({ now, coverOrigins }: HarnessOptions): Promise<SqliteHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'pustaka-contract-'));
  const file = join(dir, 'pustaka.sqlite');
  const connections: Db[] = [openDatabase(file)];
  let reader: Database.Database | undefined;
  return {
    reader: () => (reader ??= new Database(file, { readonly: true })),
    stores: sqliteStores(connections[0]!, { now, coverTrust: coverTrust(coverOrigins) }),
    // A second connection and a second set of stores: what a server process started afterwards has.
    async reopen() {
      connections.push(openDatabase(file));
      return sqliteStores(connections.at(-1)!, { now, coverTrust: coverTrust(coverOrigins) });
    },
    async close() {
      reader?.close();
      for (const db of connections) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

storeContract('SQLite', sqliteHarness);

type Facets = CatalogAnswer['facets'];

/**
 * The oracle: totals and facet counts as plain GROUP BYs over catalog_records, catalog_holdings and libraries,
 * read through a connection of its own. Facets are disjunctive (each counted as if its own filter were not
 * set); library and library-kind facets keep the other of the two holding filters and availability.
 */
function groupByOracle(db: Database.Database, query: CatalogQuery): { total: number; facets: Facets } {
  type Attribute = 'format' | 'theme' | 'language' | 'year';
  const list = (values: readonly unknown[]) => values.map(() => '?').join(', ');
  const attributes = (skip?: Attribute) => {
    const sql: string[] = [];
    const params: unknown[] = [];
    for (const word of query.text?.split(' ').filter(Boolean) ?? []) {
      sql.push("(' ' || lower(r.title) || ' ') LIKE ?");
      params.push(`% ${word} %`);
    }
    if (query.formats?.length && skip !== 'format') {
      sql.push(`r.format IN (${list(query.formats)})`);
      params.push(...query.formats);
    }
    if (query.themes?.length && skip !== 'theme') {
      sql.push(`r.theme IN (${list(query.themes)})`);
      params.push(...query.themes);
    }
    if (query.languages?.length && skip !== 'language') {
      sql.push(`r.language IN (${list(query.languages)})`);
      params.push(...query.languages);
    }
    if ((query.yearFrom !== undefined || query.yearTo !== undefined) && skip !== 'year') {
      sql.push('r.year IS NOT NULL AND r.year BETWEEN ? AND ?');
      params.push(query.yearFrom ?? 0, query.yearTo ?? 9999);
    }
    return { sql, params };
  };
  const holdingConditions = ({ libraries = true, kinds = true } = {}) => {
    const sql: string[] = [];
    const params: unknown[] = [];
    if (libraries && query.libraries?.length) {
      sql.push(`h.library_id IN (${list(query.libraries)})`);
      params.push(...query.libraries);
    }
    if (kinds && query.libraryKinds?.length) {
      sql.push(`l.kind IN (${list(query.libraryKinds)})`);
      params.push(...query.libraryKinds);
    }
    if (query.availableOnly) sql.push('h.available > 0');
    return { sql, params };
  };
  const held = () => {
    const holding = holdingConditions();
    if (!holding.sql.length) return { sql: [], params: [] };
    return {
      sql: [
        `EXISTS (SELECT 1 FROM catalog_holdings h JOIN libraries l ON l.id = h.library_id WHERE h.record_id = r.id AND ${holding.sql.join(' AND ')})`,
      ],
      params: holding.params,
    };
  };
  const where = (...parts: { sql: string[]; params: unknown[] }[]) => ({
    sql: parts.flatMap((part) => part.sql).join(' AND ') || '1',
    params: parts.flatMap((part) => part.params),
  });
  const groups = (select: string, from: string, condition: { sql: string; params: unknown[] }) =>
    (
      db
        .prepare(
          `SELECT ${select} AS value, count(DISTINCT r.id) AS count FROM ${from} WHERE ${condition.sql} GROUP BY 1`,
        )
        .all(...condition.params) as { value: string | number | null; count: number }[]
    )
      .filter((row) => row.value !== null)
      .map((row) => ({ value: String(row.value), count: row.count }));
  const byCount = (buckets: { value: string; count: number }[]) =>
    buckets.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));

  const records = 'catalog_records r';
  const withHoldings =
    'catalog_records r JOIN catalog_holdings h ON h.record_id = r.id JOIN libraries l ON l.id = h.library_id';
  const all = where(attributes(), held());
  const total = db
    .prepare(`SELECT count(*) FROM catalog_records r WHERE ${all.sql}`)
    .pluck()
    .get(...all.params) as number;
  return {
    total,
    facets: {
      format: byCount(groups('r.format', records, where(attributes('format'), held()))),
      library: byCount(
        groups('h.library_id', withHoldings, where(attributes(), holdingConditions({ libraries: false }))),
      ),
      library_kind: byCount(groups('l.kind', withHoldings, where(attributes(), holdingConditions({ kinds: false })))),
      theme: byCount(groups('r.theme', records, where(attributes('theme'), held()))),
      language: byCount(groups('r.language', records, where(attributes('language'), held()))),
      year: groups('r.year', records, where(attributes('year'), held())).sort(
        (a, b) => Number(b.value) - Number(a.value),
      ),
    },
  };
}

randomCatalogueCheck('SQLite', sqliteHarness, async (harness, query) => groupByOracle(harness.reader(), query));

describe('SQLite: a write committed with its idempotent answer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pustaka-write-'));
  const db = openDatabase(join(dir, 'pustaka.sqlite'));
  const stores = sqliteStores(db);
  db.exec('CREATE TABLE visits_for_test (id TEXT PRIMARY KEY)');
  const visits = () => db.prepare('SELECT id FROM visits_for_test ORDER BY id').pluck().all();
  const insert = (id: string) =>
    new SqliteWrite((conn) => void conn.prepare('INSERT INTO visits_for_test (id) VALUES (?)').run(id));
  after(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits the write and the answer together', async () => {
    await stores.idempotency.reserve('op', 'k1', 'h');
    await stores.idempotency.complete('op', 'k1', { requestHash: 'h', status: 201, body: { id: 'v1' } }, [
      insert('v1'),
    ]);
    assert.deepEqual(visits(), ['v1']);
    assert.equal((await stores.idempotency.reserve('op', 'k1', 'h')).outcome, 'answered');
  });

  it('commits neither when the write fails: the key stays reserved, to be released', async () => {
    await stores.idempotency.reserve('op', 'k2', 'h');
    // v1 exists: the primary key refuses the second write.
    await assert.rejects(
      stores.idempotency.complete('op', 'k2', { requestHash: 'h', status: 201, body: {} }, [
        insert('v2'),
        insert('v1'),
      ]),
    );
    assert.deepEqual(visits(), ['v1']);
    assert.equal((await stores.idempotency.reserve('op', 'k2', 'h')).outcome, 'in_progress');
  });
});
