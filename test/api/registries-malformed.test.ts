// Property: a malformed body posted to any registry or class write route is a 4xx naming a field,
// never a 5xx, and changes no row. Bodies are malformed for sure: not an object, a required field
// removed, a field of the wrong JSON type, or an unknown field added.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodObject } from 'zod';
import { ZCreatePersonRequest, ZRecordFactRequest, ZUpdatePersonRequest } from '../../src/api/routes/people.types.ts';
import { ZCreateEnterpriseRequest, ZDifficultyRequest, ZEducationFundRequest } from '../../src/api/routes/enterprises.types.ts';
import {
  ZAddScopeRequest,
  ZCreateProviderRequest,
  ZEntrepreneurshipRequest,
  ZProviderStatusRequest,
} from '../../src/api/routes/providers.types.ts';
import { ZAddCatalogEntryRequest, ZAddEntrepreneurshipTypeRequest } from '../../src/api/routes/catalog.types.ts';
import { ZFileContentRequest, ZReviewFilingRequest } from '../../src/api/routes/filings.types.ts';
import { ZPlanStatusRequest, ZSubmitPlanRequest } from '../../src/api/routes/plans.types.ts';
import { ZCreateProjectRequest } from '../../src/api/routes/projects.types.ts';
import {
  ZAssessmentRequest,
  ZAttendanceRequest,
  ZCertificateRequest,
  ZClassApplication,
  ZNoteRequest,
  ZReturnRequest,
} from '../../src/api/routes/classes.types.ts';
import { insertEnterprise, insertPerson, insertProvider } from '../../src/store/seed/registries.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { rid, usccOf } from '../support/registry-fixtures.ts';

let t: TestApp;
let cookie: string;
const E = usccOf(21);
const TABLES = [
  'people',
  'person_facts',
  'enterprises',
  'enterprise_education_fund',
  'enterprise_difficulty',
  'providers',
  'provider_scopes',
  'catalog_entries',
  'entrepreneurship_types',
  'content_filings',
  'apprenticeship_plans',
  'projects',
  'classes',
  'class_trainees',
  'class_sessions',
  'attendance',
  'assessment_results',
  'certificates',
  'audit_log',
] as const;

async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES)
    out[table] = Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return out;
}

const classBody = {
  providerId: 'P-MF',
  program: 'skill_upgrade',
  areaCode: '510402',
  enterpriseUscc: E,
  occupationCode: '6-16-01-03',
  level: '4',
  startDate: '2020-05-01',
  endDate: '2020-06-30',
  hours: 120,
  venue: '基地',
  teachers: [{ name: '王老师' }],
  trainees: [{ residentId: rid(31), employerUscc: E }],
  sessions: [{ day: '2020-05-01', startsAt: '09:00', endsAt: '12:00', hours: 3 }],
};

/** Each write route with a body of the right shape (never sent as is; no null samples, so a value of another JSON type is surely wrong) and its schema. */
const routes = (): { method: 'POST' | 'PUT' | 'PATCH'; url: string; body: Record<string, unknown>; schema: ZodObject }[] => [
  {
    method: 'POST',
    url: '/people',
    body: { residentId: rid(40), name: '甲', areaCode: '510402', phone: '13800000000' },
    schema: ZCreatePersonRequest,
  },
  { method: 'PATCH', url: `/people/${rid(31)}`, body: { name: '乙', areaCode: '510402' }, schema: ZUpdatePersonRequest },
  {
    method: 'POST',
    url: `/people/${rid(31)}/facts`,
    body: { fact: 'veteran', value: true, source: '退役军人事务局', asOf: '2020-01-01' },
    schema: ZRecordFactRequest,
  },
  {
    method: 'POST',
    url: '/enterprises',
    body: { uscc: usccOf(40), name: '企业', areaCode: '510402', industry: 'other', insured: true },
    schema: ZCreateEnterpriseRequest,
  },
  {
    method: 'POST',
    url: `/enterprises/${E}/education-fund`,
    body: { year: 2020, fullyUsed: true, source: '税务' },
    schema: ZEducationFundRequest,
  },
  {
    method: 'POST',
    url: `/enterprises/${E}/difficulty`,
    body: { validFrom: '2020-01-01', validTo: '2021-01-01', source: '认定文件' },
    schema: ZDifficultyRequest,
  },
  {
    method: 'POST',
    url: '/providers',
    body: { id: 'P-NEW', name: '机构', kind: 'college', areaCode: '510402' },
    schema: ZCreateProviderRequest,
  },
  {
    method: 'POST',
    url: '/providers/P-MF/scopes',
    body: { program: 'safety', occupationCode: 'X-1', level: '4', validFrom: '2020-01-14', validTo: '2021-12-31' },
    schema: ZAddScopeRequest,
  },
  { method: 'POST', url: '/providers/P-MF/status', body: { status: 'suspended', reason: '评估' }, schema: ZProviderStatusRequest },
  { method: 'POST', url: '/providers/P-MF/entrepreneurship', body: { qualified: true, reason: '资质' }, schema: ZEntrepreneurshipRequest },
  {
    method: 'POST',
    url: '/catalog',
    body: {
      section: 'upgrade',
      code: '9-9',
      name: '工种',
      level: 4,
      baseStandardYuan: 1000,
      industry: 'other',
      upliftRate: 0,
      appraisalStandardYuan: 100,
      hours: 100,
      edition: '2015',
      effectiveFrom: '2020-01-14',
      effectiveTo: '2021-12-31',
    },
    schema: ZAddCatalogEntryRequest,
  },
  {
    method: 'POST',
    url: '/entrepreneurship-types',
    body: { code: 'ZZ', name: '类别', amountYuan: 500, effectiveFrom: '2020-01-14', effectiveTo: '2021-12-31' },
    schema: ZAddEntrepreneurshipTypeRequest,
  },
  {
    method: 'POST',
    url: '/filings',
    body: { enterpriseUscc: E, program: 'pre_job', title: '岗前', content: '内容', filedOn: '2020-01-01' },
    schema: ZFileContentRequest,
  },
  { method: 'POST', url: '/filings/F-MF/review', body: { verdict: 'accepted', note: '好' }, schema: ZReviewFilingRequest },
  {
    method: 'POST',
    url: '/plans',
    body: {
      enterpriseUscc: E,
      providerId: 'P-MF',
      residentId: rid(31),
      occupationCode: '6-16-01-03',
      level: '4',
      startDate: '2020-03-01',
      endDate: '2021-03-01',
      contractMonths: 24,
    },
    schema: ZSubmitPlanRequest,
  },
  {
    method: 'POST',
    url: '/projects',
    body: {
      name: '项目',
      providerId: 'P-MF',
      areaCode: '510402',
      selection: 'comparison',
      perTraineeFen: 100000,
      traineeCount: 10,
      totalFen: 1000000,
      occupationCode: 'X-1',
      level: '4',
    },
    schema: ZCreateProjectRequest,
  },
  { method: 'POST', url: '/classes', body: classBody, schema: ZClassApplication },
  { method: 'PUT', url: '/classes/K-MF', body: classBody, schema: ZClassApplication },
  { method: 'POST', url: '/classes/K-MF/approve', body: { note: '同意' }, schema: ZNoteRequest },
  { method: 'POST', url: '/classes/K-MF/return', body: { note: '退回' }, schema: ZReturnRequest },
  { method: 'POST', url: '/classes/K-MF/close', body: { note: '同意' }, schema: ZNoteRequest },
  {
    method: 'POST',
    url: '/classes/K-MF/attendance',
    body: { sessionId: 1, marks: [{ residentId: rid(31), present: true }] },
    schema: ZAttendanceRequest,
  },
  {
    method: 'POST',
    url: '/classes/K-MF/assessment',
    body: { results: [{ residentId: rid(31), qualified: true, assessedOn: '2020-06-30' }] },
    schema: ZAssessmentRequest,
  },
  {
    method: 'POST',
    url: '/classes/K-MF/certificates',
    body: { residentId: rid(31), type: 'training', number: 'N1', issuedOn: '2020-07-01' },
    schema: ZCertificateRequest,
  },
  { method: 'POST', url: '/plans/PL-MF/status', body: { status: 'listed', note: '好' }, schema: ZPlanStatusRequest },
];

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
/** A JSON value of a type other than the sample's, never null (null may be allowed). */
const otherType = (sample: unknown) =>
  fc
    .oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string(),
      fc.boolean(),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
    )
    .filter((v) => kind(v) !== kind(sample) && !(kind(sample) === 'number' && typeof v === 'number'));

function malformed(body: Record<string, unknown>, schema: ZodObject): fc.Arbitrary<unknown> {
  const keys = Object.keys(body);
  const required = Object.keys(schema.shape).filter(
    (k) => !(schema.shape[k] as { safeParse(v: unknown): { success: boolean } }).safeParse(undefined).success,
  );
  const options: fc.Arbitrary<unknown>[] = [
    fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.boolean()),
    fc.constantFrom(...keys).chain((k) => otherType(body[k]).map((v) => ({ ...body, [k]: v }))),
    fc
      .string({ minLength: 1, maxLength: 8 })
      .filter((k) => !(k in schema.shape))
      .map((k) => ({ ...body, [k]: 1 })),
  ];
  if (required.length > 0)
    options.push(
      fc.constantFrom(...required).map((k) => {
        const { [k]: _, ...rest } = body;
        return rest;
      }),
    );
  return fc.oneof(...options);
}

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertEnterprise(tx, { uscc: E });
    await insertProvider(tx, { id: 'P-MF', scopes: [{ program: 'skill_upgrade' }] });
    await insertPerson(tx, { residentId: rid(31) });
    await tx
      .insertInto('content_filings')
      .values({
        id: 'F-MF',
        enterprise_uscc: E,
        program: 'pre_job',
        title: 't',
        content: 'c',
        filed_on: '2020-01-01',
        created_by: 'test',
        updated_by: null,
        updated_at: null,
      })
      .execute();
    await tx
      .insertInto('classes')
      .values({
        id: 'K-MF',
        provider_id: 'P-MF',
        program: 'skill_upgrade',
        area_code: '510402',
        enterprise_uscc: null,
        occupation_code: '6-16-01-03',
        level: '4',
        entrepreneurship_type: null,
        project_id: null,
        filing_id: null,
        start_date: '2020-05-01',
        end_date: '2020-06-30',
        hours: 120,
        venue: 'v',
        status: 'submitted',
        review_note: null,
        created_by: 'test',
        updated_by: null,
        updated_at: null,
      })
      .execute();
    await tx
      .insertInto('apprenticeship_plans')
      .values({
        id: 'PL-MF',
        enterprise_uscc: E,
        provider_id: null,
        resident_id: rid(31),
        occupation_code: '6-16-01-03',
        level: '4',
        start_date: '2020-03-01',
        end_date: '2021-03-01',
        contract_months: 24,
        created_by: 'test',
        updated_by: null,
        updated_at: null,
      })
      .execute();
  });
  cookie = await sessionFor(t, { username: 'mf-city', displayName: '市人社局', role: 'city', areaCode: '510400' });
}, 60_000);
afterAll(() => t.close());

describe('Malformed bodies on every registry and class write route', () => {
  it.each(routes().map((r) => [`${r.method} ${r.url}`, r] as const))(
    '%s: always a 4xx naming a field, never a 5xx, no row changed',
    async (_, route) => {
      const before = await rowCounts();
      await fc.assert(
        fc.asyncProperty(malformed(route.body, route.schema), async (body) => {
          const res = await t.app.inject({
            method: route.method,
            url: `/api/v1${route.url}`,
            headers: { cookie, 'content-type': 'application/json' },
            payload: JSON.stringify(body),
          });
          expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, res.body).toBeLessThan(500);
          const error = res.json().error;
          expect(typeof error.field, res.body).toBe('string');
          expect(error.field).toMatch(/^body/);
          expect(error.message).toMatch(/[\u4e00-\u9fff]/);
        }),
        { numRuns: Number(process.env.MALFORMED_RUNS ?? 20) },
      );
      expect(await rowCounts()).toEqual(before);
    },
  );
});
