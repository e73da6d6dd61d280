// The claims of a closed notice may be approved in one call (the demo does so): each is checked and
// drawn from the fund in the order given, as one by one would; a claim beyond what the fund has left
// refuses the whole call with the figures, and nothing is reserved, changed or audited (§5.2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveClaims } from '../../../src/services/claims/approve-claim.ts';
import { withBusinessClock } from '../../../src/services/business-date.ts';
import { closeNotice } from '../../../src/services/publicity/close-notice.ts';
import { publishClaims } from '../../../src/services/publicity/publish-claims.ts';
import { verifyAuditChain } from '../../../src/store/audit-log.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { actor } from '../../support/actors.ts';
import { insertClaimRow, insertFund, insertPeople, residentId } from '../../support/claims-fixtures.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

let store: TestStore;
const dongqu = actor({ role: 'county', areaCode: '510402' });
const CLAIMS = ['AC-1', 'AC-2', 'AC-3'];

const statusOf = async (id: string) =>
  (await store.db.selectFrom('claims').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const approvals = () => store.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'claim.approve').orderBy('seq').execute();

beforeAll(async () => {
  store = await openTestStore();
  await inTransaction(store.db, async (tx) => {
    await seedReferenceData(tx);
    // Room for two of the three claims of 1,000 yuan each, and half of the third.
    await insertFund(tx, 'special_action', 2020, 250_000);
    await insertPeople(
      tx,
      CLAIMS.map((_, i) => ({ residentId: residentId(950 + i) })),
    );
    for (const [i, id] of CLAIMS.entries())
      await insertClaimRow(tx, {
        id,
        residentId: residentId(950 + i),
        status: 'reviewed',
        outcome: 'eligible',
        amountFen: 100_000,
        payee: 'individual',
      });
    const notice = await withBusinessClock({ today: '2020-07-06' }, () =>
      publishClaims(tx, dongqu, { areaCode: '510402', title: '2020 年公示', startsOn: '2020-07-06', claimIds: CLAIMS }),
    );
    await withBusinessClock({ today: '2020-07-31' }, () => closeNotice(tx, dongqu, { noticeId: notice.id }));
  });
}, 60_000);
afterAll(() => store?.close());

describe('Approving the claims of a closed notice in one call', () => {
  it('refuses the whole call when the last claim goes beyond the fund, naming what is left for it', async () => {
    const refused = inTransaction(store.db, (tx) => approveClaims(tx, dongqu, CLAIMS));
    await expect(refused).rejects.toMatchObject({ code: 'over_budget', message: expect.stringMatching(/批准申领.*可用 500\.00 元/) });
    for (const id of CLAIMS) expect(await statusOf(id)).toBe('publicity');
    expect(await store.db.selectFrom('reservations').select('claim_id').execute()).toEqual([]);
    expect(await approvals()).toEqual([]);
  });

  it('refuses a claim named twice, as its second approval would be alone', async () => {
    await expect(inTransaction(store.db, (tx) => approveClaims(tx, dongqu, ['AC-1', 'AC-1']))).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    expect(await statusOf('AC-1')).toBe('publicity');
    expect(await approvals()).toEqual([]);
  });

  it('approves those that fit, in the order given, each reserved and audited, the audit chain valid', async () => {
    const approved = await inTransaction(store.db, (tx) => approveClaims(tx, dongqu, ['AC-2', 'AC-1']));
    expect(approved.map((a) => [a.id, a.status, a.reservedFen])).toEqual([
      ['AC-2', 'approved', 100_000],
      ['AC-1', 'approved', 100_000],
    ]);
    expect((await store.db.selectFrom('reservations').select('claim_id').orderBy('claim_id').execute()).map((r) => r.claim_id)).toEqual([
      'AC-1',
      'AC-2',
    ]);
    expect((await approvals()).map((a) => a.entity_id)).toEqual(['AC-2', 'AC-1']);
    expect((await verifyAuditChain(store.db)).ok).toBe(true);
  });
});
