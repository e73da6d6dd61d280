// The access matrix: every route of the app × every role × a record inside the role's
// scope and one outside it, each asserted allowed or denied from ONE declarative table below.
//
// The store holds two of everything a scope can separate: side A in 东区 (510402) and side B in 西区
// (510403), each with a person, an enterprise, a provider, a class, claims in several states, a
// filing, a plan, a project, a publicity notice with an objection, a payment batch and an advance.
// Side A is inside the slice of every scoped user (东区 county, enterprise A, provider A, trainee A,
// the emergency bureau — A's claims and class are safety training —, the veterans bureau — person A
// is a veteran); side B is outside it. Finance reads both; the housing bureau's slice is empty.
//
// The rule the table encodes (and the code follows):
//   anonymous on a non-public route → 401; a role the route does not admit → 403 (before the body is
//   validated, whatever the record); a record outside the role's scope → 404 (its existence does not
//   leak); an area named in the body for a NEW record outside the county's area, or acting in another
//   party's name → 403; anything else is past access (2xx, or 400/409 about the body or the state).
// Routes are enumerated from the app's OpenAPI document, so a new route without a row here fails.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/api/app.ts';
import { maskResidentId, type Actor, type Department, type Role } from '../../src/services/access.ts';
import { createClass } from '../../src/services/classes/create-class.ts';
import type { ClassApplication } from '../../src/services/classes/class-application.ts';
import { insertEnterprise, insertPerson, insertProvider } from '../../src/store/seed/registries.ts';
import { seedUser } from '../../src/demo/seed-users.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, type TestApp } from '../support/api.ts';
import { insertClaimRow, residentId, uscc } from '../support/claims-fixtures.ts';
import { cjkFontInstalled } from '../../src/services/reports/report-files.ts';
import { reviewClassOpening } from '../../src/services/classes/opening-review.ts';
import { residentIdCheckChar } from '../../src/policy/identifiers.ts';
import { luhnValid } from '../../src/services/payments/payee-accounts.ts';
import { createTrainingBase } from '../../src/services/bases/create-training-base.ts';
import { bookTrainingBase } from '../../src/services/bases/book-training-base.ts';
import { businessToday } from '../../src/services/business-date.ts';
import { addDays } from '../../src/policy/dates.ts';
import { createCompetition } from '../../src/services/skills/create-competition.ts';

// ---------------------------------------------------------------------------------------------
// Who: one user per role (departments: four with a slice and one whose slice is empty).
// ---------------------------------------------------------------------------------------------
const DEPTS = ['emergency', 'veterans', 'finance', 'development_reform', 'housing'] as const;
const WHO = ['anon', 'city', 'county', ...DEPTS, 'enterprise', 'provider', 'trainee', 'evaluator'] as const;
type Who = (typeof WHO)[number];
const SIGNED_IN = WHO.filter((w) => w !== 'anon');
const DEPARTMENTS = [...DEPTS];

type Side = 'A' | 'B';
const AREA: Record<Side, string> = { A: '510402', B: '510403' };

// ---------------------------------------------------------------------------------------------
// The fixture: two of everything (ids known up front; class ids come from the store).
// ---------------------------------------------------------------------------------------------
const F = {
  person: { A: residentId(1, '510402'), B: residentId(2, '510403') },
  name: { A: '东区学员甲', B: '西区学员乙' },
  // On class A's roster beside person A, but employed by enterprise B (and entitled to a pension, a
  // §2 fact): enterprise A must not see them, nor any department their full ID or name.
  colleague: { id: residentId(3, '510402'), name: '东区学员丙' },
  enterprise: { A: uscc(901), B: uscc(902) },
  provider: { A: 'MX-PA', B: 'MX-PB' },
  claims: { A: ['MX-CA-1', 'MX-CA-2', 'MX-CA-3', 'MX-CA-4', 'MX-CA-5'], B: ['MX-CB-1', 'MX-CB-2', 'MX-CB-3', 'MX-CB-4', 'MX-CB-5'] },
  filing: { A: 'MX-FA', B: 'MX-FB' },
  plan: { A: 'MX-PLA', B: 'MX-PLB' },
  project: { A: 'MX-PJA', B: 'MX-PJB' },
  notice: { A: 'MX-NA', B: 'MX-NB' },
  objection: { A: 'MX-OA', B: 'MX-OB' },
  batch: { A: 'MX-BA', B: 'MX-BB' },
  advance: { A: 'MX-ADA', B: 'MX-ADB' },
  inspection: { A: 'MX-INS-A', B: 'MX-INS-B' },
  dispute: { A: 'MX-DA', B: 'MX-DB' },
  note: { A: 'MX-NOTE-A', B: 'MX-NOTE-B' },
  // A supporting document (附件) on each side's target claim.
  attachment: { A: '00000000-0000-4000-8000-0000000000a1', B: '00000000-0000-4000-8000-0000000000b1' },
  matter: { A: 'MX-MM-A', B: 'MX-MM-B' },
  factCase: { A: 0, B: 0 },
  class: { A: '', B: '' },
  session: { A: 0, B: 0 },
};
const CLAIM_STATES = ['submitted', 'decided', 'publicity', 'approved', 'rejected'] as const;
/** The record numbers of the target claims (assigned by the database; read after the fixture is made). */
const CLAIM_NUMBER: Record<Side, string> = { A: '', B: '' };
const target = (side: Side) => F.claims[side][0]!; // the claim the per-claim routes act on (submitted, applicant: the trainee)

// ---------------------------------------------------------------------------------------------
// Scopes: which side of each kind of record each role sees (or manages). Unlisted → neither.
// ---------------------------------------------------------------------------------------------
type Sees = Partial<Record<Who, 'A' | 'AB'>>;
const everyone = (v: 'A' | 'AB'): Sees => Object.fromEntries(WHO.map((w) => [w, v]));
const OFFICES: Sees = { city: 'AB', county: 'A' };
const SCOPE = {
  // claim-scope.ts: the city all; a county its area; enterprise/provider/trainee their own; departments their §5.7 slice.
  claim: { city: 'AB', county: 'A', emergency: 'A', veterans: 'A', finance: 'AB', enterprise: 'A', provider: 'A', trainee: 'A' },
  // class-scope.ts: the same slices for classes.
  class: { city: 'AB', county: 'A', emergency: 'A', veterans: 'A', finance: 'AB', enterprise: 'A', provider: 'A', trainee: 'A' },
  classManage: { city: 'AB', county: 'A', provider: 'A' },
  // The classroom QR code and a session's sign-out setting: the class's own provider only.
  classProvider: { provider: 'A' },
  // Online lessons (§5.4): the class's provider, the offices, and the trainees on its roster.
  classOnline: { city: 'AB', county: 'A', provider: 'A', trainee: 'A' },
  // A trainee's own viewing of a lesson.
  ownViewing: { trainee: 'A' },
  // person-scope.ts: departments other than the group-keeping ones see nobody.
  person: { city: 'AB', county: 'A', veterans: 'A', enterprise: 'A', provider: 'A', trainee: 'A' },
  personManage: OFFICES,
  enterprise: { city: 'AB', county: 'A', finance: 'AB', enterprise: 'A' },
  enterpriseManage: OFFICES,
  // Provider A is listed (public); provider B is suspended: only the city and 西区 see it.
  provider: { ...everyone('A'), city: 'AB' },
  providerManage: OFFICES,
  filing: { city: 'AB', county: 'A', enterprise: 'A' },
  plan: { city: 'AB', county: 'A', enterprise: 'A' },
  project: { city: 'AB', county: 'A', provider: 'A', development_reform: 'AB', finance: 'AB' },
  notice: OFFICES,
  objection: OFFICES,
  advance: OFFICES,
  inspection: OFFICES,
  matter: OFFICES,
  // Facts in time: a case a changed fact raised on a claim of the area.
  factCase: OFFICES,
  batchRead: { city: 'AB', county: 'A', finance: 'AB' },
  batchConfirm: { city: 'AB', finance: 'AB' },
  batchPay: OFFICES,
  public: everyone('AB'),
  // Bodies naming an area for a new record (requireOwnArea): a county only its own → else 403.
  areaBody: OFFICES,
  // Bodies naming an existing record of another party: outside the scope → 404 (or 403 where noted).
  enterpriseBody: { city: 'AB', county: 'A', enterprise: 'A' },
  claimBody: { city: 'AB', county: 'A', enterprise: 'A', provider: 'A', trainee: 'A' },
  classBody: { city: 'AB', county: 'A', provider: 'A' },
  personBody: { city: 'AB', county: 'A', enterprise: 'AB', provider: 'AB' },
  // Parties (#5): dispute cases — the trainee's own, the reviewing office's area; department notes — the
  // department's own (note A by the emergency bureau on claim A; note B by the education bureau on claim B).
  dispute: { city: 'AB', county: 'A', trainee: 'A' },
  note: { city: 'AB', county: 'A', emergency: 'A' },
  // A class's supporting documents (attachment-record.ts): the class's readers but its trainees (refused
  // by the route, 403), and an enterprise only on the classes it runs.
  classDocs: { city: 'AB', county: 'A', emergency: 'A', veterans: 'A', finance: 'AB', enterprise: 'A', provider: 'A' },
  ownAdvance: { provider: 'A' },
  // §1 headcounts: the enterprise its own; the offices the enterprises they manage (departments read only).
  headcountWrite: { city: 'AB', county: 'A', enterprise: 'A' },
  // A person's receiving account: the person themself and the offices; the parties who see the person are refused (403).
  payeePerson: { city: 'AB', county: 'A', trainee: 'A', enterprise: 'A', provider: 'A' },
  // Open enrolment (§5.5): an application is the applicant's own (trainee A applied on side A).
  ownApplication: { trainee: 'A' },
  // A base booking: the organisation that made it (booking A is provider A's, B enterprise B's) and the city.
  ownBooking: { city: 'AB', provider: 'A' },
  // A registry certificate's revocation: the city any; its issuer's own login (the evaluator's body issued A).
  certificateRevoke: { city: 'AB', evaluator: 'A' },
} satisfies Record<string, Sees>;
type ScopeName = keyof typeof SCOPE;

/** The registry certificate of each side (A issued by the evaluator's own body; ids from the store). */
const CERT: Record<Side, number> = { A: 0, B: 0 };

/** The registry import and conflict the fixture holds (ids from the store). */
const REGISTRY = { importId: 0, conflictId: 0 };

// ---------------------------------------------------------------------------------------------
// THE TABLE: every route → who may call it, and for record routes the scope of the record.
// ---------------------------------------------------------------------------------------------
interface Ctx {
  side: Side;
  n: number;
}
interface Row {
  /** 'public': anyone, anonymous included; otherwise the roles the route admits (anonymous → 401, others → 403). */
  who: 'public' | readonly Who[];
  /** The record the call names (in the path or the body), and whose scope decides in/out. */
  scope?: ScopeName;
  /** What a role gets for a record outside its scope (default 404). */
  outside?: 403 | 404;
  /** Roles admitted and in scope that are still refused on this record (403), with the reason. */
  refused?: { roles: readonly Who[]; why: string };
  /** Path with :id filled for the side. */
  path?: (c: Ctx) => string;
  body?: (c: Ctx) => unknown;
  /** List routes: the fixture keys of each side, and how to read them from the response. */
  list?: { scope: ScopeName; keys: (side: Side) => string[]; read: (json: any) => string[] };
  /** Log in afresh for this call (logout must not end the session the other cells use). */
  freshSession?: true;
  /** A GET the fixture's record refuses by its state (409, past access): the draft class has no attendance sheet yet. */
  stateRefused?: true;
}

// Every login but the evaluation body's: it works on the certificate registry only, and the records'
// routes open to every other login refuse its role (403).
const ALL_SIGNED_IN = SIGNED_IN.filter((w) => w !== 'evaluator');
const items = (field: string) => (json: any) => (json.items as any[]).map((i) => String(i[field]));
const other = (s: Side): Side => (s === 'A' ? 'B' : 'A');
const classApplication = (side: Side, program: 'safety' | 'skill_upgrade'): ClassApplication => ({
  providerId: F.provider[side],
  program,
  areaCode: AREA[side],
  enterpriseUscc: F.enterprise[side],
  occupationCode: '6-16-01-03',
  level: '4',
  startDate: '2020-03-02',
  endDate: '2020-06-30',
  hours: 120,
  venue: `${side === 'A' ? '东区' : '西区'}培训基地`,
  teachers: [{ name: '王老师', qualification: '高级技师' }],
  trainees: [
    { residentId: F.person[side], name: F.name[side], employerUscc: F.enterprise[side], newHire: false },
    ...(side === 'A' ? [{ residentId: F.colleague.id, name: F.colleague.name, employerUscc: F.enterprise.B, newHire: false }] : []),
  ],
  sessions: [{ day: '2020-03-02', startsAt: '09:00', endsAt: '12:00', hours: 3 }],
});
const fixtureClassProgram = (side: Side) => (side === 'A' ? 'safety' : 'skill_upgrade');

const TABLE: Record<string, Row> = {
  'GET /api/v1/health': { who: 'public' },
  'GET /api/v1/business-date': { who: 'public' },
  'POST /api/v1/auth/login': { who: 'public', body: () => ({ username: 'mx-login', password: 'test-password' }) },
  'POST /api/v1/auth/logout': { who: 'public', freshSession: true },
  'GET /api/v1/auth/session': { who: 'public' },
  'GET /api/v1/auth/me': { who: SIGNED_IN },

  // Claims.
  'POST /api/v1/claims': {
    who: ['trainee', 'enterprise', 'provider', 'city', 'county'],
    scope: 'claimBody',
    outside: 403,
    body: ({ side, n }) => ({
      program: 'safety',
      applicant: 'individual',
      residentId: F.person[side],
      enterpriseUscc: F.enterprise[side],
      providerId: F.provider[side],
      occupationCode: '6-16-01-03',
      startDate: '2020-04-01',
      endDate: '2020-04-10',
      attendedHours: 40,
      qualified: true,
      certificate: { type: 'safety', number: `MX-S-${n}` },
    }),
  },
  'GET /api/v1/claims': { who: ALL_SIGNED_IN, list: { scope: 'claim', keys: (s) => F.claims[s], read: items('id') } },
  'GET /api/v1/claims/{id}': { who: ALL_SIGNED_IN, scope: 'claim', path: ({ side }) => `/claims/${target(side)}` },
  // Printed documents (document.issue): the record's own readers, in the record's own scope.
  'GET /api/v1/claims/{id}/decision-letter.pdf': {
    who: ALL_SIGNED_IN,
    scope: 'claim',
    path: ({ side }) => `/claims/${target(side)}/decision-letter.pdf`,
  },
  // A record number → its kind and page, in the reader's claim scope; outside it 404 like a number never issued.
  'GET /api/v1/records/{number}': { who: SIGNED_IN, scope: 'claim', path: ({ side }) => `/records/${CLAIM_NUMBER[side]}` },
  'POST /api/v1/claims/decide': { who: ['city', 'county'], body: () => ({}) },
  'POST /api/v1/claims/{id}/decide': { who: ['city', 'county'], scope: 'claim', path: ({ side }) => `/claims/${target(side)}/decide` },
  'GET /api/v1/claims/{id}/missing-facts': {
    who: ALL_SIGNED_IN,
    scope: 'claim',
    path: ({ side }) => `/claims/${target(side)}/missing-facts`,
  },
  // Claims outside the office's slice are left out of the answer (as in lists), not refused.
  'GET /api/v1/claims/missing-facts': { who: ['city', 'county'], path: ({ side }) => `/claims/missing-facts?ids=${target(side)}` },
  'POST /api/v1/claims/{id}/review': {
    who: ['city', 'county'],
    scope: 'claim',
    path: ({ side }) => `/claims/${target(side)}/review`,
    body: () => ({ note: '审核' }),
  },
  'POST /api/v1/claims/{id}/reject': {
    who: ['city', 'county'],
    scope: 'claim',
    path: ({ side }) => `/claims/${F.claims[side][1]}/reject`,
    body: () => ({ reason: '材料不全' }),
  },
  'POST /api/v1/claims/{id}/withdraw': {
    who: ['trainee', 'enterprise', 'provider', 'city', 'county'],
    scope: 'claim',
    path: ({ side }) => `/claims/${target(side)}/withdraw`,
    body: () => ({ reason: '撤回' }),
    refused: {
      roles: ['enterprise', 'provider'],
      why: 'the claim sees them but its applicant is the trainee: only the applicant or the HR office withdraws',
    },
  },
  'POST /api/v1/claims/{id}/r3-exception': {
    who: ['city'],
    scope: 'claim',
    path: ({ side }) => `/claims/${F.claims[side][1]}/r3-exception`,
    body: () => ({ reason: '特殊情况' }),
  },
  'POST /api/v1/claims/{id}/approve': {
    who: ['city', 'county'],
    scope: 'claim',
    path: ({ side }) => `/claims/${F.claims[side][2]}/approve`,
  },

  // Publicity.
  'POST /api/v1/publicity-notices': {
    who: ['city', 'county'],
    scope: 'areaBody',
    outside: 403,
    body: ({ side }) => ({ areaCode: AREA[side], title: '公示', startsOn: '2020-07-01', claimIds: [F.claims[side][1]] }),
  },
  'GET /api/v1/publicity-notices': {
    who: 'public',
    list: { scope: 'public', keys: (s) => [F.notice[s]], read: (json) => (json as any[]).map((n) => n.id) },
  },
  'POST /api/v1/publicity-notices/{id}/objections': {
    who: 'public',
    scope: 'public',
    path: ({ side }) => `/publicity-notices/${F.notice[side]}/objections`,
    body: ({ side }) => ({ claimId: F.claims[side][2], text: '我有异议' }),
  },
  'POST /api/v1/objections/{id}/resolve': {
    who: ['city', 'county'],
    scope: 'objection',
    path: ({ side }) => `/objections/${F.objection[side]}/resolve`,
    body: () => ({ verdict: 'dismissed', resolution: '异议不成立' }),
  },
  'POST /api/v1/publicity-notices/{id}/close': {
    who: ['city', 'county'],
    scope: 'notice',
    path: ({ side }) => `/publicity-notices/${F.notice[side]}/close`,
    body: () => ({}),
  },

  // Funds, advances, payment batches.
  'POST /api/v1/funds': { who: ['city'], body: ({ n }) => ({ source: 'employment_fund', year: 2030 + (n % 60), budgetFen: 100 }) },
  'GET /api/v1/funds': { who: ['city', 'county', 'finance'] },
  'GET /api/v1/funds/{id}/ledger': { who: ['city', 'county', 'finance'], path: () => '/funds/special_action-2020/ledger' },
  'POST /api/v1/advances': {
    who: ['city', 'county'],
    scope: 'advance',
    path: () => '/advances',
    body: ({ side }) => ({ kind: 'project', subjectId: F.project[side], amountFen: 100, paidOn: '2020-05-01' }),
  },
  'POST /api/v1/advances/{id}/recover': {
    who: ['city', 'county'],
    scope: 'advance',
    path: ({ side }) => `/advances/${F.advance[side]}/recover`,
    body: () => ({ reason: '项目终止' }),
  },
  'POST /api/v1/payment-batches': {
    who: ['city', 'county'],
    scope: 'areaBody',
    outside: 403,
    body: ({ side }) => ({ areaCode: AREA[side], fundId: 'special_action-2020' }),
  },
  'GET /api/v1/payment-batches/{id}': {
    who: ['city', 'county', 'finance'],
    scope: 'batchRead',
    path: ({ side }) => `/payment-batches/${F.batch[side]}`,
  },
  'GET /api/v1/payment-batches/{id}/signature-list.pdf': {
    who: ['city', 'county', 'finance'],
    scope: 'batchRead',
    path: ({ side }) => `/payment-batches/${F.batch[side]}/signature-list.pdf`,
  },
  'POST /api/v1/payment-batches/{id}/confirm': {
    who: ['city', 'finance'],
    scope: 'batchConfirm',
    path: ({ side }) => `/payment-batches/${F.batch[side]}/confirm`,
  },
  'POST /api/v1/payment-batches/{id}/pay': {
    who: ['city', 'county'],
    scope: 'batchPay',
    path: ({ side }) => `/payment-batches/${F.batch[side]}/pay`,
    body: () => ({ bankRef: 'MATRIX-1' }),
  },
  // A draft is cancelled by 经办 (the offices, a county in its area) or 复核 (the city, the finance bureau).
  'POST /api/v1/payment-batches/{id}/cancel': {
    who: ['city', 'county', 'finance'],
    scope: 'batchRead',
    path: ({ side }) => `/payment-batches/${F.batch[side]}/cancel`,
    body: () => ({ reason: '矩阵测试' }),
  },

  // People.
  // Keyed by the masked ID: departments are shown people masked (access.ts), the others in full.
  'GET /api/v1/people': {
    who: ALL_SIGNED_IN,
    list: { scope: 'person', keys: (s) => [maskResidentId(F.person[s])], read: (json) => items('residentId')(json).map(maskResidentId) },
  },
  // Real-name registration is the offices' (§5.2): a party registering would learn which IDs exist.
  'POST /api/v1/people': {
    who: ['city', 'county'],
    scope: 'personBody',
    outside: 403,
    body: ({ side, n }) => ({ residentId: residentId(300 + n, AREA[side]), name: `新登记${n}`, areaCode: AREA[side] }),
  },
  'GET /api/v1/people/{id}': { who: ALL_SIGNED_IN, scope: 'person', path: ({ side }) => `/people/${F.person[side]}` },
  'PATCH /api/v1/people/{id}': {
    who: ['city', 'county'],
    scope: 'personManage',
    path: ({ side }) => `/people/${F.person[side]}`,
    body: () => ({ phone: '13800000000' }),
  },
  'POST /api/v1/people/{id}/facts': {
    who: ['city', 'county'],
    scope: 'personManage',
    path: ({ side }) => `/people/${F.person[side]}/facts`,
    body: () => ({ fact: 'rural', value: false, source: '核查', asOf: '2020-01-01' }),
  },
  // §2 facts never reach a party (enterprise, provider), whatever its relationship to the person.
  'GET /api/v1/people/{id}/facts': {
    who: ['city', 'county', ...DEPARTMENTS, 'trainee'],
    scope: 'person',
    path: ({ side }) => `/people/${F.person[side]}/facts`,
  },

  // Enterprises.
  'GET /api/v1/enterprises': {
    who: ['city', 'county', ...DEPARTMENTS, 'enterprise'],
    list: { scope: 'enterprise', keys: (s) => [F.enterprise[s]], read: items('uscc') },
  },
  'POST /api/v1/enterprises': {
    who: ['city', 'county'],
    scope: 'areaBody',
    outside: 403,
    body: ({ side, n }) => ({ uscc: uscc(400 + n), name: `新企业${n}`, areaCode: AREA[side], industry: 'other', insured: true }),
  },
  'GET /api/v1/enterprises/{id}': {
    who: ['city', 'county', ...DEPARTMENTS, 'enterprise'],
    scope: 'enterprise',
    path: ({ side }) => `/enterprises/${F.enterprise[side]}`,
  },
  'POST /api/v1/enterprises/{id}/education-fund': {
    who: ['city', 'county'],
    scope: 'enterpriseManage',
    path: ({ side }) => `/enterprises/${F.enterprise[side]}/education-fund`,
    body: () => ({ year: 2020, fullyUsed: true, source: '税务数据' }),
  },
  'POST /api/v1/enterprises/{id}/difficulty': {
    who: ['city', 'county'],
    scope: 'enterpriseManage',
    path: ({ side }) => `/enterprises/${F.enterprise[side]}/difficulty`,
    body: ({ n }) => ({ validFrom: `2020-${String(1 + (n % 12)).padStart(2, '0')}-01`, validTo: null, source: '认定文件' }),
  },
  'POST /api/v1/enterprises/{id}/insured': {
    who: ['city', 'county'],
    scope: 'enterpriseManage',
    path: ({ side }) => `/enterprises/${F.enterprise[side]}/insured`,
    body: () => ({ value: true, asOf: '2020-01-01', source: '社保经办机构', dryRun: true }),
  },
  // Facts in time: the office's cases (a second close of the same case is a 409, past access).
  'GET /api/v1/fact-cases': {
    who: ['city', 'county'],
    list: { scope: 'factCase', keys: (s) => [String(F.factCase[s])], read: items('id') },
  },
  'POST /api/v1/fact-cases/{id}/close': {
    who: ['city', 'county'],
    scope: 'factCase',
    path: ({ side }) => `/fact-cases/${F.factCase[side]}/close`,
    body: () => ({ resolution: '已核实，判定不变' }),
  },

  // Providers.
  'GET /api/v1/providers': { who: 'public', list: { scope: 'provider', keys: (s) => [F.provider[s]], read: items('id') } },
  'POST /api/v1/providers': {
    who: ['city', 'county'],
    scope: 'areaBody',
    outside: 403,
    body: ({ side, n }) => ({ id: `MX-NEW-${n}`, name: `新机构${n}`, kind: 'social_institution', areaCode: AREA[side] }),
  },
  'GET /api/v1/providers/{id}': { who: 'public', scope: 'provider', path: ({ side }) => `/providers/${F.provider[side]}` },
  'POST /api/v1/providers/{id}/scopes': {
    who: ['city', 'county'],
    scope: 'providerManage',
    path: ({ side }) => `/providers/${F.provider[side]}/scopes`,
    body: () => ({ program: 'safety', occupationCode: null, level: null, validFrom: '2020-01-14', validTo: null }),
  },
  // Each side is asked for the status it already has (an invalid transition, 409): the listing, which
  // decides who sees a provider, never changes under the other cells.
  'POST /api/v1/providers/{id}/status': {
    who: ['city', 'county'],
    scope: 'providerManage',
    path: ({ side }) => `/providers/${F.provider[side]}/status`,
    body: ({ side }) => ({ status: side === 'A' ? 'listed' : 'suspended', reason: '核查' }),
  },
  'POST /api/v1/providers/{id}/entrepreneurship': {
    who: ['city'],
    scope: 'providerManage',
    path: ({ side }) => `/providers/${F.provider[side]}/entrepreneurship`,
    body: () => ({ qualified: true, reason: '资质审核' }),
  },

  // Catalog.
  'GET /api/v1/catalog': { who: 'public' },
  'POST /api/v1/catalog': {
    who: ['city'],
    body: ({ n }) => ({
      section: 'upgrade',
      code: `MX-${n}`,
      name: '测试工种',
      level: 4,
      baseStandardYuan: 1000,
      industry: 'other',
      upliftRate: 0,
      appraisalStandardYuan: null,
      hours: null,
      edition: null,
      effectiveFrom: '2021-01-01',
      effectiveTo: null,
    }),
  },
  'GET /api/v1/entrepreneurship-types': { who: 'public' },
  'POST /api/v1/entrepreneurship-types': {
    who: ['city'],
    body: ({ n }) => ({ code: `MX-T-${n}`, name: '测试类别', amountYuan: 500, effectiveFrom: '2021-01-01', effectiveTo: null }),
  },

  // Classes.
  'GET /api/v1/classes': { who: ALL_SIGNED_IN, list: { scope: 'class', keys: (s) => [F.class[s]], read: items('id') } },
  'POST /api/v1/classes': {
    who: ['provider', 'county', 'city'],
    scope: 'classBody',
    outside: 403,
    body: ({ side }) => classApplication(side, 'skill_upgrade'),
  },
  'GET /api/v1/classes/{id}': { who: ALL_SIGNED_IN, scope: 'class', path: ({ side }) => `/classes/${F.class[side]}` },
  'PUT /api/v1/classes/{id}': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}`,
    body: ({ side }) => classApplication(side, fixtureClassProgram(side)),
  },
  'GET /api/v1/classes/{id}/review': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/review`,
  },
  'GET /api/v1/classes/{id}/opening-review.pdf': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/opening-review.pdf`,
  },
  'POST /api/v1/classes/{id}/submit': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/submit`,
  },
  'POST /api/v1/classes/{id}/approve': {
    who: ['county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/approve`,
    body: () => ({ note: '同意' }),
  },
  'POST /api/v1/classes/{id}/return': {
    who: ['county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/return`,
    body: () => ({ note: '补充材料' }),
  },
  'POST /api/v1/classes/{id}/start': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/start`,
  },
  'POST /api/v1/classes/{id}/attendance': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/attendance`,
    body: ({ side }) => ({ sessionId: F.session[side], marks: [{ residentId: F.person[side], present: true }] }),
  },
  'POST /api/v1/classes/{id}/assessment': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/assessment`,
    body: ({ side }) => ({ results: [{ residentId: F.person[side], qualified: true, assessedOn: '2020-06-30' }] }),
  },
  'POST /api/v1/classes/{id}/assess': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/assess`,
  },
  'POST /api/v1/classes/{id}/certificates': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/certificates`,
    body: ({ side, n }) => ({ residentId: F.person[side], type: 'safety', number: `MX-C-${n}`, issuedOn: '2020-07-01' }),
  },
  'POST /api/v1/classes/{id}/close': {
    who: ['county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/close`,
    body: () => ({ note: '验收' }),
  },
  // The provider's Excel files and claims. Uploads get a JSON body here: past access, refused as "not an .xlsx" (400), nothing written.
  'GET /api/v1/classes/roster-template': { who: ['provider', 'county', 'city'] },
  'POST /api/v1/classes/{id}/roster': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/roster`,
  },
  // The fixture's session is not today: its QR code is refused by its state (409).
  'GET /api/v1/classes/{id}/sessions/{sessionId}/signin-code': {
    who: ['provider'],
    scope: 'classProvider',
    path: ({ side }) => `/classes/${F.class[side]}/sessions/${F.session[side]}/signin-code`,
    stateRefused: true,
  },
  'PUT /api/v1/classes/{id}/sessions/{sessionId}/signout': {
    who: ['provider'],
    scope: 'classProvider',
    path: ({ side }) => `/classes/${F.class[side]}/sessions/${F.session[side]}/signout`,
    body: () => ({ requiresSignout: false }),
  },
  'POST /api/v1/signin': {
    who: ['trainee'],
    body: ({ side }) => ({ sessionId: F.session[side], token: 'not-a-token', deviceId: 'mx-device-0000000001' }),
  },
  'GET /api/v1/classes/{id}/attendance': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/attendance`,
  },
  'GET /api/v1/classes/{id}/attendance-sheet': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/attendance-sheet`,
    stateRefused: true,
  },
  'POST /api/v1/classes/{id}/attendance-import': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/attendance-import`,
  },
  // Only a closed class is claimed for: the fixture's class is not closed (409), so no claim is written.
  'POST /api/v1/classes/{id}/claims': {
    who: ['provider'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/claims`,
    body: () => ({}),
  },
  'GET /api/v1/provider-payments': { who: ['provider'] },

  // Online learning (§5.4). The fixture's lessons are published (fixed): the provider's changes are refused by their state (409).
  'GET /api/v1/classes/{id}/online-lessons': {
    who: ['provider', 'county', 'city', 'trainee'],
    scope: 'classOnline',
    path: ({ side }) => `/classes/${F.class[side]}/online-lessons`,
  },
  // Class A is §4.10 safety training: online lessons are refused by its program (409).
  'POST /api/v1/classes/{id}/online-lessons': {
    who: ['provider'],
    scope: 'classProvider',
    path: ({ side }) => `/classes/${F.class[side]}/online-lessons`,
    body: () => ({ title: '矩阵课程', kind: 'video', durationSeconds: 600 }),
  },
  'PUT /api/v1/online-lessons/{lessonId}/content': {
    who: ['provider'],
    scope: 'classProvider',
    path: ({ side }) => `/online-lessons/${ONLINE.lesson[side]}/content`,
  },
  'POST /api/v1/online-lessons/{lessonId}/questions': {
    who: ['provider'],
    scope: 'classProvider',
    path: ({ side }) => `/online-lessons/${ONLINE.lesson[side]}/questions`,
    body: () => ({ prompt: '矩阵题', options: ['甲', '乙'], answer: 0 }),
  },
  'DELETE /api/v1/online-lessons/{lessonId}/questions/{questionId}': {
    who: ['provider'],
    scope: 'classProvider',
    path: ({ side }) => `/online-lessons/${ONLINE.lesson[side]}/questions/${ONLINE.question[side]}`,
  },
  'POST /api/v1/online-lessons/{lessonId}/publish': {
    who: ['provider'],
    scope: 'classProvider',
    path: ({ side }) => `/online-lessons/${ONLINE.lesson[side]}/publish`,
  },
  'DELETE /api/v1/online-lessons/{lessonId}': {
    who: ['provider'],
    scope: 'classProvider',
    path: ({ side }) => `/online-lessons/${ONLINE.lesson[side]}`,
  },
  'GET /api/v1/online-lessons/{lessonId}/content': {
    who: ['provider', 'county', 'city', 'trainee'],
    scope: 'classOnline',
    path: ({ side }) => `/online-lessons/${ONLINE.lesson[side]}/content`,
  },
  'GET /api/v1/my/online-lessons': { who: ['trainee'] },
  // Class A is not running (and not a program online time counts for): a start is refused by its state (409).
  'POST /api/v1/online-lessons/{lessonId}/viewings': {
    who: ['trainee'],
    scope: 'ownViewing',
    path: ({ side }) => `/online-lessons/${ONLINE.lesson[side]}/viewings`,
    body: () => ({ deviceId: 'mx-device-0000000002' }),
  },
  'POST /api/v1/online-viewings/{viewingId}/beat': {
    who: ['trainee'],
    scope: 'ownViewing',
    path: ({ side }) => `/online-viewings/${ONLINE.viewing[side]}/beat`,
  },
  // No check question waits: refused by its state (409).
  'POST /api/v1/online-viewings/{viewingId}/answer': {
    who: ['trainee'],
    scope: 'ownViewing',
    path: ({ side }) => `/online-viewings/${ONLINE.viewing[side]}/answer`,
    body: ({ side }) => ({ questionId: ONLINE.question[side], choice: 0 }),
  },
  'POST /api/v1/online-viewings/{viewingId}/stop': {
    who: ['trainee'],
    scope: 'ownViewing',
    path: ({ side }) => `/online-viewings/${ONLINE.viewing[side]}/stop`,
  },
  'GET /api/v1/classes/{id}/online-study': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/online-study`,
  },

  // Filings, plans, projects.
  'GET /api/v1/filings': {
    who: ['city', 'county', 'enterprise'],
    list: { scope: 'filing', keys: (s) => [F.filing[s]], read: items('id') },
  },
  'POST /api/v1/filings': {
    who: ['enterprise', 'county', 'city'],
    scope: 'enterpriseBody',
    body: ({ side }) => ({
      enterpriseUscc: F.enterprise[side],
      program: 'short_term',
      title: '岗位技能培训',
      content: '培训内容',
      filedOn: '2020-02-01',
    }),
  },
  'POST /api/v1/filings/{id}/review': {
    who: ['county', 'city'],
    scope: 'filing',
    path: ({ side }) => `/filings/${F.filing[side]}/review`,
    body: () => ({ verdict: 'accepted', note: null }),
  },
  'GET /api/v1/plans': { who: ['city', 'county', 'enterprise'], list: { scope: 'plan', keys: (s) => [F.plan[s]], read: items('id') } },
  'POST /api/v1/plans': {
    who: ['enterprise', 'county', 'city'],
    scope: 'enterpriseBody',
    body: ({ side }) => ({
      enterpriseUscc: F.enterprise[side],
      providerId: null,
      residentId: F.person[side],
      name: F.name[side],
      occupationCode: '6-16-01-03',
      level: '4',
      startDate: '2020-03-01',
      endDate: '2021-02-28',
      contractMonths: 24,
    }),
  },
  // 'completed' from 'submitted' is not a move (409): past access, and the plan stays as it was.
  'POST /api/v1/plans/{id}/status': {
    who: ['enterprise', 'county', 'city'],
    scope: 'plan',
    path: ({ side }) => `/plans/${F.plan[side]}/status`,
    body: () => ({ status: 'completed', note: null }),
  },
  'GET /api/v1/projects': {
    who: ['city', 'county', 'provider', ...DEPARTMENTS],
    list: { scope: 'project', keys: (s) => [F.project[s]], read: items('id') },
  },
  'POST /api/v1/projects': {
    who: ['city', 'county'],
    scope: 'areaBody',
    outside: 403,
    body: ({ side, n }) => ({
      name: `项目${n}`,
      providerId: F.provider[side],
      areaCode: AREA[side],
      selection: 'open_tender',
      perTraineeFen: 100000,
      traineeCount: 10,
      totalFen: 1000000,
      occupationCode: null,
      level: null,
    }),
  },

  // Fraud risk (#6 §5.2/§5.3): findings and scores for the offices and the finance bureau (masked).
  'POST /api/v1/risk/scans': { who: ['city'] },
  'GET /api/v1/risk/findings': { who: ['city', 'county', 'finance'] },
  'GET /api/v1/risk/scores': { who: ['city', 'county', 'finance'], path: () => '/risk/scores?kind=claim' },
  'POST /api/v1/risk/samples': {
    who: ['city', 'county'],
    scope: 'areaBody',
    outside: 403,
    body: ({ side }) => ({ seed: 'mx', areaCode: AREA[side] }),
  },
  'POST /api/v1/risk/inspections/{id}/result': {
    who: ['city', 'county'],
    scope: 'inspection',
    path: ({ side }) => `/risk/inspections/${F.inspection[side]}/result`,
    body: () => ({ result: 'clean', note: '现场核查正常', inspectedOn: '2020-03-02' }),
  },
  // The rejected claim cannot be rejected again nor has a payment to recover (409): past access, and nothing changes.
  'POST /api/v1/risk/sanctions': {
    who: ['city', 'county'],
    scope: 'advance',
    path: () => '/risk/sanctions',
    body: ({ side }) => ({ target: 'claim', claimId: F.claims[side][4], reason: '查处', on: '2020-08-01' }),
  },
  'GET /api/v1/risk/sanctions': { who: 'public' },
  // A passing score: recorded, and the listing (which decides who sees a provider) stays as it was.
  'POST /api/v1/risk/evaluations': {
    who: ['city', 'county'],
    scope: 'providerManage',
    path: () => '/risk/evaluations',
    body: ({ side }) => ({ providerId: F.provider[side], evaluator: '第三方评估机构', evaluatedOn: '2020-09-01', score: 80 }),
  },

  // Review screens (#5): bulk acts per claim (a claim outside the slice is a per-claim not_found in a
  // 200 report; approving a submitted claim fails per claim and changes nothing), notices, batches.
  'POST /api/v1/claims/bulk': { who: ['city', 'county'], body: ({ side }) => ({ action: 'approve', claimIds: [target(side)] }) },
  'GET /api/v1/review/publicity-notices': {
    who: ['city', 'county'],
    list: { scope: 'notice', keys: (s) => [F.notice[s]], read: items('id') },
  },
  'GET /api/v1/review/publicity-notices/{id}': {
    who: ['city', 'county'],
    scope: 'notice',
    path: ({ side }) => `/review/publicity-notices/${F.notice[side]}`,
  },
  'GET /api/v1/publicity-notices/{id}/notice.pdf': {
    who: ['city', 'county'],
    scope: 'notice',
    path: ({ side }) => `/publicity-notices/${F.notice[side]}/notice.pdf`,
  },
  'GET /api/v1/review/payment-batches': {
    who: ['city', 'county'],
    list: { scope: 'batchPay', keys: (s) => [F.batch[s]], read: items('id') },
  },
  'GET /api/v1/review/payment-batches/{id}/lines': {
    who: ['city', 'county'],
    scope: 'batchPay',
    path: ({ side }) => `/review/payment-batches/${F.batch[side]}/lines`,
  },
  'GET /api/v1/review/payable': { who: ['city', 'county'] },
  // Parties (#5). The fixture dispute on claim 4 (approved) is taken: a second one is a conflict (409), taking it again 409.
  'POST /api/v1/disputes': {
    who: ['trainee'],
    scope: 'claimBody',
    body: ({ side }) => ({ claimId: F.claims[side][3], reason: '我没有参加过这个培训' }),
  },
  'GET /api/v1/disputes': {
    who: ['city', 'county', 'trainee'],
    list: { scope: 'dispute', keys: (s) => [F.dispute[s]], read: items('id') },
  },
  // Supporting documents (附件): the record's own scope; the body is the file (an empty JSON body is a 400 past access).
  'GET /api/v1/classes/{id}/attachments': {
    who: ['city', 'county', ...DEPARTMENTS, 'provider', 'enterprise'],
    scope: 'classDocs',
    path: ({ side }) => `/classes/${F.class[side]}/attachments`,
  },
  'POST /api/v1/classes/{id}/attachments': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/attachments?kind=teaching_plan&name=plan.pdf`,
  },
  'GET /api/v1/claims/{id}/attachments': { who: ALL_SIGNED_IN, scope: 'claim', path: ({ side }) => `/claims/${target(side)}/attachments` },
  'POST /api/v1/claims/{id}/attachments': {
    who: ['city', 'county', 'enterprise', 'provider', 'trainee'],
    scope: 'claim',
    path: ({ side }) => `/claims/${target(side)}/attachments?kind=certificate_scan&name=scan.png`,
  },
  'GET /api/v1/disputes/{id}/attachments': {
    who: ['city', 'county', 'trainee'],
    scope: 'dispute',
    path: ({ side }) => `/disputes/${F.dispute[side]}/attachments`,
  },
  'POST /api/v1/disputes/{id}/attachments': {
    who: ['city', 'county', 'trainee'],
    scope: 'dispute',
    path: ({ side }) => `/disputes/${F.dispute[side]}/attachments?kind=dispute_evidence&name=e.png`,
  },
  'GET /api/v1/objections/{id}/attachments': {
    who: ['city', 'county'],
    scope: 'objection',
    path: ({ side }) => `/objections/${F.objection[side]}/attachments`,
  },
  'POST /api/v1/objections/{id}/attachments': {
    who: ['city', 'county'],
    scope: 'objection',
    path: ({ side }) => `/objections/${F.objection[side]}/attachments?kind=objection_evidence&name=e.pdf`,
  },
  // Sign-in without an account: public; the body names a session and a code the fixture never showed (400 past access).
  'POST /api/v1/signin/sms-code': {
    who: 'public',
    body: ({ side }) => ({ sessionId: F.session[side], token: 'x', residentId: F.person[side], name: F.name[side] }),
  },
  'POST /api/v1/signin/sms-verify': {
    who: 'public',
    body: () => ({ challengeId: 'no-such-challenge', code: '123456', deviceId: 'matrix-device-0001' }),
  },
  'GET /api/v1/attachments/{id}': { who: ALL_SIGNED_IN, scope: 'claim', path: ({ side }) => `/attachments/${F.attachment[side]}` },
  'POST /api/v1/disputes/{id}/take': { who: ['city', 'county'], scope: 'dispute', path: ({ side }) => `/disputes/${F.dispute[side]}/take` },
  'POST /api/v1/disputes/{id}/resolve': {
    who: ['city', 'county'],
    scope: 'dispute',
    path: ({ side }) => `/disputes/${F.dispute[side]}/resolve`,
    body: () => ({ finding: 'dismissed', resolution: '经核实，培训属实' }),
  },
  'POST /api/v1/oversight-notes': {
    who: DEPARTMENTS,
    scope: 'claim',
    body: ({ side }) => ({ subjectKind: 'claim', subjectId: target(side), kind: 'comment', text: '请核实学员身份' }),
  },
  'GET /api/v1/oversight-notes': {
    who: ['city', 'county', ...DEPARTMENTS],
    list: { scope: 'note', keys: (s) => [F.note[s]], read: items('id') },
  },
  'POST /api/v1/oversight-notes/{id}/clear': {
    who: ['city', 'county'],
    scope: 'note',
    path: ({ side }) => `/oversight-notes/${F.note[side]}/clear`,
    body: () => ({ note: '已核实' }),
  },
  'GET /api/v1/my/payments': {
    who: ['trainee', 'enterprise', 'provider'],
    list: { scope: 'claim', keys: (s) => [F.claims[s][3]!], read: items('claimId') },
  },
  'GET /api/v1/my/advances': {
    who: ['enterprise', 'provider'],
    list: { scope: 'ownAdvance', keys: (s) => [F.advance[s]], read: items('id') },
  },
  'GET /api/v1/my/certificates': { who: ['trainee'] },
  'GET /api/v1/enterprises/{id}/r8-status': {
    who: ['city', 'county', ...DEPARTMENTS, 'enterprise'],
    scope: 'enterprise',
    path: ({ side }) => `/enterprises/${F.enterprise[side]}/r8-status`,
  },
  // City administration (#5): users, policy parameters, what-if — the city only. The user rows act on
  // a login of their own (ADMIN.user); enabling an active user is not a move (409), nothing changes.
  'GET /api/v1/users': { who: ['city'] },
  'POST /api/v1/users': {
    who: ['city'],
    body: ({ n }) => ({ username: `mx-new-${n}`, displayName: '新用户', password: 'Kangyang-2021x', role: 'county', areaCode: '510402' }),
  },
  'POST /api/v1/users/{id}/active': {
    who: ['city'],
    path: () => `/users/${ADMIN.user}/active`,
    body: () => ({ active: true, reason: '核查' }),
  },
  'POST /api/v1/users/{id}/password': {
    who: ['city'],
    path: () => `/users/${ADMIN.user}/password`,
    body: () => ({ password: 'Kangyang-2021x' }),
  },
  'POST /api/v1/users/{id}/payment-duties': {
    who: ['city'],
    path: () => `/users/${ADMIN.user}/payment-duties`,
    body: () => ({ paymentDuties: [], reason: '矩阵测试' }),
  },
  'GET /api/v1/policy/parameters': { who: ['city'] },
  'POST /api/v1/policy/changes': {
    who: ['city'],
    body: () => ({ parameter: 'advance.maxPercent', value: 50, validFrom: '2021-06-01', validTo: null, reason: '矩阵测试' }),
  },
  'POST /api/v1/what-if': {
    who: ['city'],
    body: () => ({ parameter: 'safety.amountYuan', value: 1200, from: '2020-01-14', to: '2020-12-31' }),
  },
  'GET /api/v1/what-if/{id}': { who: ['city'], path: () => `/what-if/${ADMIN.whatIf}` },
  'GET /api/v1/what-if/{id}/claims': { who: ['city'], path: () => `/what-if/${ADMIN.whatIf}/claims` },
  // Public information (#5): notices with their claims (masked), the class programs.
  'GET /api/v1/public/notices': { who: 'public', list: { scope: 'public', keys: (s) => [F.notice[s]], read: items('id') } },
  'GET /api/v1/public/notices/{id}': { who: 'public', scope: 'public', path: ({ side }) => `/public/notices/${F.notice[side]}` },
  'GET /api/v1/public/notices/{id}/claims': {
    who: 'public',
    scope: 'public',
    path: ({ side }) => `/public/notices/${F.notice[side]}/claims`,
  },
  'GET /api/v1/public/programs': { who: 'public' },
  // Open enrolment (§5.5; docs/open-classes.md): the open list and an open class are public; applying
  // and one's own applications are the trainee's; the class's applications are its managers'.
  'GET /api/v1/public/open-classes': { who: 'public' },
  'GET /api/v1/public/open-classes/{id}': { who: 'public', path: () => `/public/open-classes/${OPEN.class.A}` },
  'POST /api/v1/classes/{id}/applications': {
    who: ['trainee'],
    path: () => `/classes/${OPEN.class.A}/applications`,
    body: () => ({ note: null }),
  },
  'GET /api/v1/my/class-applications': { who: ['trainee'] },
  'POST /api/v1/class-applications/{id}/withdraw': {
    who: ['trainee'],
    scope: 'ownApplication',
    path: ({ side }) => `/class-applications/${OPEN.application[side]}/withdraw`,
  },
  'GET /api/v1/classes/{id}/applications': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${OPEN.class[side]}/applications`,
  },
  'PUT /api/v1/classes/{id}/enrolment': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/enrolment`,
    body: () => ({ publicEnrolment: false, seats: null, enrolBy: null }),
  },
  'POST /api/v1/class-applications/{id}/accept': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/class-applications/${OPEN.application[side]}/accept`,
  },
  // §5.4 shared capacity: bases (read by the offices and parties who book; registered by the city),
  // bookings (an organisation's own; a class's bookings by the class's scope), textbooks, competitions.
  'GET /api/v1/training-bases': { who: ['city', 'county', 'provider', 'enterprise'] },
  'POST /api/v1/training-bases': {
    who: ['city'],
    body: ({ n }) => ({
      name: `矩阵基地${n}`,
      address: '东区',
      areaCode: '510402',
      equipment: '',
      capacity: 10,
      consumables: [{ name: '焊条', unit: '公斤', priceFen: 100 }],
    }),
  },
  'GET /api/v1/training-bases/{id}': { who: ['city', 'county', 'provider', 'enterprise'], path: () => `/training-bases/${CAP.base}` },
  'GET /api/v1/training-bases/{id}/bookings': {
    who: ['city', 'county', 'provider', 'enterprise'],
    path: () => `/training-bases/${CAP.base}/bookings?from=2021-06-01&to=2021-06-30`,
  },
  'POST /api/v1/base-bookings': {
    who: ['city', 'county', 'provider', 'enterprise'],
    body: ({ n }) => ({
      baseId: CAP.base,
      classId: null,
      day: addDays(businessToday(), 31), // a base is booked for a day to come
      startsAt: `${String(n % 24).padStart(2, '0')}:00`,
      endsAt: `${String(n % 24).padStart(2, '0')}:30`,
      seats: 1,
      purpose: '',
      items: [],
    }),
  },
  'POST /api/v1/base-bookings/{id}/cancel': {
    who: ['city', 'county', 'provider', 'enterprise'],
    scope: 'ownBooking',
    path: ({ side }) => `/base-bookings/${CAP.booking[side]}/cancel`,
    body: () => ({ reason: '矩阵测试' }),
  },
  'GET /api/v1/classes/{id}/base-bookings': {
    who: ['city', 'county', 'provider', 'enterprise'],
    scope: 'class',
    path: ({ side }) => `/classes/${F.class[side]}/base-bookings`,
  },
  'GET /api/v1/classes/{id}/textbook': {
    who: ['city', 'county', 'provider', 'enterprise'],
    scope: 'class',
    path: ({ side }) => `/classes/${F.class[side]}/textbook`,
  },
  'GET /api/v1/textbooks': { who: ['city', 'county', 'provider', 'enterprise'] },
  'POST /api/v1/textbooks': {
    who: ['city'],
    body: ({ n }) => ({ occupationCode: '6-16-01-03', title: `矩阵教材${n}`, kind: 'standard', publisher: null, edition: null }),
  },
  'PUT /api/v1/classes/{id}/textbook': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/classes/${F.class[side]}/textbook`,
    body: () => ({ textbookId: null }),
  },
  'GET /api/v1/competitions': { who: ['city', 'county'] },
  'POST /api/v1/competitions': {
    who: ['city'],
    body: ({ n }) => ({
      name: `矩阵竞赛${n}`,
      heldOn: '2021-09-01',
      occupationCode: '6-16-01-03',
      organiser: '市人社局',
      areaCode: '510400',
    }),
  },
  'GET /api/v1/competitions/{id}/results': { who: ['city', 'county'], path: () => `/competitions/${CAP.competition}/results` },
  'PUT /api/v1/competitions/{id}/results': {
    who: ['city'],
    path: () => `/competitions/${CAP.competition}/results`,
    body: ({ side }) => ({ residentId: F.person[side], rank: 1, award: '一等奖' }),
  },
  'GET /api/v1/my/competition-results': { who: ['trainee'] },
  'POST /api/v1/class-applications/{id}/decline': {
    who: ['provider', 'county', 'city'],
    scope: 'classManage',
    path: ({ side }) => `/class-applications/${OPEN.application[side]}/decline`,
    body: () => ({ reason: '名额已满' }),
  },
  // Supervision (#6 §1, §5.2, §5.3): funds and R9 (city, finance; counties read the funds), the public
  // disclosure, annual tasks (set by the city), employment figures, goals, reports and major matters.
  'GET /api/v1/supervision/funds': { who: ['city', 'county', 'finance'] },
  'GET /api/v1/supervision/enterprise-share': { who: ['city', 'finance'] },
  'GET /api/v1/public/fund-disclosure': { who: 'public', path: () => '/public/fund-disclosure?year=2020' },
  'GET /api/v1/public/fund-disclosure/xlsx': { who: 'public', path: () => '/public/fund-disclosure/xlsx?year=2020&quarter=2' },
  'GET /api/v1/targets': { who: ['city', 'county', ...DEPARTMENTS], path: () => '/targets?year=2020&quarter=2' },
  'POST /api/v1/targets': {
    who: ['city'],
    body: ({ n }) => ({
      year: 2020,
      unitKind: 'area',
      unit: '510402',
      program: ['safety', 'short_term', 'skill_upgrade'][n % 3],
      target: 10,
    }),
  },
  // A target of 0 is refused (400) once past access: no task exists in this store to change.
  'PATCH /api/v1/targets/{id}': { who: ['city'], path: () => '/targets/1', body: () => ({ target: 0, reason: '调整' }) },
  'POST /api/v1/employment-figures': {
    who: ['city', 'county'],
    scope: 'areaBody',
    outside: 403,
    body: ({ side }) => ({ areaCode: AREA[side], year: 2020, employed: 1000, skilled: 400, highSkilled: 150, source: '统计局' }),
  },
  'GET /api/v1/goals': { who: ['city', 'county', ...DEPARTMENTS], path: () => '/goals?year=2020' },
  'GET /api/v1/reports/periodic': { who: ['city', 'county', ...DEPARTMENTS], path: () => '/reports/periodic?year=2020&quarter=2' },
  'GET /api/v1/reports/periodic/xlsx': { who: ['city', 'county', ...DEPARTMENTS], path: () => '/reports/periodic/xlsx?year=2020' },
  'GET /api/v1/reports/periodic/pdf': { who: ['city', 'county', ...DEPARTMENTS], path: () => '/reports/periodic/pdf?year=2020&quarter=2' },
  'POST /api/v1/major-matters': {
    who: ['city', 'county'],
    scope: 'areaBody',
    outside: 403,
    body: ({ side }) => ({
      title: '重大事项',
      areaCode: AREA[side],
      flaggedOn: '2020-09-01',
      summary: '情况说明',
      claimIds: [F.claims[side][0]],
    }),
  },
  'GET /api/v1/major-matters': { who: ['city', 'county'], list: { scope: 'matter', keys: (s) => [F.matter[s]], read: items('id') } },
  'GET /api/v1/major-matters/{id}/report': {
    who: ['city', 'county'],
    scope: 'matter',
    path: ({ side }) => `/major-matters/${F.matter[side]}/report`,
  },
  'GET /api/v1/major-matters/{id}/report/xlsx': {
    who: ['city', 'county'],
    scope: 'matter',
    path: ({ side }) => `/major-matters/${F.matter[side]}/report/xlsx`,
  },
  'GET /api/v1/major-matters/{id}/report/pdf': {
    who: ['city', 'county'],
    scope: 'matter',
    path: ({ side }) => `/major-matters/${F.matter[side]}/report/pdf`,
  },
  // Fraud-risk work lists (#6 screens): scans for the risk readers; inspections and evaluations for the offices (a county's own area).
  'GET /api/v1/risk/scans': { who: ['city', 'county', 'finance'] },
  'GET /api/v1/risk/inspections': { who: ['city', 'county'] },
  'GET /api/v1/risk/evaluations': { who: ['city', 'county'] },
  // §1 main-post headcounts: recorded by the enterprise or an office that manages it; read by the offices,
  // departments (their enterprise slice) and the enterprise itself; the city's Excel template and import.
  'PUT /api/v1/enterprises/{uscc}/headcounts/{year}': {
    who: ['city', 'county', 'enterprise'],
    scope: 'headcountWrite',
    path: ({ side }) => `/enterprises/${F.enterprise[side]}/headcounts/2020`,
    body: ({ n }) => ({ mainPostEmployees: 10 + n }),
  },
  'GET /api/v1/enterprise-headcounts': {
    who: ['city', 'county', ...DEPARTMENTS, 'enterprise'],
    path: () => '/enterprise-headcounts?year=2020&pageSize=200',
    list: { scope: 'enterprise', keys: (s) => [F.enterprise[s]], read: items('uscc') },
  },
  'GET /api/v1/enterprise-headcounts/template': { who: ['city'], path: () => '/enterprise-headcounts/template?year=2020' },
  'POST /api/v1/enterprise-headcounts/import': { who: ['city'] },

  // The certificate registry: the city keeps issuers, approvals and specifications; the offices (and an
  // approved enterprise for itself) record certificates; each claim's check is the offices'; anyone verifies.
  'GET /api/v1/certificate-issuers': { who: ['city', 'county', 'evaluator'] },
  'POST /api/v1/certificate-issuers': {
    who: ['city'],
    body: ({ n }) => ({ kind: 'evaluation_body', name: `评价机构${n}`, code: uscc(9500 + n), areaCode: '510402' }),
  },
  // An empty approval is refused by its body (400, past access); others never reach the body.
  'POST /api/v1/certificate-issuers/{id}/approvals': {
    who: ['city'],
    path: () => '/certificate-issuers/CI-MX/approvals',
    body: () => ({ document: '批准文号', occupations: [], validFrom: '2020-01-01', outsiders: false }),
  },
  'GET /api/v1/ability-specifications': { who: ['city', 'county', 'enterprise', 'evaluator'] },
  'POST /api/v1/ability-specifications': {
    who: ['city'],
    body: ({ n }) => ({ code: `MX-SPEC-${n}`, name: '示例规范', areaCode: '510400', validFrom: '2020-01-01' }),
  },
  'GET /api/v1/registry-certificates': { who: ['city', 'county', 'enterprise', 'evaluator'] },
  'POST /api/v1/registry-certificates': {
    who: ['city', 'county', 'enterprise', 'evaluator'],
    body: ({ side, n }) => ({
      issuerCode: uscc(9900),
      number: `MX-C-${n}`,
      type: 'skill_level',
      residentId: F.person[side],
      name: F.name[side],
      occupationCode: '6-16-01-03',
      level: '4',
      issuedOn: '2020-07-01',
    }),
  },
  'GET /api/v1/registry-certificates/template': { who: ['city', 'county', 'enterprise', 'evaluator'] },
  'POST /api/v1/registry-certificates/import': { who: ['city', 'county', 'enterprise', 'evaluator'] },
  // The first revocation passes (200), a second is a 409 (past access); another issuer's certificate is a 404.
  'POST /api/v1/registry-certificates/{id}/revocation': {
    who: ['city', 'enterprise', 'evaluator'],
    scope: 'certificateRevoke',
    path: ({ side }) => `/registry-certificates/${CERT[side]}/revocation`,
    body: () => ({ reason: '错发：持证人未参加考核' }),
  },
  'GET /api/v1/certificate-registry': { who: ['city', 'county'] },
  'GET /api/v1/certificate-holds': { who: ['city', 'county'] },
  'PUT /api/v1/certificate-registry': { who: ['city'], body: () => ({ inForceFrom: '2030-01-01' }) },
  'GET /api/v1/claims/{id}/certificate-check': {
    who: ['city', 'county'],
    scope: 'claim',
    path: ({ side }) => `/claims/${target(side)}/certificate-check`,
  },
  'POST /api/v1/claims/{id}/certificate-check': {
    who: ['city', 'county'],
    scope: 'claim',
    path: ({ side }) => `/claims/${target(side)}/certificate-check`,
  },
  'POST /api/v1/claims/{id}/certificate-explanation': {
    who: ['city', 'county'],
    scope: 'claim',
    path: ({ side }) => `/claims/${target(side)}/certificate-explanation`,
    body: () => ({ reason: '已核对证书原件及发证机构证明' }),
  },
  // Registry exchange (docs/registry-exchange.md): the city imports the departments' extracts and exports
  // to other government systems. An upload with a JSON body is past access, refused as no file (400);
  // a second close of the same conflict is a 409, past access.
  'GET /api/v1/registry-exchange/sources': { who: ['city'] },
  'GET /api/v1/registry-exchange/sources/{source}/template': { who: ['city'], path: () => '/registry-exchange/sources/poverty/template' },
  'GET /api/v1/registry-exchange/sources/{source}/sample': { who: ['city'], path: () => '/registry-exchange/sources/poverty/sample' },
  'POST /api/v1/registry-exchange/imports': {
    who: ['city'],
    path: () => '/registry-exchange/imports?source=poverty&extractDate=2021-01-01',
  },
  'GET /api/v1/registry-exchange/imports': { who: ['city'] },
  'GET /api/v1/registry-exchange/imports/{id}': { who: ['city'], path: () => `/registry-exchange/imports/${REGISTRY.importId}` },
  'POST /api/v1/registry-exchange/conflicts/{id}/close': {
    who: ['city'],
    path: () => `/registry-exchange/conflicts/${REGISTRY.conflictId}/close`,
    body: () => ({ resolution: '已与社保经办机构核实' }),
  },
  'GET /api/v1/registry-exchange/exports': { who: ['city'] },
  'GET /api/v1/registry-exchange/exports/{kind}': {
    who: ['city'],
    path: () => '/registry-exchange/exports/sanctions?from=2021-01-01&to=2021-12-31',
  },
  'GET /api/v1/public/certificates/verify': { who: 'public', path: () => '/public/certificates/verify?number=MX-1&name=x' },
  // Money that reaches a bank: a person's receiving account (recorded first, so that the reads find one),
  // the fund's payer account, a batch's bank file, its reissue and the bank's return; the texts to trainees.
  'PUT /api/v1/payee-accounts/{payee}/{ref}': {
    who: ['city', 'county', 'trainee', 'enterprise', 'provider'],
    scope: 'payeePerson',
    refused: { roles: ['enterprise', 'provider'], why: "a person's account is recorded by the person or the office" },
    path: ({ side }) => `/payee-accounts/individual/${F.person[side]}`,
    body: ({ side, n }) => ({ accountName: F.name[side], bankName: '中国工商银行攀枝花分行', accountNumber: cardNumber(n) }),
  },
  'GET /api/v1/payee-accounts/{payee}/{ref}': {
    who: ['city', 'county', 'trainee', 'enterprise', 'provider'],
    scope: 'payeePerson',
    refused: { roles: ['enterprise', 'provider'], why: "a person's account is shown to the person and the office" },
    path: ({ side }) => `/payee-accounts/individual/${F.person[side]}`,
  },
  'POST /api/v1/payee-accounts/{payee}/{ref}/reveal': {
    who: ['city', 'county', 'trainee', 'enterprise', 'provider'],
    scope: 'payeePerson',
    refused: { roles: ['enterprise', 'provider'], why: "a person's account is read in full by the person and the office only" },
    path: ({ side }) => `/payee-accounts/individual/${F.person[side]}/reveal`,
  },
  'PUT /api/v1/funds/{id}/payer-account': {
    who: ['city'],
    path: () => '/funds/special_action-2020/payer-account',
    body: () => ({ accountName: '攀枝花市就业服务管理局', bankName: '中国建设银行攀枝花分行', accountNumber: '51001680000052500001' }),
  },
  'GET /api/v1/payment-batches/{id}/bank-file/preview': {
    who: ['city', 'county', 'finance'],
    scope: 'batchRead',
    path: ({ side }) => `/payment-batches/${F.batch[side]}/bank-file/preview`,
  },
  // The fixture's batches are drafts: no bank file yet (409, past access).
  'GET /api/v1/payment-batches/{id}/bank-file': {
    who: ['city', 'county'],
    scope: 'batchPay',
    path: ({ side }) => `/payment-batches/${F.batch[side]}/bank-file?format=csv`,
    stateRefused: true,
  },
  'POST /api/v1/payment-batches/{id}/bank-file/reissue': {
    who: ['city', 'finance'],
    scope: 'batchConfirm',
    path: ({ side }) => `/payment-batches/${F.batch[side]}/bank-file/reissue`,
    body: () => ({ reason: '矩阵测试：银行未受理' }),
  },
  'POST /api/v1/payment-batches/{id}/bank-return': {
    who: ['city', 'county'],
    scope: 'batchPay',
    path: ({ side }) => `/payment-batches/${F.batch[side]}/bank-return`,
  },
  'GET /api/v1/my/notifications': { who: ['trainee'] },
  'GET /api/v1/outbox': { who: ['city'] },
};

/** A fictional UnionPay card number (19 digits) with a valid Luhn check digit. */
function cardNumber(n: number): string {
  const body = `621700008${String(n).padStart(9, '0')}`;
  for (let d = 0; d < 10; d++) if (luhnValid(`${body}${d}`)) return `${body}${d}`;
  throw new Error('unreachable');
}
// (#5) The records the admin rows name (made by the hook after the fixture's, below).
const ADMIN = { user: '', whatIf: '' };

// ---------------------------------------------------------------------------------------------
// Expected verdict of one cell, from the table alone.
// ---------------------------------------------------------------------------------------------
type Verdict = 'allowed' | 401 | 403 | 404;
function expected(row: Row, who: Who, side: Side): Verdict {
  if (row.who !== 'public') {
    if (who === 'anon') return 401;
    if (!row.who.includes(who)) return 403;
  }
  if (row.scope) {
    const sees = (SCOPE[row.scope] as Sees)[who];
    if (!sees?.includes(side)) return row.outside ?? 404;
    if (row.refused?.roles.includes(who)) return 403;
  }
  return 'allowed';
}

// Resident IDs: in full for the HR offices, enterprises and providers (their rosters), an evaluation body (the holders of
// its own certificates), a trainee their own; masked for everyone else.
const FULL_IDS: readonly Who[] = ['city', 'county', 'enterprise', 'provider', 'evaluator'];
// Whose full ID each role may ever be shown (access.ts's rule over the scopes): the county its area's
// people, provider A its own class's roster, enterprise A its own employee only, the trainee themself,
// the evaluation body the holder of its own certificate (person A).
const SHOWN_IN_FULL = (): Partial<Record<Who, string[]>> => ({
  city: [F.person.A, F.person.B, F.colleague.id],
  county: [F.person.A, F.colleague.id],
  provider: [F.person.A, F.colleague.id],
  enterprise: [F.person.A],
  trainee: [F.person.A],
  evaluator: [F.person.A],
});
/** Every valid resident ID written anywhere in a text (GB 11643 check character). */
const fullIdsIn = (text: string) =>
  [...text.matchAll(/(?<![\dA-Za-z])\d{17}[\dX](?![\dA-Za-z])/g)]
    .map((m) => m[0])
    .filter((id) => residentIdCheckChar(id.slice(0, 17)) === id[17]);
const MASKED = /^\d{6}\*{8}[\dX]{4}$|^\*{4}$/;

// ---------------------------------------------------------------------------------------------
// The store and the users.
// ---------------------------------------------------------------------------------------------
let t: TestApp;
const cookie: Partial<Record<Who, string>> = {};
const USERS: Record<
  Exclude<Who, 'anon'>,
  {
    role: Role;
    areaCode?: string;
    department?: Department;
    enterpriseUscc?: string;
    providerId?: string;
    residentId?: string;
    issuerId?: string;
  }
> = {
  city: { role: 'city', areaCode: '510400' },
  county: { role: 'county', areaCode: '510402' },
  emergency: { role: 'department', department: 'emergency' },
  veterans: { role: 'department', department: 'veterans' },
  finance: { role: 'department', department: 'finance' },
  development_reform: { role: 'department', department: 'development_reform' },
  housing: { role: 'department', department: 'housing' },
  enterprise: { role: 'enterprise', enterpriseUscc: F.enterprise.A },
  provider: { role: 'provider', providerId: F.provider.A },
  trainee: { role: 'trainee', residentId: F.person.A },
  evaluator: { role: 'evaluator', issuerId: 'CI-MX-EVAL-A' },
};

async function logIn(username: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'test-password' } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
  return `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
}

const seeder: Actor = {
  userId: 'seed',
  username: 'matrix',
  displayName: '矩阵测试',
  role: 'city',
  areaCode: '510400',
  department: null,
  enterpriseUscc: null,
  providerId: null,
  residentId: null,
};

beforeAll(async () => {
  t = await openTestApp();
  const db = t.store.db;
  await inTransaction(db, async (tx) => {
    await insertPerson(tx, {
      residentId: F.colleague.id,
      name: F.colleague.name,
      areaCode: AREA.A,
      facts: [{ fact: 'pensionEntitled', value: true }],
    });
    for (const side of ['A', 'B'] as const)
      await insertEnterprise(tx, { uscc: F.enterprise[side], name: `${side}企业`, areaCode: AREA[side], industry: 'other' });
    for (const side of ['A', 'B'] as const) {
      const area = AREA[side];
      await insertPerson(tx, {
        residentId: F.person[side],
        name: F.name[side],
        areaCode: area,
        facts: [
          { fact: 'veteran', value: side === 'A' },
          { fact: 'pensionEntitled', value: false },
        ],
      });
      await insertProvider(tx, {
        id: F.provider[side],
        areaCode: area,
        status: side === 'A' ? 'listed' : 'suspended',
        scopes: [
          { program: 'safety', occupationCode: '6-16-01-03', level: '4' },
          { program: 'skill_upgrade', occupationCode: '6-16-01-03', level: '4' },
        ],
      });
      const cls = await createClass(tx, seeder, classApplication(side, fixtureClassProgram(side)));
      F.class[side] = cls.id;
      // The class's opening review as the office's last review stored it (the real review, run on the fixture).
      const row = await tx.selectFrom('classes').selectAll().where('id', '=', cls.id).executeTakeFirstOrThrow();
      await tx
        .updateTable('classes')
        .set({ review_problems: JSON.stringify(await reviewClassOpening(tx, row)) })
        .where('id', '=', cls.id)
        .execute();
      F.session[side] = cls.sessions[0]!.id;
      for (const [i, status] of CLAIM_STATES.entries()) {
        await insertClaimRow(tx, {
          id: F.claims[side][i]!,
          residentId: F.person[side],
          status,
          program: side === 'A' ? 'safety' : 'skill_upgrade',
          enterpriseUscc: F.enterprise[side],
          areaCode: area,
          outcome: status === 'submitted' ? null : 'eligible',
          amountFen: status === 'submitted' ? null : 100000,
          payee: status === 'submitted' ? null : 'individual',
        });
        await tx
          .updateTable('claims')
          .set({ provider_id: F.provider[side], class_id: F.class[side] })
          .where('id', '=', F.claims[side][i]!)
          .execute();
      }
      const stamp = { created_by: 'test', updated_by: null, updated_at: null };
      await tx
        .insertInto('content_filings')
        .values({
          id: F.filing[side],
          enterprise_uscc: F.enterprise[side],
          program: 'short_term',
          title: '备案',
          content: '内容',
          filed_on: '2020-02-01',
          ...stamp,
        })
        .execute();
      await tx
        .insertInto('apprenticeship_plans')
        .values({
          id: F.plan[side],
          enterprise_uscc: F.enterprise[side],
          provider_id: null,
          resident_id: F.person[side],
          occupation_code: '6-16-01-03',
          level: '4',
          start_date: '2020-03-01',
          end_date: '2021-02-28',
          contract_months: 24,
          ...stamp,
        })
        .execute();
      await tx
        .insertInto('projects')
        .values({
          id: F.project[side],
          name: `${side}项目`,
          provider_id: F.provider[side],
          area_code: area,
          selection: 'open_tender',
          per_trainee_fen: 100000,
          trainee_count: 10,
          total_fen: 1000000,
          occupation_code: null,
          level: null,
          ...stamp,
        })
        .execute();
      await tx
        .insertInto('publicity_notices')
        .values({
          id: F.notice[side],
          area_code: area,
          title: `${side}公示`,
          starts_on: '2020-07-01',
          working_days: 5,
          ends_on: '2020-07-08',
          segment_start: '2020-07-01',
          days_left: 5,
          ...stamp,
        })
        .execute();
      await tx.insertInto('publicity_items').values({ notice_id: F.notice[side], claim_id: F.claims[side][2]! }).execute();
      await tx
        .insertInto('objections')
        .values({
          id: F.objection[side],
          notice_id: F.notice[side],
          claim_id: F.claims[side][2]!,
          text: '异议',
          raised_by: 'public',
          resolution: null,
          resolved_by: null,
          resolved_at: null,
        })
        .execute();
    }
    for (const year of [2020, 2021]) {
      await tx
        .insertInto('funds')
        .values({
          id: `special_action-${year}`,
          source: 'special_action',
          year,
          budget_fen: 1e9,
          created_by: 'test',
          updated_by: null,
          updated_at: null,
        })
        .execute();
    }
    for (const side of ['A', 'B'] as const) {
      const stamp = { created_by: 'test', updated_by: null, updated_at: null };
      await tx
        .insertInto('payment_batches')
        .values({ id: F.batch[side], fund_id: 'special_action-2020', area_code: AREA[side], ...stamp })
        .execute();
      await tx
        .insertInto('advances')
        .values({
          id: F.advance[side],
          kind: 'project',
          subject_id: F.project[side],
          fund_id: 'special_action-2020',
          amount_fen: 1000,
          ...stamp,
        })
        .execute();
    }
    await tx
      .insertInto('risk_samples')
      .values({ id: 'MX-SMP', seed: 'mx', scan_id: null, area_code: null, population: 2, drawn: 2, parameters: '{}', created_by: 'test' })
      .execute();
    for (const side of ['A', 'B'] as const) {
      await tx
        .insertInto('risk_inspections')
        .values({
          id: F.inspection[side],
          sample_id: 'MX-SMP',
          class_id: F.class[side],
          score: 0,
          probability: 1,
          draw: 0.5,
          result: null,
          note: null,
          inspected_on: null,
          inspected_by: null,
          recorded_at: null,
        })
        .execute();
    }
    for (const side of ['A', 'B'] as const) {
      await tx
        .insertInto('payments')
        .values({ claim_id: F.claims[side][3]!, batch_id: F.batch[side], payee: 'individual', payee_ref: null, amount_fen: 100000 })
        .execute();
      await tx
        .insertInto('claim_disputes')
        .values({
          id: F.dispute[side],
          claim_id: F.claims[side][3]!,
          resident_id: F.person[side],
          area_code: AREA[side],
          reason: '不认识这笔申领',
          status: 'taken',
          taken_by: 'test',
          taken_at: new Date(),
          finding: null,
          resolution: null,
          resolved_by: null,
          resolved_at: null,
          created_by: 'test',
        })
        .execute();
      const scan = Buffer.from(`%PDF-1.4 side ${side}\n%%EOF\n`);
      await tx
        .insertInto('attachments')
        .values({
          id: F.attachment[side],
          record_kind: 'claim',
          record_id: target(side),
          kind: 'certificate_scan',
          file_name: '证书.pdf',
          content_type: 'application/pdf',
          size_bytes: scan.length,
          sha256: createHash('sha256').update(scan).digest('hex'),
          content: scan,
          uploaded_by: 'test',
          uploaded_by_name: '测试',
          replaces: null,
        })
        .execute();
      await tx
        .insertInto('oversight_notes')
        .values({
          id: F.note[side],
          subject_kind: 'claim',
          subject_id: target(side),
          area_code: AREA[side],
          kind: 'flag',
          text: '疑似重复培训',
          department: side === 'A' ? 'emergency' : 'education',
          author: 'test',
          status: 'raised',
          cleared_by: null,
          cleared_at: null,
          clear_note: null,
        })
        .execute();
      const factCase = await tx
        .insertInto('fact_cases')
        .values({
          claim_id: F.claims[side][3]!,
          area_code: AREA[side],
          subject_kind: 'person',
          subject_id: F.person[side],
          fact: 'pensionEntitled',
          change: JSON.stringify({ value: true, asOf: '2020-01-01', source: '社保' }),
          claim_status: 'approved',
          before_outcome: 'eligible',
          before_amount_fen: 100000,
          after_outcome: 'ineligible',
          after_amount_fen: 0,
          after_reasons: '[]',
          raised_by: 'test',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      F.factCase[side] = Number(factCase.id);
      await tx
        .insertInto('major_matters')
        .values({
          id: F.matter[side],
          title: '重大事项',
          area_code: AREA[side],
          flagged_on: '2020-09-01',
          summary: '情况',
          claim_ids: JSON.stringify([F.claims[side][0]]),
          class_ids: '[]',
          provider_ids: '[]',
          created_by: 'test',
          updated_by: null,
          updated_at: null,
        })
        .execute();
    }
    // One import of a registry extract with one conflict (its report is read and the conflict closed by the city).
    const imported = await tx
      .insertInto('registry_imports')
      .values({
        source: 'social_insurance',
        extract_date: '2021-10-31',
        file_name: null,
        file_format: 'csv',
        file_sha256: 'mx',
        rows: 1,
        report: JSON.stringify({
          rows: 1,
          people: 1,
          matched: 1,
          unknownIds: [],
          nameMismatches: [],
          factsAdded: [],
          factsUnchanged: 0,
          spellsAdded: 0,
          spellsUnchanged: 0,
          conflicts: [],
          redecided: [],
          cases: [],
          insuredMonthMismatches: [],
        }),
        imported_by: 'test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    REGISTRY.importId = Number(imported.id);
    const conflict = await tx
      .insertInto('registry_conflicts')
      .values({
        import_id: REGISTRY.importId,
        resident_id: F.person.A,
        fact: 'pensionEntitled',
        source: 'social_insurance',
        on_date: '2020-02-01',
        value: true,
        registry_row: 2,
        other_source: 'manual',
        other_value: false,
        other_detail: '窗口核实：否，自 2015-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    REGISTRY.conflictId = Number(conflict.id);
    await seedUser(tx, {
      username: 'mx-login',
      password: 'test-password',
      displayName: '登录测试',
      role: 'department',
      department: 'finance',
    });
    // An evaluation body per side, each with one certificate to its side's person.
    for (const side of ['A', 'B'] as const) {
      await tx
        .insertInto('certificate_issuers')
        .values({
          id: `CI-MX-EVAL-${side}`,
          kind: 'evaluation_body',
          name: `${side}区评价机构`,
          code: uscc(side === 'A' ? 9801 : 9802),
          area_code: AREA[side],
          enterprise_uscc: null,
          created_by: 'test',
        })
        .execute();
      const cert = await tx
        .insertInto('registry_certificates')
        .values({
          issuer_id: `CI-MX-EVAL-${side}`,
          number: `MX-RC-${side}`,
          type: 'skill_level',
          resident_id: F.person[side],
          occupation_code: '6-16-01-03',
          level: '4',
          issued_on: '2020-07-01',
          recorded_by: 'test',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      CERT[side] = Number(cert.id);
    }
    for (const [who, u] of Object.entries(USERS))
      await seedUser(tx, { username: `mx-${who}`, password: 'test-password', displayName: who, ...u });
  });
  for (const who of SIGNED_IN) cookie[who] = await logIn(`mx-${who}`);
}, 120_000);
afterAll(() => t?.close());
// Open enrolment (§5.5): per side, an approved class of that side's provider opened to the public
// (side B's provider is suspended, so only A's is on the public list), and an application to it by
// that side's person. Dates far ahead: the business date here is the real one.
const OPEN = { class: { A: '', B: '' }, application: { A: 'MX-APP-A', B: 'MX-APP-B' } };
const CAP = { base: '', booking: { A: '', B: '' }, competition: 0 };
beforeAll(async () => {
  await inTransaction(t.store.db, async (tx) => {
    for (const side of ['A', 'B'] as const) {
      const cls = await createClass(tx, seeder, {
        ...classApplication(side, 'safety'),
        program: 'employment_skill',
        enterpriseUscc: null,
        occupationCode: '6-18-02-04',
        level: '5',
        trainees: [],
      });
      OPEN.class[side] = cls.id;
      await tx
        .updateTable('classes')
        .set({ status: 'approved', public_enrolment: true, seats: 10, start_date: '2099-03-01', end_date: '2099-03-31' })
        .where('id', '=', cls.id)
        .execute();
      await tx
        .insertInto('class_applications')
        .values({ id: OPEN.application[side], class_id: cls.id, resident_id: F.person[side], note: null })
        .execute();
    }
    // §5.4: a base, a booking by provider A (side A) and one by enterprise B (side B), a competition.
    const base = await createTrainingBase(tx, seeder, {
      name: '矩阵实训基地',
      address: '东区',
      areaCode: '510402',
      equipment: '焊机',
      capacity: 30,
      consumables: [{ name: '焊条', unit: '公斤', priceFen: 1000 }],
    });
    CAP.base = base.id;
    const booker = (role: 'provider' | 'enterprise', side: Side): Actor =>
      role === 'provider'
        ? { ...seeder, role, username: 'mx-p', providerId: F.provider[side] }
        : { ...seeder, role, username: 'mx-e', enterpriseUscc: F.enterprise[side] };
    for (const [side, who] of [
      ['A', 'provider'],
      ['B', 'enterprise'],
    ] as const) {
      const b = await bookTrainingBase(tx, booker(who, side), {
        baseId: base.id,
        classId: null,
        day: addDays(businessToday(), 30),
        startsAt: side === 'A' ? '08:00' : '14:00',
        endsAt: side === 'A' ? '10:00' : '16:00',
        seats: 5,
        purpose: '',
        items: [],
      });
      CAP.booking[side] = b.id;
    }
    CAP.competition = (
      await createCompetition(tx, seeder, {
        name: '矩阵竞赛',
        heldOn: '2021-09-01',
        occupationCode: '6-16-01-03',
        organiser: '市人社局',
        areaCode: '510400',
      })
    ).id;
  });
});
// (#5) Runs after the fixture's hook: the login and the what-if run the admin rows act on.
beforeAll(async () => {
  for (const side of ['A', 'B'] as const) {
    const row = await t.store.db.selectFrom('claims').select('number').where('id', '=', target(side)).executeTakeFirstOrThrow();
    CLAIM_NUMBER[side] = row.number;
  }
  ADMIN.user = await inTransaction(t.store.db, (tx) =>
    seedUser(tx, {
      username: 'mx-admin-target',
      password: 'test-password',
      displayName: '被管理账号',
      role: 'department',
      department: 'housing',
    }),
  );
  const { startWhatIf } = await import('../../src/services/what-if/what-if-jobs.ts');
  ADMIN.whatIf = (
    await startWhatIf(
      t.store.db,
      { ...seeder, userId: 'mx-city' },
      { parameter: 'safety.amountYuan', value: 1100, from: '2020-01-14', to: '2020-12-31' },
    )
  ).id;
});

// Online learning (§5.4): a published lesson with a file and a question on each side's class, and a
// viewing of it by each side's person (records inserted directly: the use cases are tested elsewhere).
const ONLINE = { lesson: { A: 0, B: 0 }, question: { A: 0, B: 0 }, viewing: { A: 0, B: 0 } };
beforeAll(async () => {
  const db = t.store.db;
  for (const side of ['A', 'B'] as const) {
    const lesson = await db
      .insertInto('online_lessons')
      .values({
        class_id: F.class[side],
        title: `${side}班网络课程`,
        kind: 'video',
        duration_seconds: 600,
        content_type: 'video/mp4',
        file_name: 'lesson.mp4',
        size_bytes: 12,
        sha256: 'a'.repeat(64),
        uploaded_by: 'test',
        uploaded_at: new Date('2020-03-01T00:00:00Z'),
        created_by: 'test',
        published_at: new Date('2020-03-01T00:00:00Z'),
        published_by: 'test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ONLINE.lesson[side] = lesson.id;
    await db
      .insertInto('online_lesson_chunks')
      .values({ lesson_id: lesson.id, n: 0, data: new Uint8Array(Buffer.from('\u0000\u0000\u0000\u0018ftypisom', 'latin1')) })
      .execute();
    const q = await db
      .insertInto('online_questions')
      .values({ lesson_id: lesson.id, prompt: '题', options: JSON.stringify(['甲', '乙']), answer: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    ONLINE.question[side] = q.id;
    const at = new Date('2020-03-02T01:00:00Z');
    const v = await db
      .insertInto('online_viewings')
      .values({
        lesson_id: lesson.id,
        class_id: F.class[side],
        resident_id: F.person[side],
        device_hash: 'x',
        started_at: at,
        last_beat_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('online_progress').values({ lesson_id: lesson.id, resident_id: F.person[side] }).execute();
    ONLINE.viewing[side] = v.id;
  }
});

// ---------------------------------------------------------------------------------------------
// Calling one cell.
// ---------------------------------------------------------------------------------------------
let serial = 0;
const lastAudit = async () =>
  Number(
    (
      await t.store.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('seq').as('m'))
        .executeTakeFirstOrThrow()
    ).m ?? 0,
  );
const routeOf = (key: string) => {
  const [method, path] = key.split(' ') as [string, string];
  return { method, path };
};

async function call(key: string, row: Row, who: Who, side: Side) {
  const { method, path } = routeOf(key);
  const ctx: Ctx = { side, n: ++serial };
  const url = row.path
    ? `/api/v1${row.path(ctx)}`
    : `${path}${row.list ? (path.endsWith('publicity-notices') ? '' : '?pageSize=200') : ''}`;
  const body = row.body?.(ctx) ?? (method === 'GET' ? undefined : {});
  const session = who === 'anon' ? undefined : row.freshSession ? await logIn(`mx-${who}`) : cookie[who];
  return t.app.inject({
    method: method as 'GET',
    url,
    headers: session ? { cookie: session } : {},
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

function walkResidentIds(json: unknown, out: string[] = []): string[] {
  if (Array.isArray(json)) json.forEach((v) => walkResidentIds(v, out));
  else if (json && typeof json === 'object') {
    for (const [k, v] of Object.entries(json)) {
      if (k === 'residentId' && typeof v === 'string') out.push(v);
      else walkResidentIds(v, out);
    }
  }
  return out;
}

/** What an allowed response may show of personal data, and of the other side's records. */
function checkDisclosure(key: string, row: Row, who: Who, text: string) {
  const json = text ? JSON.parse(text) : null;
  for (const id of walkResidentIds(json)) {
    if (FULL_IDS.includes(who)) continue;
    if (who === 'trainee' && id === F.person.A) continue;
    expect(id, `${key} as ${who}: resident ID shown in full`).toMatch(MASKED);
  }
  // A full resident ID — in any field, inside any text — reaches only a role that may see that person in full.
  const mayShow = SHOWN_IN_FULL()[who] ?? [];
  const fixture = [F.person.A, F.person.B, F.colleague.id];
  for (const id of fullIdsIn(text)) {
    if (FULL_IDS.includes(who) && !fixture.includes(id)) continue; // a person the cell itself registered
    expect(mayShow, `${key} as ${who}: shows ${id} in full`).toContain(id);
  }
  // Nor does the name of a person whose ID the role sees masked (the one rule: name and ID together).
  if (!FULL_IDS.includes(who))
    for (const name of [F.name.A, F.name.B, F.colleague.name])
      if (!(who === 'trainee' && name === F.name.A)) expect(text.includes(name), `${key} as ${who}: shows ${name}`).toBe(false);
  if (row.list) {
    const seen = new Set(row.list.read(json));
    const sees = (SCOPE[row.list.scope] as Sees)[who] ?? '';
    for (const side of ['A', 'B'] as const) {
      for (const k of row.list.keys(side)) {
        expect(seen.has(k), `${key} as ${who}: ${k} (side ${side}) ${sees.includes(side) ? 'missing' : 'listed outside the scope'}`).toBe(
          sees.includes(side),
        );
      }
    }
    // A county's lists hold its own area only.
    if (who === 'county') {
      for (const item of (Array.isArray(json) ? json : json.items) as { areaCode?: string }[]) {
        if (item.areaCode !== undefined && row.list.scope !== 'public' && row.list.scope !== 'provider')
          expect(item.areaCode, `${key} as county`).toBe('510402');
      }
    }
  }
}

const STATUS_OF_ERROR: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' };
const cells = { total: 0, allowed: 0, denied: 0 };

/**
 * The audit log's last entry as of the end of the previous cell, when that cell was a refused write
 * (whose check just read it, and which changed nothing); null after any other cell. A run of refused
 * writes — most cells of a write route — then reads the log once per cell, not twice.
 */
let auditSeqKnown: number | null = null;

async function checkCell(key: string, row: Row, who: Who, side: Side) {
  const verdict = expected(row, who, side);
  const write = !key.startsWith('GET ');
  const refusedWrite = write && verdict !== 'allowed';
  const before = refusedWrite ? (auditSeqKnown ?? (await lastAudit())) : 0;
  auditSeqKnown = null;
  const res = await call(key, row, who, side);
  const where = `${key} as ${who} on side ${side}: ${res.statusCode} ${res.body.slice(0, 300)}`;
  cells.total++;
  // A PDF report on a machine without a CJK font is a 503 naming the package to install: past access.
  const noFont = res.statusCode === 503 && /\/pdf|\.pdf$/.test(key) && !cjkFontInstalled();
  if (!noFont) expect(res.statusCode, where).toBeLessThan(500);
  if (verdict === 'allowed') {
    cells.allowed++;
    // MX_DEBUG=1 shows the allowed cells that ended in a 4xx about the body or the state, to check each is one.
    if (process.env.MX_DEBUG && res.statusCode >= 400) console.log('ALLOWED-4xx', where);
    expect([401, 403, 404], `${where} — expected to pass access`).not.toContain(res.statusCode);
    if (!write && !noFont) expect(res.statusCode, where).toBe(row.stateRefused ? 409 : 200);
    if (res.statusCode < 300 && res.headers['content-type']?.toString().includes('json')) checkDisclosure(key, row, who, res.body);
  } else {
    cells.denied++;
    expect(res.statusCode, `${where} — expected ${verdict}`).toBe(verdict);
    expect(res.json().error.code, where).toBe(STATUS_OF_ERROR[verdict]);
    if (write) {
      const after = await lastAudit();
      expect(after, `${where} — a refused call changed something`).toBe(before);
      auditSeqKnown = after;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The tests.
// ---------------------------------------------------------------------------------------------
describe('The access matrix: every route × every role × in- and out-of-scope records', () => {
  // Each route's cells start from a fresh reading of the audit log (see auditSeqKnown).
  beforeEach(() => {
    auditSeqKnown = null;
  });
  it('has exactly one row for every route the app serves (a new route without a row fails here)', async () => {
    await t.app.ready();
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .filter((k) => k.split(' ')[1]!.startsWith('/api/v1/'));
    expect(served.length).toBeGreaterThan(50);
    expect([...served].sort()).toEqual(Object.keys(TABLE).sort());
    // Every /api/v1 route is in the document (none hidden from it, so none escapes the matrix).
    const tree = t.app.printRoutes({ commonPrefix: false });
    for (const top of tree.matchAll(/\/api\/v1\/[\w/:-]+/g)) {
      expect(
        served.some((k) => k.split(' ')[1]!.startsWith(top[0].replace(/:(\w+)/g, '{$1}'))),
        `${top[0]} is not in the OpenAPI document`,
      ).toBe(true);
    }
  });

  it.each(Object.keys(TABLE))(
    '%s',
    async (key) => {
      const row = TABLE[key]!;
      const sides: Side[] = row.scope ? ['A', 'B'] : ['A'];
      for (const who of WHO) for (const side of sides) await checkCell(key, row, who, side);
    },
    60_000,
  );

  it('refuses anonymous callers of every non-public route before reading the body (401, not a schema error)', async () => {
    for (const [key, row] of Object.entries(TABLE)) {
      if (row.who === 'public') continue;
      const { method, path } = routeOf(key);
      const res = await t.app.inject({
        method: method as 'GET',
        url: path.replace(/\{id\}/g, 'X'),
        ...(method === 'GET' ? {} : { payload: { unexpected: true } }),
      });
      expect(res.statusCode, `${key}: ${res.body}`).toBe(401);
    }
  });

  it('refuses a role a route does not admit before reading the body (403, whatever the record)', async () => {
    for (const [key, row] of Object.entries(TABLE)) {
      if (row.who === 'public' || key.startsWith('GET ')) continue;
      const { method, path } = routeOf(key);
      const outsider = SIGNED_IN.find((w) => !(row.who as readonly Who[]).includes(w));
      if (!outsider) continue;
      const res = await t.app.inject({
        method: method as 'POST',
        url: path.replace(/\{id\}/g, 'X'),
        headers: { cookie: cookie[outsider]! },
        payload: { unexpected: true },
      });
      expect(res.statusCode, `${key} as ${outsider}: ${res.body}`).toBe(403);
    }
  });

  it("a county never reads another county's trainees, claims or classes, even by filtering for them", async () => {
    const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookie.county! } });
    expect((await get(`/claims?areaCode=510403&pageSize=200`)).json().items).toEqual([]);
    expect((await get(`/claims?residentId=${F.person.B}`)).json().items).toEqual([]);
    expect((await get(`/classes?areaCode=510403`)).json().items).toEqual([]);
    expect((await get(`/people?areaCode=510403`)).json().items).toEqual([]);
    expect((await get(`/people?residentId=${F.person.B}`)).json().items).toEqual([]);
    expect((await get(`/projects?areaCode=510403`)).json().items).toEqual([]);
  });

  afterAll(() => {
    const routes = Object.keys(TABLE).length;
    console.log(
      `access matrix: ${routes} routes × ${WHO.length} roles; ${cells.total} cells (${cells.allowed} allowed, ${cells.denied} denied)`,
    );
  });
});
