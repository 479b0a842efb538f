import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
const db = new Database(process.argv[2], { readonly: true });
const terms = ['"indonesia"', '"the"', '"pen"*', '"ber"*', '"sejarah"', '"pendidikan"', '"ten"*', '"sant"*'];
const gc = db.prepare('SELECT group_concat(rowid) FROM catalog_search WHERE catalog_search MATCH ?').pluck();

const it = db.prepare('SELECT rowid FROM catalog_search WHERE catalog_search MATCH ?').pluck();
for (const t of terms) {
  let a = performance.now(); const s = gc.get(t) as string; let b = performance.now();
  let n = 0; for (const r of it.iterate(t)) n++; let c = performance.now();
  const all = it.all(t); let d = performance.now();
  const tiers = ['{title} : ', '{authors} : ', '{subjects} : '].map(p => { const x = performance.now(); let k=0; for (const r of it.iterate(p + '(' + t + ')')) { if (++k >= 20) break; } return (performance.now()-x).toFixed(1); });
  console.log(t, n, 'gc', (b-a).toFixed(1), 'iter', (c-b).toFixed(1), 'all', (d-c).toFixed(1), 'tiers', tiers.join(','));
}
