// A NUL character (U+0000) anywhere in a request — a query parameter, a path parameter, a JSON body,
// even a key — is a 400 naming where it is, on every route, signed in or not; never a 500 (PostgreSQL
// cannot store NUL in text, so one reaching a query used to fail there). The GET routes are walked
// from the app's OpenAPI document, so a new route is covered without a line here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise, insertPerson, insertProvider } from '../../src/store/seed/registries.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { rid, usccOf } from '../support/registry-fixtures.ts';

let t: TestApp;
const who: Record<string, string | undefined> = { anonymous: undefined };
const E = usccOf(61);

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertPerson(tx, { residentId: rid(61), name: '甲', areaCode: '510402', facts: [] });
    await insertEnterprise(tx, { uscc: E, name: '企业', areaCode: '510402', industry: 'other' });
    await insertProvider(tx, { id: 'P-NUL', areaCode: '510402', status: 'listed', scopes: [] });
  });
  const users = {
    city: { role: 'city', areaCode: '510400' },
    county: { role: 'county', areaCode: '510402' },
    finance: { role: 'department', department: 'finance' },
    enterprise: { role: 'enterprise', enterpriseUscc: E },
    provider: { role: 'provider', providerId: 'P-NUL' },
    trainee: { role: 'trainee', residentId: rid(61) },
  } as const;
  for (const [name, u] of Object.entries(users)) who[name] = await sessionFor(t, { username: `nul-${name}`, displayName: name, ...u });
  await t.app.ready();
}, 120_000);
afterAll(() => t?.close());

interface Param {
  name: string;
  in: string;
  required?: boolean;
  schema?: { enum?: unknown[]; type?: string; format?: string };
}
const getRoutes = () =>
  Object.entries((t.app.swagger() as { paths: Record<string, Record<string, { parameters?: Param[] }>> }).paths)
    .filter(([path, ops]) => path.startsWith('/api/v1/') && ops.get)
    .map(([path, ops]) => ({ path, params: ops.get!.parameters ?? [] }));

/** A value a required query parameter accepts, so the one under test is the only thing wrong. */
const sample = (p: Param) =>
  p.schema?.enum?.[0] != null
    ? String(p.schema.enum[0])
    : p.name === 'year'
      ? '2020'
      : p.schema?.format === 'date'
        ? '2021-01-04'
        : p.schema?.type === 'integer' || p.schema?.type === 'number'
          ? '1'
          : 'a';

/** A value the other path parameters accept (an enum's first value, a number, a USCC), so only the one under test is wrong. */
function pathValue(params: Param[], name: string): string {
  if (name === 'uscc') return E;
  const p = params.find((x) => x.in === 'path' && x.name === name);
  return p?.schema?.enum?.[0] != null || p?.schema?.type === 'integer' || p?.schema?.type === 'number' || name === 'year'
    ? sample(p!)
    : 'X1';
}

async function expectRefused(method: string, url: string, field: string, payload?: unknown) {
  const answers: string[] = [];
  let named = 0;
  for (const [name, cookie] of Object.entries(who)) {
    const res = await t.app.inject({
      method: method as 'GET',
      url,
      headers: cookie ? { cookie } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    answers.push(`${name} ${res.statusCode}`);
    expect(res.statusCode, `${method} ${url} as ${name}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    if (res.statusCode === 401 || res.statusCode === 403) continue; // refused before the request is read
    expect(res.statusCode, `${method} ${url} as ${name}: ${res.body.slice(0, 200)}`).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('invalid_input');
    if (error.field === field) {
      named++;
      expect(error.message).toContain(field);
    }
  }
  // At least one caller got past access, and was told which parameter.
  expect(named, `${method} ${url}: nobody was told "${field}" (${answers.join(', ')})`).toBeGreaterThan(0);
}

describe('A NUL character in a request', () => {
  it('in any query parameter of any GET route is a 400 naming the parameter, never a 500', async () => {
    let checked = 0;
    for (const { path, params } of getRoutes()) {
      const base = path.replace(/\{(\w+)\}/g, (_, name: string) => pathValue(params, name));
      for (const p of params.filter((x) => x.in === 'query')) {
        const others = params
          .filter((x) => x.in === 'query' && x.required && x.name !== p.name)
          .map((x) => `${x.name}=${encodeURIComponent(sample(x))}`);
        await expectRefused('GET', `${base}?${[...others, `${p.name}=%00`].join('&')}`, `query.${p.name}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  }, 300_000);

  it('in any path parameter of any GET route is a 400 naming the parameter', async () => {
    let checked = 0;
    for (const { path, params } of getRoutes()) {
      for (const p of params.filter((x) => x.in === 'path')) {
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => (name === p.name ? 'A%00B' : pathValue(params, name)));
        const required = params.filter((x) => x.in === 'query' && x.required).map((x) => `${x.name}=${encodeURIComponent(sample(x))}`);
        await expectRefused('GET', required.length ? `${url}?${required.join('&')}` : url, `params.${p.name}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  }, 300_000);

  it('in a JSON body — a value or a nested value — is a 400 naming the field, signed in or not', async () => {
    await expectRefused('POST', '/api/v1/auth/login', 'body.username', { username: 'nul-city\u0000', password: 'test-password' });
    await expectRefused('POST', '/api/v1/people', 'body.name', { residentId: rid(62), name: '乙\u0000', areaCode: '510402' });
    await expectRefused('POST', '/api/v1/providers', 'body.name', {
      id: 'P-NUL2',
      name: '机构\u0000',
      kind: 'college',
      areaCode: '510402',
    });
    await expectRefused('POST', '/api/v1/classes', 'body.teachers[0].name', {
      providerId: 'P-NUL',
      program: 'skill_upgrade',
      areaCode: '510402',
      startDate: '2020-05-01',
      endDate: '2020-06-30',
      hours: 120,
      venue: '基地',
      teachers: [{ name: '王\u0000' }],
      trainees: [],
      sessions: [],
    });
    // Nothing was written by any of them.
    expect(
      await t.store.db.selectFrom('people').select('resident_id').where('resident_id', '=', rid(62)).executeTakeFirst(),
    ).toBeUndefined();
  });
});
