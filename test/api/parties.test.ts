// Issue #5, the parties' own records over HTTP: a trainee disputes a claim they don't recognise and
// the reviewing office handles the case; a department comments on and flags claims of its slice and
// the office clears a flag; an enterprise's R8 (80%, §5.2) status year by year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit-log.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import {
  insertClaimRow,
  insertEnterprise,
  insertPeople,
  insertProvider,
  residentId,
  skillUpgradeBody,
  uscc,
} from '../support/claims-fixtures.ts';

let t: TestApp;
const ann = residentId(11);
const bob = residentId(12);
const carl = residentId(13);
const employer = uscc(31);
const cookies: Record<string, string> = {};

const post = (url: string, who: string, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, payload: payload as object });
const get = (url: string, who: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies[who]! } });
const audit = async (action: string) => await t.store.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertPeople(tx, [
      { residentId: ann, name: '安', facts: { pensionEntitled: false } },
      { residentId: bob, name: '博', facts: { pensionEntitled: false } },
      { residentId: carl, name: '卡', facts: { pensionEntitled: false } },
    ]);
    // The education fund: not fully used in 2020 (R8 applies), nothing on record for 2021 (unknown).
    await insertEnterprise(tx, { uscc: employer, areaCode: '510402', educationFund: { 2020: false } });
    await insertEnterprise(tx, { uscc: uscc(32), areaCode: '510402' });
    await insertClaimRow(tx, {
      id: 'ANN-SAFETY',
      residentId: ann,
      status: 'decided',
      program: 'safety',
      outcome: 'eligible',
      amountFen: 100000,
      payee: 'enterprise',
      enterpriseUscc: employer,
    });
    await insertClaimRow(tx, {
      id: 'ANN-UPGRADE',
      residentId: ann,
      status: 'decided',
      outcome: 'eligible',
      amountFen: 187000,
      payee: 'individual',
    });
    await insertClaimRow(tx, {
      id: 'BOB-SAFETY',
      residentId: bob,
      status: 'decided',
      program: 'safety',
      outcome: 'eligible',
      amountFen: 100000,
      payee: 'enterprise',
      enterpriseUscc: employer,
    });
    await insertClaimRow(tx, { id: 'ANN-WITHDRAWN', residentId: ann, status: 'withdrawn' });
    await insertProvider(tx, 'P-SAFE', '510403');
    const klass = (id: string, program: string) => ({
      id,
      provider_id: 'P-SAFE',
      program,
      area_code: '510403',
      enterprise_uscc: null,
      occupation_code: null,
      level: null,
      entrepreneurship_type: null,
      project_id: null,
      filing_id: null,
      start_date: '2020-05-06',
      end_date: '2020-05-20',
      hours: 40,
      venue: '西区安全培训基地',
      review_note: null,
      created_by: 'test',
      updated_by: null,
      updated_at: null,
    });
    await tx
      .insertInto('classes')
      .values([klass('CLASS-SAFETY', 'safety'), klass('CLASS-UPGRADE', 'skill_upgrade')])
      .execute();
  });
  cookies.ann = await sessionFor(t, { username: 'ann', displayName: '安', role: 'trainee', residentId: ann });
  cookies.bob = await sessionFor(t, { username: 'bob', displayName: '博', role: 'trainee', residentId: bob });
  cookies.city = await sessionFor(t, { username: 'city', displayName: '市人社局', role: 'city', areaCode: '510400' });
  cookies.dongqu = await sessionFor(t, { username: 'dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
  cookies.xiqu = await sessionFor(t, { username: 'xiqu', displayName: '西区人社局', role: 'county', areaCode: '510403' });
  cookies.emergency = await sessionFor(t, {
    username: 'emergency',
    displayName: '市应急管理局',
    role: 'department',
    department: 'emergency',
  });
  cookies.veterans = await sessionFor(t, {
    username: 'veterans',
    displayName: '市退役军人事务局',
    role: 'department',
    department: 'veterans',
  });
  cookies.enterprise = await sessionFor(t, { username: 'ent', displayName: '企业', role: 'enterprise', enterpriseUscc: employer });
  cookies.other = await sessionFor(t, { username: 'ent2', displayName: '另一企业', role: 'enterprise', enterpriseUscc: uscc(32) });
}, 60_000);
afterAll(() => t.close());

describe('A trainee disputes a claim in their name; the reviewing office handles the case', () => {
  let caseId = '';

  it("the trainee opens a dispute with a reason: a case for the office of the claim's area, audited", async () => {
    const res = await post('/disputes', 'ann', { claimId: 'ANN-SAFETY', reason: '我从未参加过这期安全培训' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      claimId: 'ANN-SAFETY',
      areaCode: '510402',
      status: 'open',
      finding: null,
      residentId: ann,
      claim: { program: 'safety', status: 'decided', amountFen: 100000 },
    });
    caseId = res.json().id;
    expect((await audit('dispute.open')).map((a) => a.entity_id)).toEqual([caseId]);
  });

  it("only on a claim in their own name (another person's is not found), once at a time, and not on a withdrawn claim", async () => {
    const other = await post('/disputes', 'ann', { claimId: 'BOB-SAFETY', reason: '不认识' });
    expect([other.statusCode, other.json().error.code]).toEqual([404, 'not_found']);
    const again = await post('/disputes', 'ann', { claimId: 'ANN-SAFETY', reason: '再次提出' });
    expect([again.statusCode, again.json().error.code, again.json().error.field]).toEqual([409, 'conflict', 'body.claimId']);
    expect((await post('/disputes', 'ann', { claimId: 'ANN-WITHDRAWN', reason: '不认识' })).statusCode).toBe(409);
    const blank = await post('/disputes', 'ann', { claimId: 'ANN-UPGRADE', reason: '   ' });
    expect([blank.statusCode, blank.json().error.field]).toEqual([400, 'body.reason']);
    expect((await post('/disputes', 'enterprise', { claimId: 'ANN-SAFETY', reason: '不认识' })).statusCode).toBe(403);
    expect((await audit('dispute.open')).length).toBe(1);
  });

  it('the 东区 office sees the case in its list; 西区 and another trainee do not', async () => {
    expect((await get('/disputes?pending=true', 'dongqu')).json()).toMatchObject({ total: 1, items: [{ id: caseId, status: 'open' }] });
    expect((await get('/disputes', 'xiqu')).json().total).toBe(0);
    expect((await get('/disputes', 'bob')).json().total).toBe(0);
    expect((await get('/disputes', 'city')).json().total).toBe(1);
    expect((await post(`/disputes/${caseId}/take`, 'xiqu')).statusCode).toBe(404);
  });

  it('a case is taken before it is resolved; taking it twice is refused', async () => {
    const early = await post(`/disputes/${caseId}/resolve`, 'dongqu', { finding: 'dismissed', resolution: '属实' });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'invalid_transition']);
    const taken = await post(`/disputes/${caseId}/take`, 'dongqu');
    expect(taken.json()).toMatchObject({ status: 'taken', takenBy: 'county:dongqu' });
    expect((await post(`/disputes/${caseId}/take`, 'city')).statusCode).toBe(409);
    const bad = await post(`/disputes/${caseId}/resolve`, 'dongqu', { finding: 'approved', resolution: '属实' });
    expect([bad.statusCode, bad.json().error.field]).toEqual([400, 'body.finding']);
  });

  it('found justified: the claim is rejected through its own use case, and the trainee sees the outcome', async () => {
    const res = await post(`/disputes/${caseId}/resolve`, 'dongqu', {
      finding: 'claim_rejected',
      resolution: '经核查签到记录，本人未参加培训',
    });
    expect(res.json()).toMatchObject({
      status: 'resolved',
      finding: 'claim_rejected',
      resolvedBy: 'county:dongqu',
      claim: { status: 'rejected' },
    });
    const claim = await t.store.db.selectFrom('claims').select('status').where('id', '=', 'ANN-SAFETY').executeTakeFirstOrThrow();
    expect(claim.status).toBe('rejected');
    const review = await t.store.db.selectFrom('reviews').selectAll().where('claim_id', '=', 'ANN-SAFETY').executeTakeFirstOrThrow();
    expect(review).toMatchObject({ verdict: 'reject', note: '劳动者异议成立：经核查签到记录，本人未参加培训' });
    const mine = (await get('/disputes', 'ann')).json();
    expect(mine.items[0]).toMatchObject({
      id: caseId,
      status: 'resolved',
      finding: 'claim_rejected',
      resolution: '经核查签到记录，本人未参加培训',
    });
    expect((await post(`/disputes/${caseId}/resolve`, 'dongqu', { finding: 'dismissed', resolution: '再次' })).statusCode).toBe(409);
  });

  it('dismissed: the claim stays as it was; every step is audited and the chain holds', async () => {
    const opened = await post('/disputes', 'ann', { claimId: 'ANN-UPGRADE', reason: '金额不对' });
    const id = opened.json().id;
    await post(`/disputes/${id}/take`, 'city');
    expect(
      (await post(`/disputes/${id}/resolve`, 'city', { finding: 'dismissed', resolution: '培训属实，金额按目录标准核定' })).json(),
    ).toMatchObject({ finding: 'dismissed', claim: { status: 'decided' } });
    expect((await audit('dispute.take')).length).toBe(2);
    expect((await audit('dispute.resolve')).length).toBe(2);
    expect((await verifyAuditChain(t.store.db)).ok).toBe(true);
  });
});

describe('Departments comment on and flag claims of their slice; the office clears a flag', () => {
  let flagId = '';

  it('the emergency bureau flags a safety claim with a reason; the note is audited', async () => {
    const res = await post('/oversight-notes', 'emergency', {
      subjectKind: 'claim',
      subjectId: 'BOB-SAFETY',
      kind: 'flag',
      text: '该企业特种作业证书存疑',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'flag',
      status: 'raised',
      department: 'emergency',
      areaCode: '510402',
      subjectId: 'BOB-SAFETY',
    });
    flagId = res.json().id;
    expect(
      (
        await post('/oversight-notes', 'emergency', {
          subjectKind: 'claim',
          subjectId: 'BOB-SAFETY',
          kind: 'comment',
          text: '建议现场核查',
        })
      ).statusCode,
    ).toBe(201);
    expect((await audit('oversight.flag')).map((a) => a.entity_id)).toEqual(['BOB-SAFETY']);
  });

  it('outside its slice a claim or class is not found; other roles may not comment', async () => {
    expect(
      (await post('/oversight-notes', 'emergency', { subjectKind: 'claim', subjectId: 'ANN-UPGRADE', kind: 'comment', text: '看看' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await post('/oversight-notes', 'veterans', { subjectKind: 'claim', subjectId: 'BOB-SAFETY', kind: 'flag', text: '看看' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await post('/oversight-notes', 'emergency', { subjectKind: 'class', subjectId: 'NO-SUCH-CLASS', kind: 'flag', text: '看看' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await post('/oversight-notes', 'dongqu', { subjectKind: 'claim', subjectId: 'BOB-SAFETY', kind: 'flag', text: '看看' })).statusCode,
    ).toBe(403);
    const bad = await post('/oversight-notes', 'emergency', {
      subjectKind: 'claim',
      subjectId: 'BOB-SAFETY',
      kind: 'warning',
      text: '看看',
    });
    expect([bad.statusCode, bad.json().error.field]).toEqual([400, 'body.kind']);
  });

  it('the reviewing office sees the notes on the claim; another department and another county do not', async () => {
    const onClaim = (await get('/oversight-notes?subjectKind=claim&subjectId=BOB-SAFETY', 'dongqu')).json();
    expect(onClaim.items.map((n: { kind: string }) => n.kind).sort()).toEqual(['comment', 'flag']);
    expect((await get('/oversight-notes?kind=flag&status=raised', 'dongqu')).json().total).toBe(1);
    expect((await get('/oversight-notes', 'xiqu')).json().total).toBe(0);
    expect((await get('/oversight-notes', 'veterans')).json().total).toBe(0);
    expect((await get('/oversight-notes', 'emergency')).json().total).toBe(2);
    expect((await get('/oversight-notes', 'ann')).statusCode).toBe(403);
  });

  it('the office clears the flag with a note; the department sees it cleared; a comment is not a flag', async () => {
    expect((await post(`/oversight-notes/${flagId}/clear`, 'xiqu', { note: '已核实' })).statusCode).toBe(404);
    const cleared = await post(`/oversight-notes/${flagId}/clear`, 'dongqu', { note: '已调取证书核验记录，证书真实' });
    expect(cleared.json()).toMatchObject({ status: 'cleared', clearedBy: 'county:dongqu', clearNote: '已调取证书核验记录，证书真实' });
    expect((await post(`/oversight-notes/${flagId}/clear`, 'dongqu', { note: '再次' })).statusCode).toBe(409);
    const comment = (await get('/oversight-notes?kind=comment', 'emergency')).json().items[0];
    expect((await post(`/oversight-notes/${comment.id}/clear`, 'dongqu', { note: '无' })).statusCode).toBe(409);
    expect((await get('/oversight-notes?kind=flag', 'emergency')).json().items[0]).toMatchObject({
      status: 'cleared',
      clearNote: '已调取证书核验记录，证书真实',
    });
    expect((await audit('oversight.clear_flag')).length).toBe(1);
  });

  it('a class of the slice too: the emergency bureau flags a 西区 safety class, which 西区 sees; a skill-upgrade class is outside its slice', async () => {
    const res = await post('/oversight-notes', 'emergency', {
      subjectKind: 'class',
      subjectId: 'CLASS-SAFETY',
      kind: 'flag',
      text: '课时明显短于目录学时',
    });
    expect(res.json()).toMatchObject({ subjectKind: 'class', areaCode: '510403', status: 'raised' });
    expect(
      (await post('/oversight-notes', 'emergency', { subjectKind: 'class', subjectId: 'CLASS-UPGRADE', kind: 'flag', text: '看看' }))
        .statusCode,
    ).toBe(404);
    expect((await get('/oversight-notes?subjectKind=class&subjectId=CLASS-SAFETY', 'xiqu')).json().total).toBe(1);
    expect((await get('/oversight-notes?subjectKind=class', 'dongqu')).json().total).toBe(0);
    expect((await post(`/oversight-notes/${res.json().id}/clear`, 'xiqu', { note: '已核实课时' })).json().status).toBe('cleared');
  });
});

describe("R8 status: the enterprise's education fund year by year and the claims the 80% rule reduced", () => {
  it('2020 not fully used: an enterprise §4.2 claim decided by the engine is paid 1870 × 80% = 1496 yuan, 374 yuan less', async () => {
    const submitted = await post(
      '/claims',
      'enterprise',
      skillUpgradeBody(bob, { name: '博', enterpriseUscc: employer, applicant: 'enterprise' }),
    );
    expect(submitted.statusCode).toBe(201);
    const decided = await post(`/claims/${submitted.json().id}/decide`, 'dongqu');
    expect(decided.json()).toMatchObject({ outcome: 'eligible', amountFen: 149600, payee: 'enterprise' });
    const status = (await get(`/enterprises/${employer}/r8-status`, 'enterprise')).json();
    const y2020 = status.years.find((y: { year: number }) => y.year === 2020);
    expect(y2020).toMatchObject({ educationFund: { fullyUsed: false, source: '测试' }, r8: 'applies', reducedTotalFen: 37400 });
    expect(y2020.reducedClaims).toEqual([
      expect.objectContaining({ id: submitted.json().id, amountFen: 149600, standardFen: 187000, reducedFen: 37400 }),
    ]);
  });

  it('2021 not on record: unknown (never "not reduced"), and the claim it leaves undecided is listed', async () => {
    const submitted = await post(
      '/claims',
      'enterprise',
      skillUpgradeBody(carl, {
        name: '卡',
        enterpriseUscc: employer,
        applicant: 'enterprise',
        startDate: '2021-03-01',
        endDate: '2021-06-30',
      }),
    );
    const decided = await post(`/claims/${submitted.json().id}/decide`, 'dongqu');
    expect(decided.json().outcome).toBe('undecided');
    const status = (await get(`/enterprises/${employer}/r8-status`, 'enterprise')).json();
    const y2021 = status.years.find((y: { year: number }) => y.year === 2021);
    expect(y2021).toMatchObject({ educationFund: { fullyUsed: null, source: null }, r8: 'unknown', reducedClaims: [], reducedTotalFen: 0 });
    expect(y2021.undecidedClaims.map((c: { id: string }) => c.id)).toEqual([submitted.json().id]);
  });

  it('only the enterprise itself and the offices over it: another enterprise gets 404, a trainee 403', async () => {
    expect((await get(`/enterprises/${employer}/r8-status`, 'other')).statusCode).toBe(404);
    expect((await get(`/enterprises/${employer}/r8-status`, 'xiqu')).statusCode).toBe(404);
    expect((await get(`/enterprises/${employer}/r8-status`, 'dongqu')).statusCode).toBe(200);
    expect((await get(`/enterprises/${employer}/r8-status`, 'ann')).statusCode).toBe(403);
  });
});

describe("Malformed bodies on the parties' write routes: a 400 naming the field, nothing written", () => {
  const count = async () =>
    Number(
      (
        await t.store.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const cases: [string, string, unknown, string][] = [
    ['ann', '/disputes', { claimId: 'ANN-UPGRADE' }, 'body.reason'],
    ['ann', '/disputes', { claimId: 'ANN-UPGRADE', reason: 'x'.repeat(2001) }, 'body.reason'],
    ['ann', '/disputes', { claimId: 'ANN-UPGRADE', reason: '不认识', extra: 1 }, 'body'],
    ['ann', '/disputes', [1, 2], 'body'],
    ['emergency', '/oversight-notes', { subjectKind: 'person', subjectId: 'BOB-SAFETY', kind: 'flag', text: '看看' }, 'body.subjectKind'],
    ['emergency', '/oversight-notes', { subjectKind: 'claim', subjectId: 'BOB-SAFETY', kind: 'flag', text: 7 }, 'body.text'],
    ['emergency', '/oversight-notes', { subjectKind: 'claim', kind: 'flag', text: '看看' }, 'body.subjectId'],
    ['dongqu', '/oversight-notes/x/clear', { note: '' }, 'body.note'],
    ['dongqu', '/disputes/x/resolve', { finding: 'dismissed' }, 'body.resolution'],
  ];
  it.each(cases)('%s POST %s %j → 400 at %s', async (who, url, body, field) => {
    const before = await count();
    const res = await post(url, who, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_input');
    expect(res.json().error.field).toMatch(new RegExp(`^${field.replace('.', '\\.')}`));
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await count()).toBe(before);
  });
});
