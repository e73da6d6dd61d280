// Bad input on every write route of claims, publicity, funds, payments and supervision: always a 4xx
// naming the field, never a 5xx, and not a single row written.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { breakageFor, broken } from '../support/malformed-bodies.ts';
import { insertPeople, residentId } from '../support/claims-fixtures.ts';

let t: TestApp;
let cookie = '';
const person = residentId(31);

const TABLES = [
  'claims',
  'reviews',
  'publicity_notices',
  'publicity_items',
  'objections',
  'funds',
  'reservations',
  'payment_batches',
  'payment_batch_items',
  'payments',
  'advances',
  'advance_deductions',
  'recoveries',
  'audit_log',
] as const;
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES)
    out[table] = Number(
      (
        await t.store.db
          .selectFrom(table)
          .select(({ fn }) => fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return out;
}

/** Each write route with a valid body: the property breaks it in one place. */
const ROUTES: { url: string; valid: Record<string, unknown>; required: string[] }[] = [
  {
    url: '/claims',
    valid: {
      program: 'skill_upgrade',
      applicant: 'individual',
      residentId: person,
      occupationCode: '6-16-01-03',
      level: 4,
      startDate: '2020-03-02',
      endDate: '2020-06-30',
      qualified: true,
      certificate: { type: 'skill_level' },
    },
    required: ['program', 'residentId', 'startDate', 'endDate'],
  },
  { url: '/claims/decide', valid: { chunkSize: 100 }, required: [] },
  { url: '/claims/X/review', valid: { note: '材料齐全' }, required: [] },
  { url: '/claims/X/reject', valid: { reason: '材料不全' }, required: ['reason'] },
  { url: '/claims/X/withdraw', valid: { reason: '重复申报' }, required: [] },
  { url: '/claims/X/r3-exception', valid: { reason: '急需' }, required: ['reason'] },
  {
    url: '/publicity-notices',
    valid: { areaCode: '510402', title: '公示', startsOn: '2020-09-30', claimIds: ['X'] },
    required: ['areaCode', 'title', 'claimIds'],
  },
  { url: '/publicity-notices/X/objections', valid: { claimId: 'X', text: '异议' }, required: ['claimId', 'text'] },
  { url: '/objections/X/resolve', valid: { verdict: 'dismissed', resolution: '不成立' }, required: ['verdict', 'resolution'] },
  // POST /publicity-notices/X/close takes no fields (its day is the business date): any field is refused,
  // test/api/publicity-business-date.test.ts.
  { url: '/funds', valid: { source: 'special_action', year: 2020, budgetFen: 100 }, required: ['source', 'year', 'budgetFen'] },
  {
    url: '/advances',
    valid: { kind: 'project', subjectId: 'P1', amountFen: 100, paidOn: '2020-05-06' },
    required: ['kind', 'subjectId', 'amountFen', 'paidOn'],
  },
  { url: '/advances/X/recover', valid: { reason: '学徒中途退出' }, required: ['reason'] },
  { url: '/payment-batches', valid: { areaCode: '510402', fundId: 'special_action-2020' }, required: ['areaCode', 'fundId'] },
  // Supervision (§5.3): inspections, sanctions, evaluations.
  { url: '/risk/samples', valid: { seed: '2020Q3', areaCode: '510402' }, required: ['seed'] },
  {
    url: '/risk/inspections/X/result',
    valid: { result: 'irregular', note: '签到表与现场人数不符', inspectedOn: '2020-10-12' },
    required: ['result', 'note', 'inspectedOn'],
  },
  {
    url: '/risk/sanctions',
    valid: { target: 'claim', claimId: 'X', reason: '虚假培训', on: '2020-10-20' },
    required: ['claimId', 'reason', 'on'],
  },
  {
    url: '/risk/evaluations',
    valid: { providerId: 'P1', evaluator: '第三方评估机构', evaluatedOn: '2020-12-01', score: 55 },
    required: ['providerId', 'evaluator', 'evaluatedOn', 'score'],
  },
];

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, (tx) => insertPeople(tx, [{ residentId: person }]));
  cookie = await sessionFor(t, { username: 'city', displayName: '市人社局', role: 'city', areaCode: '510400' });
}, 60_000);
afterAll(() => t.close());

describe('Malformed bodies on the claim, publicity, fund, payment and supervision write routes', () => {
  it.each(ROUTES.map((r) => [r.url, r] as const))(
    'POST %s: always a 400 naming the field, never a 5xx, nothing written',
    async (_url, route) => {
      const before = await counts();
      await fc.assert(
        fc.asyncProperty(breakageFor(route), async (b) => {
          const res = await t.app.inject({
            method: 'POST',
            url: `/api/v1${route.url}`,
            headers: { cookie, 'content-type': 'application/json' },
            payload: JSON.stringify(broken(route, b)),
          });
          expect(res.statusCode).toBe(400);
          const error = res.json().error;
          expect(error.code).toBe('invalid_input');
          expect(error.field).toMatch(/^body/);
          expect(error.message).toMatch(/[\u4e00-\u9fff]/);
          // The path names the broken field (or a field inside it); an unknown key is reported on the body.
          if (b.kind === 'extra') expect(error.field).toBe('body');
          else if (b.kind !== 'body') expect(error.field.startsWith(`body.${b.field}`)).toBe(true);
        }),
        { numRuns: 40 },
      );
      expect(await counts()).toEqual(before);
    },
  );
});
