// Every route of /api/v1 declares the schema of its success answer. The serializer sends only what the
// schema names (docs/api-guide.md, "Response schemas"), the OpenAPI document shows it, and the web's
// types are inferred from it; a route without one sends whatever its handler returns, unchecked.
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Assert, Conforms } from '../../src/api/routes/conforms.ts';
import { buildApp } from '../../src/api/app.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

// Routes still without a success response schema when this test was written. THIS LIST MUST ONLY
// SHRINK: give a route its schema (and its Conforms check) and delete its line; never add one.
const NOT_YET_DECLARED = new Set<string>([
  'POST /api/v1/auth/logout',
  'GET /api/v1/payment-batches/:id/bank-file',
  'GET /api/v1/enterprises',
  'POST /api/v1/enterprises',
  'GET /api/v1/enterprises/:id',
  'POST /api/v1/enterprises/:id/education-fund',
  'POST /api/v1/enterprises/:id/difficulty',
  'POST /api/v1/enterprises/:id/insured',
  'GET /api/v1/fact-cases',
  'POST /api/v1/fact-cases/:id/close',
  'GET /api/v1/providers',
  'GET /api/v1/providers/:id',
  'POST /api/v1/providers',
  'POST /api/v1/providers/:id/scopes',
  'POST /api/v1/providers/:id/status',
  'POST /api/v1/providers/:id/entrepreneurship',
  'GET /api/v1/catalog',
  'POST /api/v1/catalog',
  'GET /api/v1/entrepreneurship-types',
  'POST /api/v1/entrepreneurship-types',
  'GET /api/v1/filings',
  'POST /api/v1/filings',
  'POST /api/v1/filings/:id/review',
  'GET /api/v1/plans',
  'POST /api/v1/plans',
  'POST /api/v1/plans/:id/status',
  'GET /api/v1/projects',
  'POST /api/v1/projects',
  'POST /api/v1/risk/scans',
  'GET /api/v1/risk/scans',
  'GET /api/v1/risk/findings',
  'GET /api/v1/risk/scores',
  'POST /api/v1/risk/samples',
  'GET /api/v1/risk/inspections',
  'POST /api/v1/risk/inspections/:id/result',
  'POST /api/v1/risk/sanctions',
  'GET /api/v1/risk/sanctions',
  'GET /api/v1/risk/evaluations',
  'POST /api/v1/risk/evaluations',
  'GET /api/v1/classes/roster-template',
  'POST /api/v1/classes/:id/roster',
  'GET /api/v1/classes/:id/attendance',
  'GET /api/v1/classes/:id/attendance-sheet',
  'GET /api/v1/provider-payments',
  'GET /api/v1/attachments/:id',
  'POST /api/v1/disputes',
  'GET /api/v1/disputes',
  'POST /api/v1/disputes/:id/take',
  'POST /api/v1/disputes/:id/resolve',
  'POST /api/v1/oversight-notes',
  'GET /api/v1/oversight-notes',
  'POST /api/v1/oversight-notes/:id/clear',
  'GET /api/v1/my/payments',
  'GET /api/v1/my/advances',
  'GET /api/v1/my/certificates',
  'GET /api/v1/enterprises/:id/r8-status',
  'GET /api/v1/users',
  'POST /api/v1/users',
  'POST /api/v1/users/:id/active',
  'POST /api/v1/users/:id/password',
  'POST /api/v1/users/:id/payment-duties',
  'GET /api/v1/policy/parameters',
  'POST /api/v1/policy/changes',
  'POST /api/v1/what-if',
  'GET /api/v1/what-if/:id',
  'GET /api/v1/what-if/:id/claims',
  'GET /api/v1/public/notices',
  'GET /api/v1/public/notices/:id',
  'GET /api/v1/public/notices/:id/claims',
  'GET /api/v1/public/programs',
  'GET /api/v1/supervision/funds',
  'GET /api/v1/supervision/enterprise-share',
  'GET /api/v1/public/fund-disclosure',
  'GET /api/v1/public/fund-disclosure/xlsx',
  'GET /api/v1/targets',
  'POST /api/v1/targets',
  'PATCH /api/v1/targets/:id',
  'POST /api/v1/employment-figures',
  'GET /api/v1/goals',
  'GET /api/v1/reports/periodic',
  'GET /api/v1/reports/periodic/xlsx',
  'GET /api/v1/reports/periodic/pdf',
  'POST /api/v1/major-matters',
  'GET /api/v1/major-matters',
  'GET /api/v1/major-matters/:id/report',
  'GET /api/v1/major-matters/:id/report/xlsx',
  'GET /api/v1/major-matters/:id/report/pdf',
  'PUT /api/v1/enterprises/:uscc/headcounts/:year',
  'GET /api/v1/enterprise-headcounts',
  'GET /api/v1/enterprise-headcounts/template',
  'GET /api/v1/publicity-notices/:id/notice.pdf',
  'GET /api/v1/claims/:id/decision-letter.pdf',
  'GET /api/v1/payment-batches/:id/signature-list.pdf',
  'GET /api/v1/classes/:id/opening-review.pdf',
  'GET /api/v1/certificate-issuers',
  'POST /api/v1/certificate-issuers',
  'POST /api/v1/certificate-issuers/:id/approvals',
  'GET /api/v1/ability-specifications',
  'POST /api/v1/ability-specifications',
  'GET /api/v1/registry-certificates',
  'POST /api/v1/registry-certificates',
  'GET /api/v1/registry-certificates/template',
  'POST /api/v1/registry-certificates/import',
  'GET /api/v1/certificate-registry',
  'PUT /api/v1/certificate-registry',
  'GET /api/v1/certificate-holds',
  'GET /api/v1/claims/:id/certificate-check',
  'POST /api/v1/claims/:id/certificate-check',
  'POST /api/v1/claims/:id/certificate-explanation',
  'GET /api/v1/public/certificates/verify',
  'GET /api/v1/classes/:id/sessions/:sessionId/signin-code',
  'PUT /api/v1/classes/:id/sessions/:sessionId/signout',
  'POST /api/v1/signin',
  'POST /api/v1/signin/sms-code',
  'POST /api/v1/signin/sms-verify',
  'GET /api/v1/classes/:id/online-lessons',
  'POST /api/v1/classes/:id/online-lessons',
  'PUT /api/v1/online-lessons/:lessonId/content',
  'POST /api/v1/online-lessons/:lessonId/questions',
  'DELETE /api/v1/online-lessons/:lessonId/questions/:questionId',
  'POST /api/v1/online-lessons/:lessonId/publish',
  'DELETE /api/v1/online-lessons/:lessonId',
  'GET /api/v1/online-lessons/:lessonId/content',
  'GET /api/v1/my/online-lessons',
  'POST /api/v1/online-lessons/:lessonId/viewings',
  'POST /api/v1/online-viewings/:viewingId/beat',
  'POST /api/v1/online-viewings/:viewingId/answer',
  'POST /api/v1/online-viewings/:viewingId/stop',
  'GET /api/v1/classes/:id/online-study',
  'GET /api/v1/registry-exchange/sources/:source/template',
  'GET /api/v1/registry-exchange/sources/:source/sample',
  'GET /api/v1/registry-exchange/exports/:kind',
  'POST /api/v1/classes/:id/applications',
  'GET /api/v1/my/class-applications',
  'POST /api/v1/class-applications/:id/withdraw',
  'GET /api/v1/classes/:id/applications',
  'PUT /api/v1/classes/:id/enrolment',
  'POST /api/v1/class-applications/:id/accept',
  'POST /api/v1/class-applications/:id/decline',
  'GET /api/v1/training-bases',
  'POST /api/v1/training-bases',
  'GET /api/v1/training-bases/:id',
  'GET /api/v1/training-bases/:id/bookings',
  'POST /api/v1/base-bookings',
  'POST /api/v1/base-bookings/:id/cancel',
  'GET /api/v1/classes/:id/base-bookings',
  'GET /api/v1/textbooks',
  'POST /api/v1/textbooks',
  'PUT /api/v1/classes/:id/textbook',
  'GET /api/v1/competitions',
  'POST /api/v1/competitions',
  'GET /api/v1/competitions/:id/results',
  'PUT /api/v1/competitions/:id/results',
  'GET /api/v1/my/competition-results',
]);

const SUCCESS = ['200', '201', '202', '204', '2xx'];

interface Seen {
  route: string;
  declared: boolean;
}

let store: TestStore;
const seen: Seen[] = [];

beforeAll(async () => {
  store = await openTestStore();
  const app = await buildApp(store, {
    onRoute: (r: RouteOptions) => {
      if (!r.url.startsWith('/api/v1/')) return; // the web app's files and the API docs are not API routes
      const response = (r.schema?.response ?? {}) as Record<string, unknown>;
      const declared = Object.keys(response).some((status) => SUCCESS.includes(status));
      for (const method of [r.method].flat()) {
        if (method === 'HEAD') continue; // Fastify's automatic HEAD twin of a GET
        seen.push({ route: `${method} ${r.url}`, declared });
      }
    },
  });
  await app.close();
}, 60_000);
afterAll(() => store?.close());

describe('every API route declares its success response', () => {
  it('finds the routes (the hook saw the real app)', () => {
    expect(seen.length).toBeGreaterThan(200);
  });

  it('a route outside the shrinking list has a 2xx response schema', () => {
    const offenders = seen.filter((s) => !s.declared && !NOT_YET_DECLARED.has(s.route)).map((s) => s.route);
    expect(offenders, `these routes answer without a response schema:\n${offenders.join('\n')}`).toEqual([]);
  });

  it('the list of routes not yet declared holds only routes that still lack one', () => {
    const undeclared = new Set(seen.filter((s) => !s.declared).map((s) => s.route));
    const stale = [...NOT_YET_DECLARED].filter((r) => !undeclared.has(r));
    expect(stale, `remove these from NOT_YET_DECLARED (declared now, or gone):\n${stale.join('\n')}`).toEqual([]);
  });
});

// The compile-time half (conforms.ts), by example: `npm run typecheck` fails if a line expected to be
// an error stops being one, so the guard itself cannot quietly stop guarding.
interface View {
  id: string;
  name: string | null;
  lines: { amountFen: number; payee: string }[];
  note?: string;
}
const ZView = z.object({
  id: z.string(),
  name: z.string().nullable(),
  lines: z.array(z.object({ amountFen: z.number(), payee: z.string() })),
  note: z.string().optional(),
});
const ZWithoutName = ZView.omit({ name: true });
const ZLinesWithoutPayee = ZView.extend({ lines: z.array(z.object({ amountFen: z.number() })) });
const ZWithoutNote = ZView.omit({ note: true });
const ZNameAsNumber = ZView.extend({ name: z.number().nullable() });
const ZWithRequiredExtra = ZView.extend({ status: z.string() });
const viewOf = async (): Promise<View> => ({ id: 'x', name: null, lines: [] });
export type GuardExamples = [
  Assert<Conforms<View, typeof ZView>>,
  Assert<Conforms<typeof viewOf, typeof ZView>>, // a use case: what its promise resolves to
  // @ts-expect-error a key the schema lacks would be stripped from the answer
  Assert<Conforms<View, typeof ZWithoutName>>,
  // @ts-expect-error so would a key of the objects inside a list
  Assert<Conforms<View, typeof ZLinesWithoutPayee>>,
  // @ts-expect-error and an optional key
  Assert<Conforms<View, typeof ZWithoutNote>>,
  // @ts-expect-error a value the schema does not accept (the answer would be a 500)
  Assert<Conforms<View, typeof ZNameAsNumber>>,
  // @ts-expect-error a key the schema requires and the use case never sends
  Assert<Conforms<View, typeof ZWithRequiredExtra>>,
];
