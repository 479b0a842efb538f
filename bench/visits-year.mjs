// A year of the whole network's visits, generated straight into a Pustaka SQLite file for the stats benchmark:
// `node --conditions=development --import tsx bench/visits-year.mjs FILE LIBRARIES`. Every visit is a row of
// `visits`, as the API would have written it; the day and month roll-ups are then built from those rows with
// GROUP BY (what the API keeps up to date visit by visit). The 365 days end today in Bontang (Asia/Makassar).
import { performance } from 'node:perf_hooks';
import { demoLibraries, openDatabase, sqliteStores } from '@pustaka/server';
import { addDays, ZoneClock } from '../packages/server/src/visits/days.ts';
import { mulberry32 } from '../packages/server/src/seed/mulberry32.ts';

const [file, libraryCount = '120'] = process.argv.slice(2);
const started = performance.now();
const db = openDatabase(file);
const random = mulberry32(29);
const today = new ZoneClock('Asia/Makassar').day(Date.now());

// The demo network, and more school libraries up to the count (Bontang has about a hundred schools).
for (const library of demoLibraries) await sqliteStores(db).libraries.upsert(library);
const libraries = demoLibraries.map((library) => ({ id: library.id, kind: library.kind }));
const insertLibrary = db.prepare(
  `INSERT OR IGNORE INTO libraries (id, name, kind, address, opening_hours, contact) VALUES (?, ?, 'school', ?, '[]', '{}')`,
);
for (let i = libraries.length; i < Number(libraryCount); i++) {
  const id = `sekolah-${String(i).padStart(3, '0')}`;
  insertLibrary.run(
    id,
    `Perpustakaan Sekolah ${i}`,
    JSON.stringify({ street: '-', city: 'Bontang', province: 'Kalimantan Timur' }),
  );
  libraries.push({ id, kind: 'school' });
}
const perDay = { public: 300, university: 120, school: 60, company: 40, 'reading-corner': 20 };
const types = ['pelajar', 'pelajar', 'pelajar', 'mahasiswa', 'guru_dosen', 'umum', 'umum', 'asn'];

const insert = db.prepare(`INSERT INTO visits (id, library_id, location, kind, people, member_number, member_type,
  institution, day, occurred_at, recorded_at) VALUES (?, ?, 'pintu', ?, ?, ?, ?, ?, ?, ?, ?)`);
let rows = 0;
const dayOf = db.transaction((day) => {
  const noon = Date.parse(`${day}T04:00:00Z`);
  for (const library of libraries) {
    const count = Math.round(perDay[library.kind] * (0.5 + random()));
    for (let i = 0; i < count; i++) {
      const pick = random();
      const kind = pick < 0.55 ? 'member' : pick < 0.97 ? 'guest' : 'group';
      const at = noon - 3 * 3600_000 + Math.floor(random() * 9 * 3600_000);
      insert.run(
        `vis_b${(rows++).toString(36)}`,
        library.id,
        kind,
        kind === 'group' ? 10 + Math.floor(random() * 30) : 1,
        kind === 'member' ? `BNC-2026-${String(Math.floor(random() * 900000)).padStart(6, '0')}` : null,
        kind === 'member' ? types[Math.floor(random() * types.length)] : null,
        kind === 'guest' ? 'SMPN 1 Bontang' : null,
        day,
        at,
        at,
      );
    }
  }
});
for (let back = 364; back >= 0; back--) dayOf(addDays(today, -back));

const sums = `sum(CASE kind WHEN 'member' THEN people ELSE 0 END), sum(CASE kind WHEN 'guest' THEN people ELSE 0 END),
  sum(CASE kind WHEN 'group' THEN people ELSE 0 END), 0,
  ${['pelajar', 'mahasiswa', 'guru_dosen', 'umum', 'asn'].map((type) => `sum(CASE member_type WHEN '${type}' THEN people ELSE 0 END)`).join(', ')}`;
const columns = 'members, guests, group_people, web_visits, m_pelajar, m_mahasiswa, m_guru_dosen, m_umum, m_asn';
db.transaction(() => {
  db.exec('DELETE FROM visit_days; DELETE FROM visit_months;');
  db.exec(
    `INSERT INTO visit_days (library_id, day, ${columns}) SELECT library_id, day, ${sums} FROM visits GROUP BY 1, 2`,
  );
  db.exec(`INSERT INTO visit_days (library_id, day, ${columns}) SELECT '*', day, ${sums} FROM visits GROUP BY 2`);
  db.exec(`INSERT INTO visit_months (library_id, month, ${columns})
    SELECT library_id, substr(day, 1, 7), ${sums} FROM visits GROUP BY 1, 2`);
  db.exec(
    `INSERT INTO visit_months (library_id, month, ${columns}) SELECT '*', substr(day, 1, 7), ${sums} FROM visits GROUP BY 2`,
  );
})();
db.pragma('wal_checkpoint(TRUNCATE)');
db.close();
process.stdout.write(
  `${JSON.stringify({ rows, libraries: libraries.length, from: addDays(today, -364), to: today, seconds: Math.round((performance.now() - started) / 1000) })}\n`,
);
