// Proof that a change to the demo seeder leaves the demo's content alone: seeds a demo on a fresh
// in-memory store and prints, per table, an md5 digest of its rows without the columns that record when
// a row was written or hold a random secret (PER_RUN in test/support/demo-content.ts, as the determinism test).
//   node --import tsx bench/demo-digest.ts [--people 1200] > before.txt   (then diff two outputs)
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { seedDemoRegistries } from '../src/demo/seed-demo.ts';
import { migrate, openStore } from '../src/store/database.ts';
import { comparedColumns, contents } from '../test/support/demo-content.ts';

const { values } = parseArgs({ options: { people: { type: 'string', default: '1200' } } });
const store = await openStore({ inThread: true });
await migrate(store.db);
const started = performance.now();
await seedDemoRegistries(store.db, { people: Number(values.people) });
console.error(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const [table, { count, digest }] of await contents(store.db, await comparedColumns(store.db)))
  console.log(`${table}\t${count}\t${digest || '-'}`);
// claim_period_deltas is a log of each statement's net effect on the period figures (one row per
// statement and key): a batch that updates many claims in one statement writes fewer, larger rows. What
// the reports read is its sum per key, printed here.
const folded = await sql<{ n: string; digest: string | null }>`
  select count(*) as n, md5(string_agg(f::text, '' order by f::text)) as digest from (
    select year, quarter, program, area_code, status, sum(claims) as claims, sum(amount_fen) as amount_fen
    from claim_period_deltas group by year, quarter, program, area_code, status
    having sum(claims) <> 0 or sum(amount_fen) <> 0) f`.execute(store.db);
console.log(`claim_period_deltas (summed per key)\t${folded.rows[0]!.n}\t${folded.rows[0]!.digest ?? '-'}`);
await store.close();
