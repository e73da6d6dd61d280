// Facts in time on the system of record (SPEC "Facts in time"): decisions read the dated facts on record
// as of each claim's start; recording a fact re-decides the open claims it changes, previews without
// saving, and never silently changes a decision already approved or paid (a case for the office).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideStoredClaim } from '../../../src/services/claims/decide-stored-claim.ts';
import { recordDifficulty } from '../../../src/services/enterprises/record-difficulty.ts';
import { recordInsured } from '../../../src/services/enterprises/record-insured.ts';
import { closeFactCase } from '../../../src/services/facts/close-fact-case.ts';
import { listFactCases } from '../../../src/services/facts/list-fact-cases.ts';
import { recordPersonFact } from '../../../src/services/people/record-person-fact.ts';
import type { Store } from '../../../src/store/database.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { inTransaction, type Tx } from '../../../src/store/transaction.ts';
import { insertClaimRow, insertEnterprise, insertPeople, residentId, uscc } from '../../support/claims-fixtures.ts';
import { openTestStore } from '../../support/store.ts';
import { actor } from '../../support/actors.ts';

const dongqu = actor({ role: 'county', areaCode: '510402' });

let store: Store;
const tx = <T>(work: (t: Tx) => Promise<T>) => inTransaction(store.db, work);
const claim = (id: string) =>
  store.db.selectFrom('claims').select(['status', 'outcome', 'amount_fen', 'missing']).where('id', '=', id).executeTakeFirstOrThrow();
const count = async (table: 'person_facts' | 'enterprise_facts' | 'fact_cases' | 'enterprise_difficulty') =>
  Number(
    (
      await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const audits = (action: string, entityId: string) =>
  store.db.selectFrom('audit_log').select(['data']).where('action', '=', action).where('entity_id', '=', entityId).execute();

const E = uscc(901);
const E2 = uscc(902);
const P = [residentId(901), residentId(902), residentId(903), residentId(904), residentId(905)];

beforeAll(async () => {
  store = await openTestStore();
  await tx(async (t) => {
    await seedReferenceData(t);
    await insertPeople(
      t,
      P.map((p) => ({ residentId: p })),
    );
    // Pension status known since 2015 for everyone (dated records: a value holds from its date on).
    await t
      .insertInto('person_facts')
      .values(
        P.map((p) => ({
          resident_id: p,
          fact: 'pensionEntitled',
          value: false,
          source: '社保系统',
          as_of: '2015-01-01',
          recorded_by: 'test',
        })),
      )
      .execute();
    await t
      .insertInto('person_facts')
      .values({ resident_id: P[3]!, fact: 'poor_labor', value: true, source: '扶贫办', as_of: '2019-01-01', recorded_by: 'test' })
      .execute();
    await insertEnterprise(t, { uscc: E, educationFund: { 2020: true } });
    await insertEnterprise(t, { uscc: E2, educationFund: { 2020: true } });
    await t.updateTable('enterprises').set({ insured: null }).where('uscc', '=', E2).execute(); // registered without it
    // §4.2 claims starting 2020-03-02 (露天采矿工 四级: 1870 yuan, to the applicant).
    await insertClaimRow(t, { id: 'FT-1', residentId: P[0]!, status: 'submitted', enterpriseUscc: E });
    await insertClaimRow(t, {
      id: 'FT-2',
      residentId: P[1]!,
      status: 'paid',
      enterpriseUscc: E,
      outcome: 'eligible',
      amountFen: 187000,
      payee: 'individual',
    });
    await insertClaimRow(t, {
      id: 'FT-3',
      residentId: P[2]!,
      status: 'reviewed',
      enterpriseUscc: E,
      outcome: 'eligible',
      amountFen: 187000,
      payee: 'individual',
    });
    // §4.8 at an enterprise registered without an insurance status: 2 insured months from 2020-04-01.
    await insertClaimRow(t, {
      id: 'FT-4',
      residentId: P[3]!,
      status: 'submitted',
      enterpriseUscc: E2,
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
      .where('id', '=', 'FT-4')
      .execute();
    // §4.5 at an enterprise not (yet) recognised in difficulty.
    await insertClaimRow(t, {
      id: 'FT-5',
      residentId: P[4]!,
      status: 'submitted',
      enterpriseUscc: E2,
      program: 'transfer',
      occupationCode: '4-10-01-06',
      level: '5',
      startDate: '2020-09-01',
      endDate: '2020-10-15',
    });
    await t.updateTable('claims').set({ certificate_type: 'training', applicant: 'enterprise' }).where('id', '=', 'FT-5').execute();
  });
  for (const id of ['FT-1', 'FT-4', 'FT-5']) await tx((t) => decideStoredClaim(t, dongqu, { claimId: id }));
}, 120_000);
afterAll(() => store.close());

describe('Facts in time on the system of record', () => {
  it('a pension entitlement dated after a training started changes nothing: the claim decided today and next year agree', async () => {
    expect(await claim('FT-1')).toMatchObject({ status: 'decided', outcome: 'eligible' });
    const result = await tx((t) =>
      recordPersonFact(t, dongqu, P[0]!, { fact: 'pensionEntitled', value: true, source: '社保系统：退休', asOf: '2020-03-03' }),
    );
    expect(result.redecided).toEqual([]);
    expect(result.cases).toEqual([]);
    expect(await claim('FT-1')).toMatchObject({ status: 'decided', outcome: 'eligible' });
  });

  it('a preview lists the claim a late record with an earlier date would re-decide, and saves nothing', async () => {
    const facts = await count('person_facts');
    const preview = await tx((t) =>
      recordPersonFact(t, dongqu, P[0]!, {
        fact: 'pensionEntitled',
        value: true,
        source: '社保系统补报',
        asOf: '2020-03-02',
        dryRun: true,
      }),
    );
    expect(preview).toMatchObject({
      dryRun: true,
      redecided: [
        {
          claimId: 'FT-1',
          status: 'decided',
          before: { outcome: 'eligible', amountFen: 187000 },
          after: { outcome: 'ineligible', amountFen: 0 },
        },
      ],
      cases: [],
    });
    expect(await count('person_facts')).toBe(facts);
    expect(await claim('FT-1')).toMatchObject({ outcome: 'eligible' });
  });

  it('saving it re-decides that claim (ineligible, R5) and audits the re-decision with the fact', async () => {
    const saved = await tx((t) =>
      recordPersonFact(t, dongqu, P[0]!, { fact: 'pensionEntitled', value: true, source: '社保系统补报', asOf: '2020-03-02' }),
    );
    expect(saved).toMatchObject({
      id: expect.any(Number),
      fact: 'pensionEntitled',
      asOf: '2020-03-02',
      redecided: [{ claimId: 'FT-1', after: { outcome: 'ineligible' } }],
      cases: [],
    });
    expect(saved.redecided[0]!.after.reasons.join('')).toContain('具有按月领取养老金资格');
    expect(await claim('FT-1')).toMatchObject({ status: 'decided', outcome: 'ineligible', amount_fen: 0 });
    const [entry] = await audits('claim.redecide', 'FT-1');
    expect(entry!.data).toMatchObject({
      before: { outcome: 'eligible', amountFen: 187000 },
      after: { outcome: 'ineligible', amountFen: 0 },
      fact: { kind: 'person', fact: 'pensionEntitled' },
    });
  });

  it('a reviewed claim the fact changes is re-decided and goes back to decided, to be reviewed again', async () => {
    const saved = await tx((t) =>
      recordPersonFact(t, dongqu, P[2]!, { fact: 'pensionEntitled', value: true, source: '社保系统补报', asOf: '2019-12-01' }),
    );
    expect(saved.redecided).toMatchObject([{ claimId: 'FT-3', status: 'reviewed', after: { outcome: 'ineligible' } }]);
    expect(await claim('FT-3')).toMatchObject({ status: 'decided', outcome: 'ineligible' });
  });

  it('a paid decision is never changed silently: the office gets a case with the claim, the fact, old and new outcome', async () => {
    const cases = await count('fact_cases');
    const preview = await tx((t) =>
      recordPersonFact(t, dongqu, P[1]!, {
        fact: 'pensionEntitled',
        value: true,
        source: '社保系统补报',
        asOf: '2020-02-01',
        dryRun: true,
      }),
    );
    expect(preview.cases).toMatchObject([
      {
        caseId: null,
        claimId: 'FT-2',
        claimStatus: 'paid',
        before: { outcome: 'eligible', amountFen: 187000 },
        after: { outcome: 'ineligible', amountFen: 0 },
      },
    ]);
    expect(await count('fact_cases')).toBe(cases);

    const saved = await tx((t) =>
      recordPersonFact(t, dongqu, P[1]!, { fact: 'pensionEntitled', value: true, source: '社保系统补报', asOf: '2020-02-01' }),
    );
    expect(saved.redecided).toEqual([]);
    expect(saved.cases).toMatchObject([{ caseId: expect.any(Number), claimId: 'FT-2', claimStatus: 'paid' }]);
    expect(await claim('FT-2')).toMatchObject({ status: 'paid', outcome: 'eligible', amount_fen: 187000 });
    const listed = await tx((t) => listFactCases(t, dongqu, { status: 'open' }));
    expect(listed.items).toContainEqual(
      expect.objectContaining({
        id: saved.cases[0]!.caseId,
        claimId: 'FT-2',
        subjectKind: 'person',
        subjectId: P[1],
        fact: 'pensionEntitled',
        factName: '具有按月领取养老金资格',
        change: { value: true, asOf: '2020-02-01', source: '社保系统补报' },
        before: { outcome: 'eligible', amountFen: 187000 },
        status: 'open',
      }),
    );
    expect(await audits('fact_case.raise', 'FT-2')).toHaveLength(1);

    const closed = await tx((t) => closeFactCase(t, dongqu, saved.cases[0]!.caseId!, { resolution: '已立案追回补贴' }));
    expect(closed).toMatchObject({ status: 'closed', resolution: '已立案追回补贴' });
    expect((await tx((t) => listFactCases(t, dongqu, { status: 'open' }))).items.map((c) => c.claimId)).not.toContain('FT-2');
  });

  it('§4.8: with no dated insurance record the enterprise is unknown; a record dated before the first insured month decides the claim', async () => {
    expect(await claim('FT-4')).toMatchObject({ outcome: 'undecided' });
    expect((await claim('FT-4')).missing).toEqual([expect.stringMatching(/^enterprises\[\d+\]\.insured$/)]);
    // Dated after the first day of the first insured month: still unknown on 2020-04-01.
    const late = await tx((t) => recordInsured(t, dongqu, E2, { value: true, asOf: '2020-04-02', source: '社保经办机构', dryRun: true }));
    expect(late.redecided).toEqual([]);
    const saved = await tx((t) => recordInsured(t, dongqu, E2, { value: true, asOf: '2020-04-01', source: '社保经办机构' }));
    expect(saved).toMatchObject({
      id: expect.any(Number),
      redecided: [{ claimId: 'FT-4', before: { outcome: 'undecided' }, after: { outcome: 'eligible', amountFen: 40000 } }],
    });
    expect(await claim('FT-4')).toMatchObject({ status: 'decided', outcome: 'eligible', amount_fen: 40000 });
    expect(await count('enterprise_facts')).toBe(1);
  });

  it('§4.5: a second difficulty recognition covering the start re-decides the transfer claim; a preview saves no period', async () => {
    expect(await claim('FT-5')).toMatchObject({ outcome: 'ineligible' });
    await tx((t) => recordDifficulty(t, dongqu, E2, { validFrom: '2020-01-01', validTo: '2020-06-30', source: '经信局认定' }));
    expect(await claim('FT-5')).toMatchObject({ outcome: 'ineligible' });
    const periods = await count('enterprise_difficulty');
    const preview = await tx((t) =>
      recordDifficulty(t, dongqu, E2, { validFrom: '2020-08-01', validTo: null, source: '经信局再次认定', dryRun: true }),
    );
    expect(preview).toMatchObject({ id: null, redecided: [{ claimId: 'FT-5', after: { outcome: 'eligible' } }] });
    expect(await count('enterprise_difficulty')).toBe(periods);
    await tx((t) => recordDifficulty(t, dongqu, E2, { validFrom: '2020-08-01', validTo: null, source: '经信局再次认定' }));
    expect(await claim('FT-5')).toMatchObject({ status: 'decided', outcome: 'eligible' });
  });
});
