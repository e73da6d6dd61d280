// The money controls of payment batches, on the use cases (PGlite by default; PostgreSQL with
// DATABASE_URL, where the concurrency test is the one that matters): a claim is on one live batch line
// however many builds run at once; a trainee's open dispute holds a claim out of payment and an upheld
// one stops or recovers it; a draft batch can be cancelled and its claims paid later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/access.ts';
import { openDispute } from '../../../src/services/disputes/open-dispute.ts';
import { resolveDispute } from '../../../src/services/disputes/resolve-dispute.ts';
import { takeDispute } from '../../../src/services/disputes/take-dispute.ts';
import { fundBalance } from '../../../src/services/funds/fund-balance.ts';
import { buildPaymentBatch, cancelPaymentBatch, confirmPaymentBatch } from '../../../src/services/payments/build-payment-batch.ts';
import { getPaymentBatch, payPaymentBatch } from '../../../src/services/payments/pay-payment-batch.ts';
import { downloadBankFile } from '../../../src/services/payments/bank-file.ts';
import { listPayable } from '../../../src/services/review/payable-claims.ts';
import { verifyAuditChain } from '../../../src/store/audit-log.ts';
import type { Store } from '../../../src/store/database.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { seedUser } from '../../../src/demo/seed-users.ts';
import { inTransaction, type Tx } from '../../../src/store/transaction.ts';
import { insertClaimRow, insertPeople, residentId } from '../../support/claims-fixtures.ts';
import { cityDutyUsers, type DutyUsers } from '../../support/payment-duty-users.ts';
import { openTestStore } from '../../support/store.ts';

let store: Store;
let duty: DutyUsers;
const plant = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(store.db, work);
const audits = (action: string) => store.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();
const statusOf = async (id: string) =>
  (await store.db.selectFrom('claims').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const reservationOf = async (id: string) =>
  (await store.db.selectFrom('reservations').select('status').where('claim_id', '=', id).executeTakeFirstOrThrow()).status;
const linesOf = async (batchId: string) =>
  (await store.db.selectFrom('payment_batch_items').select('claim_id').where('batch_id', '=', batchId).orderBy('claim_id').execute()).map(
    (l) => l.claim_id,
  );
const paidClaims = async (batchId: string) =>
  (await store.db.selectFrom('payments').select('claim_id').where('batch_id', '=', batchId).orderBy('claim_id').execute()).map(
    (p) => p.claim_id,
  );

let personNo = 500;
let fundYear = 2030;
/** Approved claims of an area, each reserved in the fund (a fund of its own per test, so tests don't share claims). */
async function approvedClaims(fundId: string, ids: string[], area = '510402', fen = 100_000): Promise<Record<string, string>> {
  const residents: Record<string, string> = {};
  await plant(async (tx) => {
    await tx
      .insertInto('funds')
      .values({
        id: fundId,
        source: 'special_action',
        year: fundYear++,
        budget_fen: 100_000_000,
        created_by: 'test',
        updated_by: null,
        updated_at: null,
      })
      .execute();
    for (const id of ids) {
      const r = residentId(personNo++, area);
      residents[id] = r;
      await insertPeople(tx, [{ residentId: r, areaCode: area }]);
      await insertClaimRow(tx, {
        id,
        residentId: r,
        areaCode: area,
        status: 'approved',
        outcome: 'eligible',
        amountFen: fen,
        payee: 'individual',
      });
      await tx.insertInto('reservations').values({ claim_id: id, fund_id: fundId, amount_fen: fen, reserved_by: 'test' }).execute();
    }
  });
  return residents;
}

async function traineeOf(residentId: string): Promise<Actor> {
  const username = `trainee-${residentId.slice(-6)}`;
  const userId = await plant((tx) =>
    seedUser(tx, { username, password: 'test-password1', displayName: username, role: 'trainee', residentId }),
  );
  return {
    userId,
    username,
    displayName: username,
    role: 'trainee',
    areaCode: null,
    department: null,
    enterpriseUscc: null,
    providerId: null,
    residentId,
  };
}

beforeAll(async () => {
  store = await openTestStore();
  await plant(async (tx) => {
    await seedReferenceData(tx);
    duty = await cityDutyUsers(tx);
  });
}, 60_000);
afterAll(() => store?.close());

describe('a claim is on one live batch line', () => {
  it('20 builds of the same claims at once make one batch; the others are refused and nothing is listed twice', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `RACE-${String(i).padStart(2, '0')}`);
    await approvedClaims('RACE-F', ids);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => plant((tx) => buildPaymentBatch(tx, duty.maker, { areaCode: '510402', fundId: 'RACE-F' }))),
    );
    const built = results.filter((r) => r.status === 'fulfilled');
    expect(built).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') expect(['invalid_input', 'conflict']).toContain((r.reason as { code?: string }).code);
    const batches = await store.db.selectFrom('payment_batches').select(['id', 'total_fen']).where('fund_id', '=', 'RACE-F').execute();
    expect(batches).toHaveLength(1);
    expect(Number(batches[0]!.total_fen)).toBe(12 * 100_000);
    expect(await linesOf(batches[0]!.id)).toEqual(ids);
  }, 120_000);

  it('the database itself refuses a second line for a claim already in a batch', async () => {
    await approvedClaims('UNIQ-F', ['UNIQ-1']);
    const batch = await plant((tx) => buildPaymentBatch(tx, duty.maker, { areaCode: '510402', fundId: 'UNIQ-F' }));
    await expect(
      plant(async (tx) => {
        await tx
          .insertInto('payment_batches')
          .values({
            id: 'PB-TWIN',
            fund_id: 'UNIQ-F',
            area_code: '510402',
            total_fen: 100_000,
            created_by: 'test',
            updated_by: null,
            updated_at: null,
          })
          .execute();
        await tx
          .insertInto('payment_batch_items')
          .values({ batch_id: 'PB-TWIN', claim_id: 'UNIQ-1', amount_fen: 100_000, line_no: 1 })
          .execute();
      }),
    ).rejects.toThrow(/payment_batch_items_one_live_line|unique|duplicate/i);
    expect(await linesOf(batch.id)).toEqual(['UNIQ-1']);
  });
});

describe("a trainee's dispute holds the claim out of payment", () => {
  it('an approved claim with an open dispute is not put into a batch, nor shown as payable', async () => {
    const people = await approvedClaims('HOLD-F', ['HOLD-1', 'HOLD-2']);
    await traineeOf(people['HOLD-1']!).then((who) =>
      plant((tx) => openDispute(tx, who, { claimId: 'HOLD-1', reason: '我没有参加过这期培训' })),
    );
    const payable = await plant((tx) => listPayable(tx, duty.maker, { fundId: 'HOLD-F' }));
    expect(payable.items).toEqual([{ areaCode: '510402', fundId: 'HOLD-F', claims: 1, totalFen: 100_000, allowedActs: ['build'] }]);
    const batch = await plant((tx) => buildPaymentBatch(tx, duty.maker, { areaCode: '510402', fundId: 'HOLD-F' }));
    expect(await linesOf(batch.id)).toEqual(['HOLD-2']);
  });

  it('a dispute opened after the batch was confirmed: paying passes over the claim; upheld, the approval is revoked and the line withdrawn; the claim is never paid', async () => {
    const people = await approvedClaims('DSP-F', ['DSP-1', 'DSP-2']);
    const batch = await plant((tx) => buildPaymentBatch(tx, duty.maker, { areaCode: '510402', fundId: 'DSP-F' }));
    await plant((tx) => confirmPaymentBatch(tx, duty.checker, { batchId: batch.id }));
    const trainee = await traineeOf(people['DSP-1']!);
    const dispute = await plant((tx) => openDispute(tx, trainee, { claimId: 'DSP-1', reason: '本人从未参加该培训' }));

    const first = await payPaymentBatch(store.db, duty.payer, { batchId: batch.id, bankRef: 'BANK-TEST-1' });
    expect(first).toMatchObject({ status: 'paying', paidNow: 1, held: 1, items: 2, paid: 1 });
    expect(await paidClaims(batch.id)).toEqual(['DSP-2']);
    expect(await statusOf('DSP-1')).toBe('approved');

    await plant((tx) => takeDispute(tx, duty.maker, dispute.id));
    await plant((tx) =>
      resolveDispute(tx, duty.maker, dispute.id, { finding: 'claim_rejected', resolution: '经核查签到记录，本人未参训' }),
    );
    expect(await statusOf('DSP-1')).toBe('rejected');
    expect(await reservationOf('DSP-1')).toBe('released');
    expect(await linesOf(batch.id)).toEqual(['DSP-2']);
    expect((await audits('claim.revoke')).find((e) => e.entity_id === 'DSP-1')?.data).toMatchObject({
      from: 'approved',
      to: 'rejected',
      releasedFen: 100_000,
      batchId: batch.id,
      reason: '劳动者异议成立：经核查签到记录，本人未参训',
    });
    expect((await audits('payment_batch.withdraw_claim')).find((e) => e.entity_id === batch.id)?.data).toMatchObject({
      claimId: 'DSP-1',
      batchStatus: 'paying',
    });

    const rerun = await payPaymentBatch(store.db, duty.payer, { batchId: batch.id, bankRef: 'BANK-TEST-1' });
    expect(rerun).toMatchObject({ status: 'paid', paidNow: 0, held: 0, items: 1, paid: 1 });
    expect(await paidClaims(batch.id)).toEqual(['DSP-2']);
    expect((await fundBalance(store.db, 'DSP-F')).reservedFen).toBe(0);
  });

  it('a dispute dismissed: the claim held back is paid on the next run', async () => {
    const people = await approvedClaims('DSM-F', ['DSM-1']);
    const batch = await plant((tx) => buildPaymentBatch(tx, duty.maker, { areaCode: '510402', fundId: 'DSM-F' }));
    await plant((tx) => confirmPaymentBatch(tx, duty.checker, { batchId: batch.id }));
    const dispute = await traineeOf(people['DSM-1']!).then((who) =>
      plant((tx) => openDispute(tx, who, { claimId: 'DSM-1', reason: '金额不对' })),
    );
    expect(await payPaymentBatch(store.db, duty.payer, { batchId: batch.id, bankRef: 'BANK-TEST-1' })).toMatchObject({
      status: 'paying',
      paidNow: 0,
      held: 1,
    });
    await plant((tx) => takeDispute(tx, duty.maker, dispute.id));
    await plant((tx) => resolveDispute(tx, duty.maker, dispute.id, { finding: 'dismissed', resolution: '金额按目录标准核定，无误' }));
    expect(await payPaymentBatch(store.db, duty.payer, { batchId: batch.id, bankRef: 'BANK-TEST-1' })).toMatchObject({
      status: 'paid',
      paidNow: 1,
      held: 0,
    });
    expect(await statusOf('DSM-1')).toBe('paid');
  });

  it('a dispute upheld after payment sends the money to recovery: a recovery record, credited back to the fund', async () => {
    const people = await approvedClaims('REC-F', ['REC-1']);
    const batch = await plant((tx) => buildPaymentBatch(tx, duty.maker, { areaCode: '510402', fundId: 'REC-F' }));
    await plant((tx) => confirmPaymentBatch(tx, duty.checker, { batchId: batch.id }));
    await payPaymentBatch(store.db, duty.payer, { batchId: batch.id, bankRef: 'BANK-TEST-1' });
    expect((await fundBalance(store.db, 'REC-F')).paidFen).toBe(100_000);
    const dispute = await traineeOf(people['REC-1']!).then((who) =>
      plant((tx) => openDispute(tx, who, { claimId: 'REC-1', reason: '我没有参加培训，补贴不是我领的' })),
    );
    await plant((tx) => takeDispute(tx, duty.maker, dispute.id));
    const resolved = await plant((tx) =>
      resolveDispute(tx, duty.maker, dispute.id, { finding: 'claim_rejected', resolution: '冒名申领，属实' }),
    );
    expect(resolved).toMatchObject({ status: 'resolved', finding: 'claim_rejected' });
    expect(await statusOf('REC-1')).toBe('paid');
    const recovery = await store.db.selectFrom('recoveries').selectAll().where('claim_id', '=', 'REC-1').executeTakeFirstOrThrow();
    expect(recovery).toMatchObject({ reason: '劳动者异议成立：冒名申领，属实', recorded_by: 'city:duty-maker' });
    expect(Number(recovery.amount_fen)).toBe(100_000);
    expect((await fundBalance(store.db, 'REC-F')).remainingFen).toBe(100_000_000);
    expect((await audits('claim.recover')).some((e) => e.entity_id === 'REC-1')).toBe(true);
  });
});

describe('a draft batch can be cancelled', () => {
  it('with a reason: its claims are payable again and go into the next batch; audited with the claims it held', async () => {
    await approvedClaims('CXL-F', ['CXL-1', 'CXL-2']);
    const batch = await plant((tx) => buildPaymentBatch(tx, duty.maker, { areaCode: '510402', fundId: 'CXL-F' }));
    await expect(plant((tx) => cancelPaymentBatch(tx, duty.maker, { batchId: batch.id, reason: '  ' }))).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'reason',
    });
    await expect(plant((tx) => cancelPaymentBatch(tx, duty.payer, { batchId: batch.id, reason: '编错了' }))).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await plant((tx) => cancelPaymentBatch(tx, duty.maker, { batchId: batch.id, reason: '资金来源选错，重新编制' }))).toEqual({
      id: batch.id,
      status: 'cancelled',
      released: 2,
    });
    expect(await linesOf(batch.id)).toEqual([]);
    expect((await audits('payment_batch.cancel')).find((e) => e.entity_id === batch.id)?.data).toMatchObject({
      reason: '资金来源选错，重新编制',
      claims: 2,
      claimIds: ['CXL-1', 'CXL-2'],
    });
    await expect(plant((tx) => confirmPaymentBatch(tx, duty.checker, { batchId: batch.id }))).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    await expect(payPaymentBatch(store.db, duty.payer, { batchId: batch.id, bankRef: 'BANK-TEST-1' })).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    const again = await plant((tx) => buildPaymentBatch(tx, duty.maker, { areaCode: '510402', fundId: 'CXL-F' }));
    expect(await linesOf(again.id)).toEqual(['CXL-1', 'CXL-2']);
    await plant((tx) => confirmPaymentBatch(tx, duty.checker, { batchId: again.id }));
    await expect(plant((tx) => cancelPaymentBatch(tx, duty.maker, { batchId: again.id, reason: '不想付了' }))).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    expect(await payPaymentBatch(store.db, duty.payer, { batchId: again.id, bankRef: 'BANK-TEST-2' })).toMatchObject({
      status: 'paid',
      paid: 2,
    });
    expect((await verifyAuditChain(store.db)).ok).toBe(true);
  });
});

describe('线下支付: a batch paid without its bank file', () => {
  it('is refused without the bank’s reference, and nothing is paid', async () => {
    await approvedClaims('OFF-F0', ['OFF-0']);
    const batch = await plant((tx) => buildPaymentBatch(tx, duty.maker, { areaCode: '510402', fundId: 'OFF-F0' }));
    await plant((tx) => confirmPaymentBatch(tx, duty.checker, { batchId: batch.id }));
    for (const bankRef of [undefined, '  ', 'has space'])
      await expect(payPaymentBatch(store.db, duty.payer, { batchId: batch.id, bankRef })).rejects.toMatchObject({
        code: 'invalid_input',
        field: 'bankRef',
      });
    expect(await paidClaims(batch.id)).toEqual([]);
    expect((await getPaymentBatch(store.db, duty.payer, batch.id)).status).toBe('confirmed');
  });

  it('carries the bank’s reference on every payment, audited, and the batch shows it as 线下支付', async () => {
    await approvedClaims('OFF-F1', ['OFF-1', 'OFF-2']);
    const batch = await plant((tx) => buildPaymentBatch(tx, duty.maker, { areaCode: '510402', fundId: 'OFF-F1' }));
    await plant((tx) => confirmPaymentBatch(tx, duty.checker, { batchId: batch.id }));
    expect(await payPaymentBatch(store.db, duty.payer, { batchId: batch.id, bankRef: ' YH20211103-0001 ' })).toMatchObject({
      status: 'paid',
      paid: 2,
    });
    expect(
      await store.db.selectFrom('payments').select(['claim_id', 'bank_ref']).where('batch_id', '=', batch.id).orderBy('claim_id').execute(),
    ).toEqual([
      { claim_id: 'OFF-1', bank_ref: 'YH20211103-0001' },
      { claim_id: 'OFF-2', bank_ref: 'YH20211103-0001' },
    ]);
    const view = await getPaymentBatch(store.db, duty.payer, batch.id);
    expect(view.offlinePayment).toMatchObject({ bankRef: 'YH20211103-0001', recordedBy: expect.any(String) });
    expect((await audits('payment_batch.offline')).find((e) => e.entity_id === batch.id)?.data).toMatchObject({
      bankRef: 'YH20211103-0001',
      totalFen: 200_000,
    });
    expect((await audits('claim.pay')).find((e) => e.entity_id === 'OFF-1')?.data).toMatchObject({
      bankRef: 'YH20211103-0001',
      offline: true,
    });
  });

  it('once paid offline, the bank file is refused (it would pay twice), and a rerun must give the same reference', async () => {
    const people = await approvedClaims('OFF-F2', ['OFF-3', 'OFF-4']);
    const batch = await plant((tx) => buildPaymentBatch(tx, duty.maker, { areaCode: '510402', fundId: 'OFF-F2' }));
    await plant((tx) => confirmPaymentBatch(tx, duty.checker, { batchId: batch.id }));
    // One line held back by a trainee's dispute: the batch stays 支付中 after the first run.
    const trainee = await traineeOf(people['OFF-3']!);
    await plant((tx) => openDispute(tx, trainee, { claimId: 'OFF-3', reason: '本人从未参加该培训' }));
    expect(await payPaymentBatch(store.db, duty.payer, { batchId: batch.id, bankRef: 'YH-OFF-2' })).toMatchObject({
      status: 'paying',
      held: 1,
    });
    await expect(downloadBankFile(store.db, duty.payer, { batchId: batch.id, format: 'csv' })).rejects.toMatchObject({
      code: 'invalid_transition',
      message: expect.stringContaining('线下支付'),
    });
    expect((await getPaymentBatch(store.db, duty.payer, batch.id)).allowedActs).not.toContain('bank_file');
    await expect(payPaymentBatch(store.db, duty.payer, { batchId: batch.id, bankRef: 'YH-OTHER' })).rejects.toMatchObject({
      code: 'conflict',
      field: 'bankRef',
    });
    expect(await paidClaims(batch.id)).toEqual(['OFF-4']);
  });
});
