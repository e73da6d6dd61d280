// The papers the office hands out, as PDFs: a notice for posting, a claim's decision letter, a payment
// batch's signature list and a class's opening-review record. Each is given to the record's readers
// only (others get the record's own 404/403), names the issuing office and the business date, shows no
// internal identifier, masks people by the one rule, and is audited as issued.
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskResidentId } from '../../src/services/access.ts';
import { cjkFontInstalled } from '../../src/services/reports/report-files.ts';
import { insertPerson, insertProvider } from '../../src/store/seed/registries.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { businessDateIs, restoreBusinessDateAfterAll } from '../support/business-date.ts';
import { insertEnterprise, insertFund, insertPeople, residentId, skillUpgradeBody, uscc } from '../support/claims-fixtures.ts';

let t: TestApp;
restoreBusinessDateAfterAll();
const ann = residentId(11);
const cal = residentId(12);
const employer = uscc(11);
const cookies: Record<string, string> = {};
const ids = { claim: '', undecided: '', notice: '', batch: '', class: '' };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const post = (url: string, who: string, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, payload: payload as object });
const get = (url: string, who?: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who ? { cookie: cookies[who]! } : {} });

/** The PDF's text with the layout's spaces and line breaks taken out. */
async function pdfText(body: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(body));
  const { text } = await extractText(doc, { mergePages: true });
  return text.replace(/\s+/g, '');
}

async function issued(url: string, who: string): Promise<{ text: string; disposition: string }> {
  const res = await get(url, who);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  return { text: await pdfText(res.rawPayload), disposition: String(res.headers['content-disposition']) };
}

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertPeople(tx, [
      { residentId: ann, name: '安小红', facts: { pensionEntitled: false, earlierAppraisal: false } },
      // No facts on record: the engine cannot decide R5 and the claim waits (R10).
      { residentId: cal, name: '蔡大明' },
    ]);
    await insertEnterprise(tx, { uscc: employer, areaCode: '510402' });
    await insertFund(tx, 'special_action', 2020, 10_000_000);
    await insertProvider(tx, {
      id: 'P-DOC',
      name: '东区第一职业培训学校',
      scopes: [{ program: 'skill_upgrade', occupationCode: '6-16-01-03', level: '4' }],
    });
    for (const n of [21, 22])
      await insertPerson(tx, { residentId: residentId(n), name: `学员${n}`, facts: [{ fact: 'pensionEntitled', value: false }] });
  });
  cookies.ann = await sessionFor(t, { username: 'doc-ann', displayName: '安小红', role: 'trainee', residentId: ann });
  cookies.dongqu = await sessionFor(t, { username: 'doc-dongqu', displayName: '东区人社局经办员', role: 'county', areaCode: '510402' });
  cookies.xiqu = await sessionFor(t, { username: 'doc-xiqu', displayName: '西区人社局', role: 'county', areaCode: '510403' });
  cookies.city = await sessionFor(t, {
    username: 'doc-city',
    displayName: '市人社局复核员',
    role: 'city',
    areaCode: '510400',
    paymentDuties: ['confirm'],
  });
  cookies.finance = await sessionFor(t, {
    username: 'doc-finance',
    displayName: '市财政局',
    role: 'department',
    department: 'finance',
    paymentDuties: ['confirm'],
  });
  cookies.emergency = await sessionFor(t, {
    username: 'doc-emergency',
    displayName: '市应急管理局',
    role: 'department',
    department: 'emergency',
  });
  cookies.provider = await sessionFor(t, { username: 'doc-provider', displayName: '培训学校', role: 'provider', providerId: 'P-DOC' });

  businessDateIs('2020-09-30');
  ids.claim = (await post('/claims', 'ann', skillUpgradeBody(ann, { enterpriseUscc: employer }))).json().id;
  expect((await post(`/claims/${ids.claim}/decide`, 'dongqu')).json().outcome).toBe('eligible');
  expect((await post(`/claims/${ids.claim}/review`, 'dongqu', { note: '材料齐全' })).statusCode).toBe(200);
  const notice = await post('/publicity-notices', 'dongqu', {
    areaCode: '510402',
    title: '2020年第3批技能提升补贴公示',
    startsOn: '2020-09-30',
    claimIds: [ids.claim],
  });
  expect(notice.statusCode, notice.body).toBe(201);
  ids.notice = notice.json().id;
  businessDateIs('2020-10-20');
  expect((await post(`/publicity-notices/${ids.notice}/close`, 'dongqu')).statusCode).toBe(200);
  expect((await post(`/claims/${ids.claim}/approve`, 'dongqu')).statusCode).toBe(200);
  const batch = await post('/payment-batches', 'dongqu', { areaCode: '510402', fundId: 'special_action-2020' });
  expect(batch.statusCode, batch.body).toBe(201);
  ids.batch = batch.json().id;
  expect((await post(`/payment-batches/${ids.batch}/confirm`, 'finance')).statusCode).toBe(200);

  const waiting = await post('/claims', 'dongqu', skillUpgradeBody(cal, { applicant: 'individual', enterpriseUscc: employer }));
  expect(waiting.statusCode, waiting.body).toBe(201);
  ids.undecided = waiting.json().id;
  const decided = await post(`/claims/${ids.undecided}/decide`, 'dongqu');
  expect(decided.json().outcome, decided.body).toBe('undecided');

  const cls = await post('/classes', 'provider', {
    providerId: 'P-DOC',
    program: 'skill_upgrade',
    areaCode: '510402',
    enterpriseUscc: null,
    occupationCode: '6-16-01-03',
    level: '4',
    startDate: '2020-11-02',
    endDate: '2020-12-30',
    hours: 96,
    venue: '东区职业技能培训基地',
    teachers: [{ name: '王老师', qualification: '高级技师' }],
    trainees: [
      { residentId: residentId(21), name: '学员21', employerUscc: employer },
      { residentId: residentId(22), name: '学员22', employerUscc: employer },
    ],
    sessions: [{ day: '2020-11-02', startsAt: '09:00', endsAt: '12:00', hours: 3 }],
  });
  expect(cls.statusCode, cls.body).toBe(201);
  ids.class = cls.json().id;
  const submitted = await post(`/classes/${ids.class}/submit`, 'provider');
  expect(submitted.statusCode, submitted.body).toBe(200);
  expect((await post(`/classes/${ids.class}/return`, 'dongqu', { note: '请补充教师资格证明' })).statusCode).toBe(200);
  businessDateIs('2021-11-15');
}, 120_000);
afterAll(() => t.close());

describe.skipIf(!cjkFontInstalled())('Printed documents (PDF)', () => {
  it('the notice for posting names the office, the business date, the period and where to object; names to the surname, IDs masked', async () => {
    const { text, disposition } = await issued(`/publicity-notices/${ids.notice}/notice.pdf`, 'dongqu');
    expect(text).toContain('职业技能提升补贴申领公示');
    expect(text).toContain('攀枝花市东区人力资源和社会保障局');
    expect(text).toContain('2021年11月15日');
    expect(text).toContain('2020年第3批技能提升补贴公示');
    expect(text).toContain('2020年9月30日');
    expect(text).toContain('安**');
    expect(text).not.toContain('安小红');
    expect(text).toContain(maskResidentId(ann));
    expect(text).not.toContain(ann);
    expect(text).toContain('¥1,870.00');
    expect(text).toMatch(/异议.*攀枝花市东区人力资源和社会保障局/);
    expect(text).not.toMatch(UUID);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('职业技能提升补贴申领公示-2020年第3批技能提升补贴公示.pdf')}`);
  });

  it("the notice is the offices' paper: another county gets the notice's own 404, a trainee 403", async () => {
    expect((await get(`/publicity-notices/${ids.notice}/notice.pdf`, 'xiqu')).statusCode).toBe(404);
    expect((await get(`/review/publicity-notices/${ids.notice}`, 'xiqu')).statusCode).toBe(404);
    expect((await get(`/publicity-notices/${ids.notice}/notice.pdf`, 'ann')).statusCode).toBe(403);
    expect((await get(`/publicity-notices/${ids.notice}/notice.pdf`)).statusCode).toBe(401);
  });

  it("a decided claim's letter gives the outcome, the amount in yuan, the payee and the decision's steps with their clauses", async () => {
    for (const who of ['dongqu', 'ann', 'city']) {
      const { text } = await issued(`/claims/${ids.claim}/decision-letter.pdf`, who);
      expect(text).toContain('职业技能提升补贴申领审核决定书');
      expect(text).toContain('攀枝花市东区人力资源和社会保障局');
      expect(text).toContain('2021年11月15日');
      expect(text).toContain('符合条件');
      expect(text).toContain('¥1,870.00');
      expect(text).toContain('收款方个人');
      expect(text).toContain('§4.2');
      expect(text).toContain('第1步');
      expect(text).toContain('安小红');
      expect(text).not.toMatch(UUID);
    }
  });

  it("an undecided claim's letter prints 待定 and the missing facts, never ¥0.00", async () => {
    const { text } = await issued(`/claims/${ids.undecided}/decision-letter.pdf`, 'dongqu');
    expect(text).toContain('待补充事实');
    expect(text).toContain('待定');
    expect(text).toContain('待补充的事实');
    expect(text).toContain('蔡大明');
    expect(text).not.toContain('¥0.00');
    expect(text).not.toMatch(UUID);
  });

  it("a claim's letter is refused to whoever cannot read the claim, with the claim's own answer", async () => {
    for (const who of ['xiqu', 'emergency']) {
      expect((await get(`/claims/${ids.claim}/decision-letter.pdf`, who)).statusCode).toBe(
        (await get(`/claims/${ids.claim}`, who)).statusCode,
      );
      expect((await get(`/claims/${ids.claim}/decision-letter.pdf`, who)).statusCode).toBe(404);
    }
    expect((await get(`/claims/${ids.undecided}/decision-letter.pdf`, 'ann')).statusCode).toBe(404);
  });

  it("the batch's signature list has its lines, payees, amounts, the total and who built and confirmed it", async () => {
    for (const who of ['dongqu', 'finance']) {
      const { text } = await issued(`/payment-batches/${ids.batch}/signature-list.pdf`, who);
      expect(text).toContain('职业技能提升补贴资金支付签字清单');
      expect(text).toContain('攀枝花市东区人力资源和社会保障局');
      expect(text).toContain('2021年11月15日');
      expect(text).toContain('合计：1笔，金额¥1,870.00');
      expect(text).toContain('经办');
      expect(text).toContain('复核');
      expect(text).toContain('支付');
      expect(text).toContain('东区人社局经办员');
      expect(text).toContain('市财政局');
      expect(text).not.toMatch(UUID);
    }
    const finance = await issued(`/payment-batches/${ids.batch}/signature-list.pdf`, 'finance');
    expect(finance.text).toContain(maskResidentId(ann));
    expect(finance.text).not.toContain(ann);
  });

  it("the batch's list is refused to another county (404) and a department other than finance (403), as the batch is", async () => {
    expect((await get(`/payment-batches/${ids.batch}/signature-list.pdf`, 'xiqu')).statusCode).toBe(404);
    expect((await get(`/payment-batches/${ids.batch}/signature-list.pdf`, 'emergency')).statusCode).toBe(403);
    expect((await get(`/payment-batches/${ids.batch}/signature-list.pdf`, 'ann')).statusCode).toBe(403);
  });

  it("the class's opening-review record has the class, provider, occupation and level, hours, roster count and the reviewer's decision and reason", async () => {
    for (const who of ['dongqu', 'provider']) {
      const { text } = await issued(`/classes/${ids.class}/opening-review.pdf`, who);
      expect(text).toContain('职业技能培训开班审查记录');
      expect(text).toContain('攀枝花市东区人力资源和社会保障局');
      expect(text).toContain('2021年11月15日');
      expect(text).toContain('东区第一职业培训学校');
      expect(text).toContain('6-16-01-03');
      expect(text).toContain('四级/中级工');
      expect(text).toContain('96学时');
      expect(text).toContain('2人');
      expect(text).toContain('退回');
      expect(text).toContain('请补充教师资格证明');
      expect(text).toContain('东区人社局经办员');
      expect(text).not.toMatch(UUID);
    }
    expect((await get(`/classes/${ids.class}/opening-review.pdf`, 'xiqu')).statusCode).toBe(404);
    expect((await get(`/classes/${ids.class}/opening-review.pdf`, 'ann')).statusCode).toBe(403);
  });

  it('each issue is audited as a document issued, with the document and the business date; a refused one is not', async () => {
    const rows = await t.store.db
      .selectFrom('audit_log')
      .select(['actor', 'entity', 'entity_id', 'data'])
      .where('action', '=', 'document.issue')
      .orderBy('seq')
      .execute();
    const data = rows.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as { document: string; businessDate: string });
    expect(new Set(data.map((d) => d.document))).toEqual(new Set(['notice', 'decision', 'batch', 'class_review']));
    expect(data.every((d) => d.businessDate === '2021-11-15')).toBe(true);
    expect(rows.some((r) => r.actor.includes('doc-xiqu'))).toBe(false);
    expect(rows.find((r) => r.entity === 'claim')?.entity_id).toBe(ids.claim);
  });
});
