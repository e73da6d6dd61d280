// The claim workflow's guarantees: the API decides exactly as `upskill evaluate` does on the same
// facts; a wrong transition is refused and changes nothing; approval beyond the fund is refused; the
// city's R3 exception is audited and pays what the engine gives without the cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateFile } from '../../src/policy/index.ts';
import { approveClaim } from '../../src/services/claims/approve-claim.ts';
import { CLAIM_TRANSITIONS, type ClaimAct } from '../../src/services/claims/claim-states.ts';
import { decideStoredClaim } from '../../src/services/claims/decide-stored-claim.ts';
import { rejectClaim } from '../../src/services/claims/reject-claim.ts';
import { reviewClaim } from '../../src/services/claims/review-claim.ts';
import { withdrawClaim } from '../../src/services/claims/withdraw-claim.ts';
import { publishClaims } from '../../src/services/publicity/publish-claims.ts';
import type { Actor } from '../../src/services/access.ts';
import type { ClaimStatus } from '../../src/store/schema.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import {
  insertClaimRow,
  insertEnterprise,
  insertFund,
  insertPeople,
  residentId,
  skillUpgradeBody,
  uscc,
} from '../support/claims-fixtures.ts';
import { businessDateIs, restoreBusinessDateAfterAll } from '../support/business-date.ts';

restoreBusinessDateAfterAll();

let t: TestApp;
const employer = uscc(7);
const busy = residentId(11); // three §4 subsidies already in 2020
const fresh = residentId(12);
const cookies: Record<string, string> = {};
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

const post = (url: string, who: string, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, payload: payload as object });
const auditCount = async () =>
  Number(
    (
      await t.store.db
        .selectFrom('audit_log')
        .select(({ fn }) => fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertPeople(tx, [
      { residentId: busy, facts: { pensionEntitled: false } },
      { residentId: fresh, facts: { pensionEntitled: false } },
    ]);
    await insertEnterprise(tx, { uscc: employer });
    await insertFund(tx, 'special_action', 2020, 10_000_000);
    await insertFund(tx, 'special_action', 2021, 100_000); // 1000 yuan only
    // The busy person's 2020 subsidies, on record: 露天采矿工 五级 and 三级, 选矿工 四级.
    for (const [id, code, level] of [
      ['H1', '6-16-01-03', '5'],
      ['H2', '6-16-01-03', '3'],
      ['H3', '6-16-02-01', '4'],
    ] as const) {
      await insertClaimRow(tx, {
        id,
        residentId: busy,
        status: 'paid',
        enterpriseUscc: employer,
        occupationCode: code,
        level,
        outcome: 'eligible',
        amountFen: 100000,
        payee: 'individual',
      });
    }
  });
  cookies.city = await sessionFor(t, { username: 'city', displayName: '市人社局', role: 'city', areaCode: '510400' });
  cookies.dongqu = await sessionFor(t, { username: 'dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
  cookies.busy = await sessionFor(t, { username: 'busy', displayName: '忙', role: 'trainee', residentId: busy });
  cookies.fresh = await sessionFor(t, { username: 'fresh', displayName: '新', role: 'trainee', residentId: fresh });
}, 60_000);
afterAll(() => t.close());

/** The same facts written by hand as an evaluate file (no catalog: the shipped one, as seeded). */
function fileFor(person: string, history: { ref: string; code: string; level: number }[], claim: Record<string, unknown>) {
  return {
    people: [{ id: person, groups: [], pensionEntitled: false }],
    enterprises: [{ uscc: employer, name: '测试企业', insured: true }],
    claims: [
      ...history.map((h) => ({
        ref: h.ref,
        program: 'skill_upgrade',
        applicant: 'individual',
        personId: person,
        enterpriseUscc: employer,
        occupationCode: h.code,
        level: h.level,
        startDate: '2020-03-02',
        endDate: '2020-06-30',
        attendedHours: 160,
        qualified: true,
        certificate: { type: 'skill_level' },
        status: 'paid',
      })),
      { ...claim, personId: person, applicant: 'individual' },
    ],
  };
}
const decisionOf = (d: {
  outcome: string;
  amountFen: number;
  payee: string | null;
  citations: string[];
  reasons: string[];
  missing: string[];
}) => ({ outcome: d.outcome, amountFen: d.amountFen, payee: d.payee, citations: d.citations, reasons: d.reasons, missing: d.missing });

describe('The API decides as `upskill evaluate` does', () => {
  it('an eligible §4.2 claim: the same outcome, amount, payee, citations and reasons as the file', async () => {
    const body = skillUpgradeBody(fresh, { enterpriseUscc: employer, certificate: { type: 'skill_level' } });
    const { id } = (await post('/claims', 'fresh', body)).json();
    const api = (await post(`/claims/${id}/decide`, 'dongqu')).json();
    const [file] = evaluateFile(fileFor(fresh, [], { ref: id, ...body }));
    expect(decisionOf(api)).toEqual(decisionOf(file!));
    expect(api).toMatchObject({ outcome: 'eligible', amountFen: 187000 });
  });

  it('a fourth subsidy in 2020, with the history from the database: ineligible under R3 in both', async () => {
    const body = skillUpgradeBody(busy, { enterpriseUscc: employer, certificate: { type: 'skill_level' } });
    const { id } = (await post('/claims', 'busy', body)).json();
    const api = (await post(`/claims/${id}/decide`, 'dongqu')).json();
    const [file] = evaluateFile(
      fileFor(
        busy,
        [
          { ref: 'H1', code: '6-16-01-03', level: 5 },
          { ref: 'H2', code: '6-16-01-03', level: 3 },
          { ref: 'H3', code: '6-16-02-01', level: 4 },
        ],
        { ref: id, ...body },
      ),
    );
    expect(decisionOf(api)).toEqual(decisionOf(file!));
    expect(api.outcome).toBe('ineligible');
    expect(api.reasons.join()).toMatch(/已有3次培训补贴/);
  });
});

describe('The R3 exception (§4.0 "原则上")', () => {
  let id = '';
  beforeAll(async () => {
    id = (
      await t.store.db
        .selectFrom('claims')
        .select('id')
        .where('resident_id', '=', busy)
        .where('status', '=', 'decided')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('only the city may record it, with a written reason', async () => {
    expect((await post(`/claims/${id}/r3-exception`, 'dongqu', { reason: '企业急需' })).statusCode).toBe(403);
    const empty = await post(`/claims/${id}/r3-exception`, 'city', { reason: '' });
    expect([empty.statusCode, empty.json().error.field]).toEqual([400, 'body.reason']);
  });

  it('a county cannot pass the R3-ineligible claim at review until the exception exists', async () => {
    expect((await post(`/claims/${id}/review`, 'dongqu', {})).statusCode).toBe(409);
  });

  it('the city records it: the amount is what the engine gives without the cap (1870 yuan), audited with the reason', async () => {
    const res = await post(`/claims/${id}/r3-exception`, 'city', { reason: '攀钢技改项目急需，经局务会研究同意' });
    expect(res.json()).toMatchObject({ amountFen: 187000, payee: 'individual' });
    const entry = await t.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'claim.r3_exception').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor: 'city:city', entity_id: id });
    expect(entry.data).toMatchObject({
      clause: '§4.0',
      reason: '攀钢技改项目急需，经局务会研究同意',
      amountFen: 187000,
      sameYearClaims: ['H1', 'H2', 'H3'],
    });
    const claim = (await t.app.inject({ method: 'GET', url: `/api/v1/claims/${id}`, headers: { cookie: cookies.busy! } })).json();
    expect(claim).toMatchObject({
      outcome: 'ineligible',
      r3Exception: { reason: '攀钢技改项目急需，经局务会研究同意', by: 'city:city', amountFen: 187000 },
    });
    expect((await post(`/claims/${id}/review`, 'dongqu', {})).json().status).toBe('reviewed');
  });

  it('a claim that failed another rule cannot get one', async () => {
    const { id: other } = (
      await post('/claims', 'fresh', skillUpgradeBody(fresh, { occupationCode: '6-16-02-01', endDate: '2020-07-30' }))
    ).json(); // no employer: R11 fails
    await post(`/claims/${other}/decide`, 'dongqu');
    const res = await post(`/claims/${other}/r3-exception`, 'city', { reason: '试图例外' });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'invalid_transition']);
  });
});

describe('Approval beyond the fund', () => {
  it('is refused with the figures, and nothing is reserved or changed', async () => {
    const body = skillUpgradeBody(fresh, {
      enterpriseUscc: employer,
      occupationCode: '6-16-01-03',
      level: 3,
      startDate: '2021-03-01',
      endDate: '2021-06-30',
    });
    const { id } = (await post('/claims', 'fresh', body)).json();
    expect((await post(`/claims/${id}/decide`, 'dongqu')).json().outcome).toBe('eligible');
    await post(`/claims/${id}/review`, 'dongqu', {});
    businessDateIs('2021-07-01');
    const notice = (
      await post('/publicity-notices', 'dongqu', { areaCode: '510402', title: '2021年公示', startsOn: '2021-07-01', claimIds: [id] })
    ).json();
    businessDateIs('2021-07-31');
    await post(`/publicity-notices/${notice.id}/close`, 'dongqu');
    const before = await auditCount();
    const res = await post(`/claims/${id}/approve`, 'dongqu');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('over_budget');
    expect(res.json().error.message).toMatch(/2021年职业技能提升行动专账资金余额不足.*预算 1000\.00 元.*可用 1000\.00 元/);
    expect(await auditCount()).toBe(before);
    expect((await t.store.db.selectFrom('claims').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe(
      'publicity',
    );
    expect(await t.store.db.selectFrom('reservations').selectAll().where('claim_id', '=', id).execute()).toEqual([]);
  });
});

describe('Every wrong transition is refused and changes nothing', () => {
  const STATUSES: ClaimStatus[] = ['submitted', 'decided', 'reviewed', 'publicity', 'approved', 'paid', 'rejected', 'withdrawn'];
  const ACTS: Partial<Record<ClaimAct, (claimId: string) => Promise<unknown>>> = {
    decide: (claimId) => inTransaction(t.store.db, (tx) => decideStoredClaim(tx, city, { claimId })),
    review: (claimId) => inTransaction(t.store.db, (tx) => reviewClaim(tx, city, { claimId })),
    publish: (claimId) =>
      inTransaction(t.store.db, (tx) =>
        publishClaims(tx, city, { areaCode: '510402', title: '公示', startsOn: '2020-08-03', claimIds: [claimId] }),
      ),
    approve: (claimId) => inTransaction(t.store.db, (tx) => approveClaim(tx, city, { claimId })),
    reject: (claimId) => inTransaction(t.store.db, (tx) => rejectClaim(tx, city, { claimId, reason: '测试' })),
    withdraw: (claimId) => inTransaction(t.store.db, (tx) => withdrawClaim(tx, city, { claimId })),
  };
  const cases = STATUSES.flatMap((status) =>
    Object.keys(ACTS)
      .filter((act) => !CLAIM_TRANSITIONS[act as ClaimAct].from.includes(status))
      .map((act) => [status, act] as const),
  );

  it.each(cases)('a %s claim cannot be %sd', async (status, act) => {
    const id = `W-${status}-${act}`;
    await inTransaction(t.store.db, (tx) =>
      insertClaimRow(tx, {
        id,
        residentId: fresh,
        status,
        enterpriseUscc: employer,
        outcome: 'eligible',
        amountFen: 187000,
        payee: 'individual',
      }),
    );
    const row = await t.store.db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const before = await auditCount();
    await expect(ACTS[act as ClaimAct]!(id)).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await t.store.db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toEqual(row);
    expect(await auditCount()).toBe(before);
    expect(await t.store.db.selectFrom('reviews').selectAll().where('claim_id', '=', id).execute()).toEqual([]);
  });
});
