// Bad input on every supervision write route: a body broken in one place always gets a
// 400 naming the field, never a 5xx, and not a row is written (tasks, figures, matters, audit log).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { breakageFor, broken } from '../support/malformed-bodies.ts';
import { insertClaimRow, insertPeople, residentId } from '../support/claims-fixtures.ts';

let t: TestApp;
let cookie = '';
const TABLES = ['annual_tasks', 'employment_figures', 'major_matters', 'audit_log'] as const;
async function counts() {
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

const ROUTES: { method: 'POST' | 'PATCH'; url: string; valid: Record<string, unknown>; required: string[] }[] = [
  {
    method: 'POST',
    url: '/targets',
    valid: { year: 2021, unitKind: 'area', unit: '510402', program: 'safety', target: 10, note: '年初下达' },
    required: ['year', 'unitKind', 'unit', 'program', 'target'],
  },
  { method: 'PATCH', url: '/targets/1', valid: { target: 12, reason: '调整' }, required: ['target', 'reason'] },
  {
    method: 'POST',
    url: '/employment-figures',
    valid: { areaCode: '510402', year: 2021, employed: 100, skilled: 40, highSkilled: 10, source: '统计局' },
    required: ['areaCode', 'year', 'employed', 'skilled', 'highSkilled', 'source'],
  },
  {
    method: 'POST',
    url: '/major-matters',
    valid: { title: '疑似虚假培训', areaCode: '510402', flaggedOn: '2021-11-10', summary: '签到异常', claimIds: ['SM-1'] },
    required: ['title', 'areaCode', 'flaggedOn', 'summary'],
  },
];

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertPeople(tx, [{ residentId: residentId(91) }]);
    await insertClaimRow(tx, { id: 'SM-1', residentId: residentId(91), status: 'submitted' });
  });
  cookie = await sessionFor(t, { username: 'sm-city', displayName: '市人社局', role: 'city', areaCode: '510400' });
}, 60_000);
afterAll(() => t?.close());

describe('Malformed bodies on the supervision write routes', () => {
  it.each(ROUTES.map((r) => [`${r.method} ${r.url}`, r] as const))(
    '%s: always a 400 naming the field, never a 5xx, nothing written',
    async (_k, route) => {
      const before = await counts();
      await fc.assert(
        fc.asyncProperty(breakageFor(route), async (b) => {
          const res = await t.app.inject({
            method: route.method,
            url: `/api/v1${route.url}`,
            headers: { cookie, 'content-type': 'application/json' },
            payload: JSON.stringify(broken(route, b)),
          });
          expect(res.statusCode).toBe(400);
          const error = res.json().error;
          expect(error.code).toBe('invalid_input');
          expect(error.field).toMatch(/^body/);
          expect(error.message).toMatch(/[\u4e00-\u9fff]/);
          if (b.kind === 'extra') expect(error.field).toBe('body');
          else if (b.kind !== 'body') expect(error.field.startsWith(`body.${b.field}`)).toBe(true);
        }),
        { numRuns: 40 },
      );
      expect(await counts()).toEqual(before);
    },
  );
});
