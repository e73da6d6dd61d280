// The R3 exception re-decides the claim without the person's same-year trainings. A living allowance
// naming one of those trainings must leave the file with it: before the fix it stayed, named a claim
// the file no longer held, and the exception failed with "trainingRef: 文件中没有编号为 … 的申领"
// (found by the demo data: a poor labourer with a §4.6 training, its allowance, and a fourth training).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/access.ts';
import { decideStoredClaim } from '../../../src/services/claims/decide-stored-claim.ts';
import { recordAnnualCapException } from '../../../src/services/claims/record-annual-cap-exception.ts';
import { submitClaim } from '../../../src/services/claims/submit-claim.ts';
import type { Store } from '../../../src/store/database.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { insertClaimRow, insertEnterprise, insertPeople, residentId, skillUpgradeBody, uscc } from '../../support/claims-fixtures.ts';
import { openTestStore } from '../../support/store.ts';

let store: Store;
const person = residentId(31);
const employer = uscc(31);
const city: Actor = {
  userId: 'u',
  username: 'city',
  displayName: '市人社局',
  role: 'city',
  areaCode: '510400',
  department: null,
  enterpriseUscc: null,
  providerId: null,
  residentId: null,
};

beforeAll(async () => {
  store = await openTestStore();
  await inTransaction(store.db, async (tx) => {
    await seedReferenceData(tx);
    await insertPeople(tx, [{ residentId: person, facts: { pensionEntitled: false, poor_labor: true, rural: true } }]);
    await insertEnterprise(tx, { uscc: employer, educationFund: { 2020: true } });
    // Three 2020 trainings on record, one a §4.6 training with its living allowance.
    await insertClaimRow(tx, {
      id: 'E1',
      residentId: person,
      status: 'paid',
      program: 'employment_skill',
      occupationCode: '4-10-01-06',
      level: '5',
      outcome: 'eligible',
      amountFen: 90000,
      payee: 'institution',
    });
    await insertClaimRow(tx, {
      id: 'H2',
      residentId: person,
      status: 'paid',
      enterpriseUscc: employer,
      occupationCode: '6-16-02-01',
      level: '4',
      outcome: 'eligible',
      amountFen: 100000,
      payee: 'individual',
    });
    await insertClaimRow(tx, {
      id: 'H3',
      residentId: person,
      status: 'paid',
      enterpriseUscc: employer,
      occupationCode: '6-17-01-02',
      level: '5',
      outcome: 'eligible',
      amountFen: 100000,
      payee: 'individual',
    });
    await insertClaimRow(tx, { id: 'L1', residentId: person, status: 'paid', outcome: 'eligible', amountFen: 100000, payee: 'individual' });
    await tx
      .updateTable('claims')
      .set({
        program: 'living_allowance',
        training_claim_id: 'E1',
        occupation_code: null,
        level: null,
        certificate_type: null,
        certificate_number: null,
        qualified: null,
        attended_hours: null,
        attended_days: 20,
      })
      .where('id', '=', 'L1')
      .execute();
  });
}, 60_000);
afterAll(() => store.close());

it('the exception is recorded for a fourth training when a same-year training has a living allowance', async () => {
  const result = await inTransaction(store.db, async (tx) => {
    const { id } = await submitClaim(tx, city, {
      ...skillUpgradeBody(person, { enterpriseUscc: employer }),
      applicant: 'individual',
    } as never);
    const decision = await decideStoredClaim(tx, city, { claimId: id });
    expect(decision.outcome).toBe('ineligible');
    expect(decision.trace!.steps.filter((s) => s.result === 'fail').map((s) => s.rule)).toEqual(['R3']);
    return recordAnnualCapException(tx, city, { claimId: id, reason: '经局务会研究同意（测试）' });
  });
  expect(result).toMatchObject({ amountFen: 187000, payee: 'individual' });
});
