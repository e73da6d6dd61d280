// An employer's 参保 (§4.8) from the social-insurance extract (docs/registry-exchange.md "Employers'
// 参保"): the spells of its insured employees become dated facts sourced to the extract and the row;
// the months no spell covers say nothing (never "not insured"); a hand-recorded status is never
// overwritten, a disagreement is a conflict for the office; the claims the new facts change are
// re-decided and listed in the report, as for a person's facts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideStoredClaim } from '../../../src/services/claims/decide-stored-claim.ts';
import { recordInsured } from '../../../src/services/enterprises/record-insured.ts';
import {
  importRegistryExtract,
  insuredFromSpells,
  type RegistryImportResult,
} from '../../../src/services/exchange/import-registry-extract.ts';
import type { Store } from '../../../src/store/database.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { inTransaction, type Tx } from '../../../src/store/transaction.ts';
import { insertClaimRow, insertEnterprise, insertPeople, residentId, uscc } from '../../support/claims-fixtures.ts';
import { openTestStore } from '../../support/store.ts';
import { actor } from '../../support/actors.ts';

const city = actor({ role: 'city' });
const dongqu = actor({ role: 'county', areaCode: '510402' });
const E_UNKNOWN = uscc(861); // registered without a 参保 status
const E_NOT = uscc(862); // the office recorded "not insured" from 2020-01-01
const E_GAP = uscc(863); // two runs of spells with a gap between them
const E_ELSEWHERE = uscc(869); // not on record
const P = [1, 2, 3, 4, 5].map((n) => residentId(860 + n));
const NAMES = ['赵参保', '钱参保', '孙参保', '李参保', '周参保'];

let store: Store;
const tx = <T>(work: (t: Tx) => Promise<T>) => inTransaction(store.db, work);
const HEADER = '身份证号,姓名,参保单位统一社会信用代码,参保单位名称,参保起始年月,参保终止年月,按月领取养老金起始日期';
const ROWS = [
  `${P[0]},${NAMES[0]},${E_UNKNOWN},攀枝花未报参保有限公司,2020-03,,`, // row 2
  `${P[1]},${NAMES[1]},${E_NOT},攀枝花已报未参保有限公司,2020-02,2020-08,`, // row 3
  `${P[2]},${NAMES[2]},${E_UNKNOWN},攀枝花未报参保有限公司,2020-06,2020-07,`, // row 4: inside row 2's run
  `${P[3]},${NAMES[3]},${E_GAP},攀枝花间断参保有限公司,2020-01,2020-03,`, // row 5
  `${P[4]},${NAMES[4]},${E_GAP},攀枝花间断参保有限公司,2020-07,2020-09,`, // row 6: a gap of three months
  `${P[4]},${NAMES[4]},${E_ELSEWHERE},攀枝花外地有限公司,2019-01,2019-12,`, // row 7
];
const extract = (lines: string[], eol = '\n') => Buffer.from([HEADER, ...lines].join(eol) + eol, 'utf8');
const importSi = (file: Buffer) =>
  importRegistryExtract(store.db, city, { source: 'social_insurance', extractDate: '2021-10-31', format: 'csv', file, fileName: 'si.csv' });
let first: RegistryImportResult;

beforeAll(async () => {
  store = await openTestStore();
  await tx(async (t) => {
    await seedReferenceData(t);
    await insertPeople(
      t,
      P.map((p, i) => ({ residentId: p, name: NAMES[i], facts: { poor_labor: true } })),
    );
    for (const e of [E_UNKNOWN, E_NOT, E_GAP]) await insertEnterprise(t, { uscc: e, educationFund: { 2020: true } });
    await t.updateTable('enterprises').set({ insured: null }).where('uscc', '=', E_UNKNOWN).execute();
    // §4.8 at the enterprise registered without a 参保 status: 2 insured months from 2020-04-01 (undecided).
    await insertClaimRow(t, {
      id: 'EI-1',
      residentId: P[0]!,
      status: 'submitted',
      enterpriseUscc: E_UNKNOWN,
      program: 'work_for_training',
      startDate: '2020-04-01',
      endDate: '2020-05-31',
    });
    await t
      .updateTable('claims')
      .set({
        new_hire: true,
        insured_months: 2,
        occupation_code: null,
        level: null,
        certificate_type: null,
        certificate_number: null,
        applicant: 'enterprise',
      })
      .where('id', '=', 'EI-1')
      .execute();
  });
  await tx((t) => decideStoredClaim(t, dongqu, { claimId: 'EI-1' }));
  await tx((t) => recordInsured(t, dongqu, E_NOT, { value: false, asOf: '2020-01-01', source: '窗口核实' }));
  first = await importSi(extract(ROWS));
}, 120_000);
afterAll(() => store.close());

const insuredRecords = (e: string) =>
  store.db
    .selectFrom('enterprise_facts')
    .select(['value', 'as_of', 'source', 'registry_import_id', 'registry_row'])
    .where('uscc', '=', e)
    .orderBy('as_of')
    .orderBy('id')
    .execute();

describe("an employer's 参保 from the social-insurance extract", () => {
  it('is contributing from the first month of each run of its employees’ spells, sourced to the extract, its date and the row', async () => {
    expect(first.report.enterpriseFactsAdded.map((f) => [f.uscc, f.value, f.asOf, f.row])).toEqual(
      [
        [E_UNKNOWN, true, '2020-03-01', 2],
        [E_NOT, true, '2020-02-01', 3],
        [E_GAP, true, '2020-01-01', 5],
        [E_GAP, true, '2020-07-01', 6],
      ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0)),
    );
    expect(await insuredRecords(E_UNKNOWN)).toEqual([
      {
        value: true,
        as_of: '2020-03-01',
        source: `社会保险参保登记（数据日期 2021年10月31日，第 ${first.id} 次导入第 2 行）`,
        registry_import_id: first.id,
        registry_row: 2,
      },
    ]);
  });

  it('never reads the months no spell covers as "not insured": no false is derived after a spell ends or in a gap', async () => {
    expect((await insuredRecords(E_GAP)).map((r) => r.value)).toEqual([true, true]);
    expect((await insuredRecords(E_NOT)).filter((r) => r.registry_import_id !== null).map((r) => [r.value, r.as_of])).toEqual([
      [true, '2020-02-01'],
    ]);
    expect(insuredFromSpells([{ uscc: E_GAP, fromMonth: '2020-01', toMonth: '2020-03', row: 2 }], '2021-10-31')).toEqual([
      { uscc: E_GAP, asOf: '2020-01-01', row: 2 },
    ]);
  });

  it('lists an employer that is not on record instead of recording anything for it', () => {
    expect(first.report.unknownEmployers).toEqual([{ row: 7, uscc: E_ELSEWHERE, name: '攀枝花外地有限公司' }]);
  });

  it('does not overwrite a hand-recorded "not insured": the disagreement is a conflict for the office, both records stay', async () => {
    expect(first.report.enterpriseConflicts).toEqual([
      expect.objectContaining({
        uscc: E_NOT,
        name: '测试企业',
        fact: 'insured',
        onDate: '2020-02-01',
        value: true,
        otherSource: 'manual',
        otherSourceName: '人工登记',
        otherValue: false,
        otherDetail: '窗口核实：否，自 2020年1月1日',
        row: 3,
      }),
    ]);
    expect((await insuredRecords(E_NOT)).map((r) => [r.value, r.as_of, r.source])).toContainEqual([false, '2020-01-01', '窗口核实']);
    const stored = await store.db.selectFrom('registry_conflicts').selectAll().where('uscc', '=', E_NOT).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ resident_id: null, status: 'open', other_source: 'manual' });
  });

  it('an employer registered as insured, and found contributing, is no conflict', () => {
    expect(first.report.enterpriseConflicts.map((c) => c.uscc)).not.toContain(E_GAP);
  });

  it('re-decides the §4.8 claim that was undecided for want of the employer’s 参保, and lists it in the report', async () => {
    const number = (await store.db.selectFrom('claims').select('number').where('id', '=', 'EI-1').executeTakeFirstOrThrow()).number;
    expect(first.report.redecided).toEqual([
      expect.objectContaining({
        claimNumber: number,
        residentId: P[0],
        before: { outcome: 'undecided', amountFen: 0 },
        after: expect.objectContaining({ outcome: 'eligible', amountFen: 40000 }),
      }),
    ]);
    expect(
      await store.db.selectFrom('claims').select(['status', 'outcome', 'amount_fen']).where('id', '=', 'EI-1').executeTakeFirstOrThrow(),
    ).toEqual({ status: 'decided', outcome: 'eligible', amount_fen: 40000 });
  });

  it('the same extract in another file adds no 参保, raises no conflict and re-decides nothing', async () => {
    const again = await importSi(extract(ROWS, '\r\n'));
    expect(again.alreadyImported).toBe(false);
    expect(again.report).toMatchObject({ enterpriseFactsAdded: [], enterpriseFactsUnchanged: 4, enterpriseConflicts: [], redecided: [] });
    expect(await store.db.selectFrom('registry_conflicts').select('id').where('uscc', 'is not', null).execute()).toHaveLength(1);
  });
});
