// The money tables reconciled with the audit log: a claim approved and paid, a §4.9 project advance
// paid and recovered, a fund registered — all through the API, as users do it — reconcile clean;
// an amount edited in SQL afterwards (the chain itself untouched) is named, with the entry it
// contradicts; a money row deleted, or added without its entry, is named too.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileMoney } from '../../../src/services/audit/reconcile-money.ts';
import { verifyAuditLog } from '../../../src/services/audit/verify-audit-log.ts';
import { verifyAuditChain } from '../../../src/store/audit-log.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../../support/api.ts';
import { businessDateIs, restoreBusinessDateAfterAll } from '../../support/business-date.ts';
import { insertEnterprise, insertPeople, insertProvider, residentId, skillUpgradeBody, uscc } from '../../support/claims-fixtures.ts';

let t: TestApp;
const ann = residentId(1);
const cookies: Record<string, string> = {};
const post = async (url: string, who: string, payload: unknown = {}) => {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, payload: payload as object });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};
let claimId = '';
let advanceId = '';

/** Runs an edit in SQL, reconciles, and puts the row back (each test starts from the clean state). */
async function afterEdit(edit: string, undo: string) {
  await sql.raw(edit).execute(t.store.db);
  try {
    return await reconcileMoney(t.store.db);
  } finally {
    await sql.raw(undo).execute(t.store.db);
  }
}

restoreBusinessDateAfterAll();

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertPeople(tx, [{ residentId: ann, name: '安', facts: { pensionEntitled: false, earlierAppraisal: false } }]);
    await insertEnterprise(tx, { uscc: uscc(1), areaCode: '510402' });
    await insertProvider(tx, 'P-PROJ', '510402');
  });
  cookies.city = await sessionFor(t, { username: 'city', displayName: '市人社局', role: 'city', areaCode: '510400' });
  cookies.ann = await sessionFor(t, { username: 'ann', displayName: '安', role: 'trainee', residentId: ann });
  cookies.maker = await sessionFor(t, { username: 'dongqu', displayName: '东区人社局经办', role: 'county', areaCode: '510402' });
  cookies.payer = await sessionFor(t, { username: 'dongqu-pay', displayName: '东区人社局支付', role: 'county', areaCode: '510402' });
  cookies.finance = await sessionFor(t, { username: 'finance', displayName: '市财政局', role: 'department', department: 'finance' });

  await post('/funds', 'city', { source: 'special_action', year: 2020, budgetFen: 10_000_000 });
  claimId = (await post('/claims', 'ann', skillUpgradeBody(ann, { enterpriseUscc: uscc(1) }))).id;
  await post(`/claims/${claimId}/decide`, 'maker');
  await post(`/claims/${claimId}/review`, 'maker', { note: '材料齐全' });
  businessDateIs('2020-09-30');
  const notice = await post('/publicity-notices', 'maker', {
    areaCode: '510402',
    title: '2020年第3批技能提升补贴公示',
    startsOn: '2020-09-30',
    claimIds: [claimId],
  });
  businessDateIs('2020-10-14'); // the first working day after its five (the National Day holiday between)
  await post(`/publicity-notices/${notice.id}/close`, 'maker');
  await post(`/claims/${claimId}/approve`, 'maker');
  const batch = await post('/payment-batches', 'maker', { areaCode: '510402', fundId: 'special_action-2020' });
  await post(`/payment-batches/${batch.id}/confirm`, 'finance');
  await post(`/payment-batches/${batch.id}/pay`, 'payer', { bankRef: 'BANK-TEST-1' });

  const project = await post('/projects', 'city', {
    name: '家政服务项目制培训',
    providerId: 'P-PROJ',
    areaCode: '510402',
    selection: 'open_tender',
    perTraineeFen: 180000,
    traineeCount: 4,
    totalFen: 720000,
    occupationCode: null,
    level: null,
  });
  advanceId = (await post('/advances', 'city', { kind: 'project', subjectId: project.id, amountFen: 300000, paidOn: '2020-05-01' })).id;
  await post(`/advances/${advanceId}/recover`, 'city', { reason: '项目终止' });
}, 120_000);
afterAll(() => t?.close());

describe('The money tables agree with the audit log', () => {
  it('a fund, a claim approved and paid, a project advance paid and recovered — all done through the API — reconcile with nothing to report', async () => {
    expect(await t.store.db.selectFrom('payments').select('amount_fen').execute()).toEqual([{ amount_fen: 187000 }]);
    expect(await t.store.db.selectFrom('recoveries').select('amount_fen').execute()).toEqual([{ amount_fen: 300000 }]);
    expect(await reconcileMoney(t.store.db)).toEqual([]);
  });

  it('a payment whose amount was raised in SQL is named with the audit entry that recorded what was paid, though the hash chain is intact', async () => {
    const payment = await t.store.db.selectFrom('payments').select('id').executeTakeFirstOrThrow();
    const entry = await t.store.db.selectFrom('audit_log').select('seq').where('action', '=', 'claim.pay').executeTakeFirstOrThrow();
    await sql`update payments set amount_fen = 1870000 where id = ${payment.id}`.execute(t.store.db);
    try {
      expect((await verifyAuditChain(t.store.db)).ok).toBe(true);
      const report = await verifyAuditLog(t.store.db, { checkpointFile: '/nonexistent/audit-checkpoints.jsonl', key: null });
      expect(report.ok).toBe(false);
      expect(report.money).toEqual([
        {
          table: 'payments',
          ref: `${payment.id}（申领 ${claimId}）`,
          seq: Number(entry.seq),
          message: `支付 #${payment.id}（申领 ${claimId}）金额 ¥18,700.00，与审计日志第 ${entry.seq} 条记录的 ¥1,870.00 不符`,
        },
      ]);
    } finally {
      await sql`update payments set amount_fen = 187000 where id = ${payment.id}`.execute(t.store.db);
    }
  });

  it('a payment row deleted in SQL is named by the entry that recorded it', async () => {
    const payment = await t.store.db.selectFrom('payments').selectAll().executeTakeFirstOrThrow();
    await t.store.db.deleteFrom('payments').where('id', '=', payment.id).execute();
    try {
      const problems = await reconcileMoney(t.store.db);
      expect(problems.map((p) => [p.table, p.message])).toEqual([
        [
          'payments',
          expect.stringMatching(
            new RegExp(`^审计日志第 \\d+ 条记录的支付 #${payment.id}（申领 ${claimId}）（¥1,870.00）在支付表中不存在$`),
          ),
        ],
      ]);
    } finally {
      await t.store.db.insertInto('payments').values(payment).execute();
    }
  });

  it('a reservation, a batch line, an advance, a recovery or a fund budget edited in SQL is each named', async () => {
    expect(
      (await afterEdit(`update reservations set amount_fen = 200000`, `update reservations set amount_fen = 187000`)).map((p) => [
        p.table,
        p.ref,
      ]),
    ).toEqual([['reservations', claimId]]);
    expect(
      (await afterEdit(`update payment_batch_items set amount_fen = 200000`, `update payment_batch_items set amount_fen = 187000`)).map(
        (p) => p.table,
      ),
    ).toEqual(['payment_batch_items']);
    const advance = await afterEdit(`update advances set amount_fen = 360000`, `update advances set amount_fen = 300000`);
    expect(advance.map((p) => [p.table, p.ref])).toEqual([['advances', advanceId]]);
    expect(advance[0]!.message).toContain('¥3,600.00');
    expect(advance[0]!.message).toContain('¥3,000.00');
    expect(
      (await afterEdit(`update recoveries set amount_fen = 1`, `update recoveries set amount_fen = 300000`)).map((p) => p.table),
    ).toEqual(['recoveries']);
    expect(
      (await afterEdit(`update funds set budget_fen = 99999999`, `update funds set budget_fen = 10000000`)).map((p) => [p.table, p.ref]),
    ).toEqual([['funds', 'special_action-2020']]);
    expect(await reconcileMoney(t.store.db)).toEqual([]);
  });

  it('an advance inserted in SQL, with no audit entry, is named', async () => {
    const problems = await afterEdit(
      `insert into advances (id, kind, subject_id, fund_id, amount_fen, created_by) values ('AD-forged', 'project', 'XM-none', 'special_action-2020', 100000, 'x')`,
      `delete from advances where id = 'AD-forged'`,
    );
    expect(problems.map((p) => p.message)).toEqual(['预支 AD-forged 金额 ¥1,000.00：审计日志中没有这笔预支']);
  });
});
