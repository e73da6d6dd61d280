// A claim changes status only as the lifecycle allows (claim-states.ts), only from the status its
// caller read, and never without its audit entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveClaim } from '../../../src/services/claims/move-claim.ts';
import type { Store } from '../../../src/store/database.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { insertClaimRow, insertPeople, residentId } from '../../support/claims-fixtures.ts';
import { openTestStore } from '../../support/store.ts';

let store: Store;
const person = residentId(41);

beforeAll(async () => {
  store = await openTestStore();
  await inTransaction(store.db, async (tx) => {
    await seedReferenceData(tx);
    await insertPeople(tx, [{ residentId: person, facts: { pensionEntitled: false } }]);
    await insertClaimRow(tx, {
      id: 'M1',
      residentId: person,
      status: 'reviewed',
      outcome: 'eligible',
      amountFen: 100000,
      payee: 'individual',
    });
  });
});
afterAll(() => store?.close());

const status = async () => (await store.db.selectFrom('claims').select('status').where('id', '=', 'M1').executeTakeFirstOrThrow()).status;
const audits = () =>
  store.db
    .selectFrom('audit_log')
    .select(['action', 'actor', 'data'])
    .where('entity', '=', 'claim')
    .where('entity_id', '=', 'M1')
    .orderBy('seq')
    .execute();

describe('moveClaim', () => {
  it('refuses an act the lifecycle does not allow from the status, naming both, and changes nothing', async () => {
    const move = inTransaction(store.db, (tx) => moveClaim(tx, 'county:dongqu', { id: 'M1', number: 'SQ-M1', status: 'reviewed' }, 'pay'));
    await expect(move).rejects.toMatchObject({ code: 'invalid_transition', message: expect.stringMatching(/SQ-M1.*已审核.*不能支付/) });
    expect(await status()).toBe('reviewed');
    expect(await audits()).toEqual([]);
  });

  it('refuses a caller whose read is stale (the claim moved since), and changes nothing', async () => {
    const move = inTransaction(store.db, (tx) =>
      moveClaim(tx, 'county:dongqu', { id: 'M1', number: 'SQ-M1', status: 'decided' }, 'review'),
    );
    await expect(move).rejects.toMatchObject({ code: 'conflict' });
    expect(await status()).toBe('reviewed');
    expect(await audits()).toEqual([]);
  });

  it('moves the claim and writes its audit entry with where it came from and went, in the same transaction', async () => {
    const to = await inTransaction(store.db, (tx) =>
      moveClaim(tx, 'county:dongqu', { id: 'M1', number: 'SQ-M1', status: 'reviewed' }, 'publish', { noticeId: 'N1' }),
    );
    expect(to).toBe('publicity');
    expect(await status()).toBe('publicity');
    expect(await audits()).toEqual([
      { action: 'claim.publish', actor: 'county:dongqu', data: { from: 'reviewed', to: 'publicity', noticeId: 'N1' } },
    ]);
  });
});
