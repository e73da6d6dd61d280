// Registry import at full size (docs/benchmarks.md "Registry import: 5,000-row extracts"): an in-memory
// PGlite store with 5,000 people, each with hand-recorded facts that the extracts contradict for half
// of them (so the conflict check has real work), 50 enterprises on record, and a few claims per
// enterprise; then a 5,000-row social-insurance extract and a 5,000-row poverty extract are imported
// through the use case, each timed, with the queries it sent counted.
//   node --import tsx bench/registry-import-bench.ts
import { loadavg } from 'node:os';
import { residentIdCheckChar, usccCheckChar } from '../src/policy/identifiers.ts';
import type { Actor } from '../src/services/access.ts';
import { importRegistryExtract } from '../src/services/exchange/import-registry-extract.ts';
import { migrate, openStore } from '../src/store/database.ts';
import { seedReferenceData } from '../src/store/seed/reference-data.ts';
import { inTransaction } from '../src/store/transaction.ts';

const N = 5000;
const city: Actor = {
  userId: 'bench',
  username: 'bench-city',
  displayName: '基准测试',
  role: 'city',
  areaCode: null,
  department: null,
  enterpriseUscc: null,
  providerId: null,
  residentId: null,
};
const person = (i: number) => {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  const body = `510402${1970 + (Math.floor(i / 336) % 20)}${month}${day}${String(i % 1000).padStart(3, '0')}`.slice(0, 17);
  return body + residentIdCheckChar(body);
};
const employer = (n: number) => {
  const body = `91510400MA6B${String(n).padStart(5, '0')}`;
  return body + usccCheckChar(body);
};
const name = (i: number) => `基准${String.fromCharCode(0x4e00 + (i % 2000))}${String.fromCharCode(0x4e00 + Math.floor(i / 2000))}`;

const store = await openStore({});
await migrate(store.db);
const ids = [...new Set(Array.from({ length: N * 2 }, (_, i) => person(i)))].slice(0, N);
if (ids.length < N) throw new Error('not enough distinct IDs');
await inTransaction(store.db, async (tx) => {
  await seedReferenceData(tx);
  for (let e = 0; e < 50; e++)
    await tx
      .insertInto('enterprises')
      .values({
        uscc: employer(e),
        name: `基准企业${e}`,
        area_code: '510402',
        industry: 'vanadium_titanium',
        insured: true,
        dispatching_agency_uscc: null,
        created_by: 'bench',
        updated_by: null,
        updated_at: null,
      } as never)
      .execute();
  for (let i = 0; i < N; i += 1000) {
    const part = ids.slice(i, i + 1000);
    await tx
      .insertInto('people')
      .values(
        part.map((r, k) => ({
          resident_id: r,
          name: name(i + k),
          area_code: '510402',
          phone: null,
          created_by: 'bench',
          updated_by: null,
          updated_at: null,
        })),
      )
      .execute();
    await tx
      .insertInto('person_facts')
      .values(
        part.flatMap((r) => [
          { resident_id: r, fact: 'pensionEntitled', value: false, source: '窗口核实', as_of: '2015-01-01', recorded_by: 'bench' },
          { resident_id: r, fact: 'poor_labor', value: false, source: '窗口核实', as_of: '2019-01-01', recorded_by: 'bench' },
        ]),
      )
      .execute();
  }
});

const csv = (header: string[], rows: string[][]) => Buffer.from([header, ...rows].map((r) => r.join(',')).join('\n') + '\n', 'utf8');
const si = csv(
  ['身份证号', '姓名', '参保单位统一社会信用代码', '参保单位名称', '参保起始年月', '参保终止年月', '按月领取养老金起始日期'],
  ids.map((r, i) => [r, name(i), employer(i % 50), `基准企业${i % 50}`, `2020-0${1 + (i % 9)}`, '', i % 2 === 0 ? '2021-03-01' : '']),
);
const poverty = csv(
  ['身份证号', '姓名', '类别', '起始日期', '终止日期'],
  ids.map((r, i) => [r, name(i), '贫困劳动力', '2019-06-01', i % 2 === 0 ? '' : '2021-06-30']),
);

async function timed(source: string, file: Buffer) {
  let queries = 0;
  const counting = store.db.withPlugin({
    transformQuery: (a) => {
      queries++;
      return a.node;
    },
    transformResult: async (a) => a.result,
  });
  const started = performance.now();
  const r = await importRegistryExtract(counting, city, {
    source,
    extractDate: '2021-10-31',
    format: 'csv',
    file,
    fileName: `${source}.csv`,
  });
  const ms = performance.now() - started;
  console.log(
    `${source}: ${N} rows in ${(ms / 1000).toFixed(2)} s, ${queries} queries; facts added ${r.report.factsAdded.length}, conflicts ${r.report.conflicts.length}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}
await timed('social_insurance', si);
await timed('poverty', poverty);
await store.close();
