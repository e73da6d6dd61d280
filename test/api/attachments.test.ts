// Supporting documents (附件) over HTTP: a file is recognised by its bytes, not its name, within the size
// limit; the record's readers see and download it and no one else (a forbidden record answers like a
// missing one); uploads and office downloads sit in the record's audit trail; a replaced file is kept;
// and a class application without the documents its program requires shows them in the opening review.
import { createHash } from 'node:crypto';
import { deflateRawSync, crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClass } from '../../src/services/classes/create-class.ts';
import type { ClassApplication } from '../../src/services/classes/class-application.ts';
import { openDispute } from '../../src/services/disputes/open-dispute.ts';
import { insertEnterprise, insertPerson, insertProvider } from '../../src/store/seed/registries.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { actor } from '../support/actors.ts';
import { insertClaimRow, residentId, uscc } from '../support/claims-fixtures.ts';
import { zipOf } from '../support/xlsx-bombs.ts';

let t: TestApp;
const cookie: Record<string, string> = {};
const PERSON = { A: residentId(731, '510402'), B: residentId(732, '510403') };
const cls: Record<'A' | 'B', string> = { A: '', B: '' };
let dispute = '';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);
/** An Office file: a zip whose parts say what it is (only the directory is read). */
const office = (names: string[]) =>
  zipOf(
    names.map((name) => {
      const data = Buffer.from(`<x>${name}</x>`);
      return { name, deflated: deflateRawSync(data), declaredSize: data.length, crc: crc32(data) };
    }),
  );
const DOCX = office(['[Content_Types].xml', 'word/document.xml']);

const application = (side: 'A' | 'B', program: ClassApplication['program']): ClassApplication => ({
  providerId: `AT-P${side}`,
  program,
  areaCode: side === 'A' ? '510402' : '510403',
  enterpriseUscc: null,
  occupationCode: '6-16-01-03',
  level: '4',
  startDate: '2020-09-01',
  endDate: '2020-10-30',
  hours: 180,
  venue: '基地',
  teachers: [{ name: '王老师' }],
  trainees: [{ residentId: PERSON[side], name: `附件学员${side}` }],
  sessions: [],
});

const call = (who: string | null, method: 'GET' | 'POST', url: string, body?: Buffer, contentType = 'application/octet-stream') =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(who ? { cookie: cookie[who]! } : {}), ...(body ? { 'content-type': contentType } : {}) },
    ...(body ? { payload: body } : {}),
  });
const upload = (who: string, record: string, kind: string, name: string, body: Buffer, extra = '') =>
  call(who, 'POST', `${record}/attachments?kind=${kind}&name=${encodeURIComponent(name)}${extra}`, body);
const audit = (action: string, entityId: string) =>
  t.store.db
    .selectFrom('audit_log')
    .select(['actor', 'entity', 'data'])
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    for (const side of ['A', 'B'] as const) {
      await insertProvider(tx, {
        id: `AT-P${side}`,
        areaCode: side === 'A' ? '510402' : '510403',
        scopes: [{ program: 'skill_upgrade', occupationCode: '6-16-01-03', level: '4' }, { program: 'pre_job' }],
      });
      await insertPerson(tx, {
        residentId: PERSON[side],
        name: `附件学员${side}`,
        areaCode: side === 'A' ? '510402' : '510403',
        facts: [{ fact: 'pensionEntitled', value: false }],
      });
      cls[side] = (await createClass(tx, actor({ role: 'provider', providerId: `AT-P${side}` }), application(side, 'skill_upgrade'))).id;
    }
    await insertEnterprise(tx, { uscc: uscc(733) });
    await insertClaimRow(tx, {
      id: 'AT-CLAIM-A',
      residentId: PERSON.A,
      status: 'decided',
      outcome: 'eligible',
      amountFen: 150_000,
      payee: 'individual',
    });
    await insertClaimRow(tx, {
      id: 'AT-CLAIM-PAID',
      residentId: PERSON.A,
      status: 'paid',
      outcome: 'eligible',
      amountFen: 150_000,
      payee: 'individual',
    });
    dispute = (
      await openDispute(tx, actor({ role: 'trainee', residentId: PERSON.A }), { claimId: 'AT-CLAIM-A', reason: '我没有参加这个培训' })
    ).id;
  });
  cookie.city = await sessionFor(t, { username: 'at-city', displayName: '市人社局 审核员', role: 'city', areaCode: '510400' });
  cookie.dongqu = await sessionFor(t, { username: 'at-dongqu', displayName: '东区人社局 审核员', role: 'county', areaCode: '510402' });
  cookie.xiqu = await sessionFor(t, { username: 'at-xiqu', displayName: '西区人社局 审核员', role: 'county', areaCode: '510403' });
  cookie.providerA = await sessionFor(t, { username: 'at-pa', displayName: '机构甲', role: 'provider', providerId: 'AT-PA' });
  cookie.providerB = await sessionFor(t, { username: 'at-pb', displayName: '机构乙', role: 'provider', providerId: 'AT-PB' });
  cookie.traineeA = await sessionFor(t, { username: 'at-ta', displayName: '学员甲', role: 'trainee', residentId: PERSON.A });
  cookie.emergency = await sessionFor(t, { username: 'at-em', displayName: '应急管理局', role: 'department', department: 'emergency' });
}, 60_000);
afterAll(() => t?.close());

describe('a file is accepted by what its bytes are, within the limits', () => {
  it('a PDF teaching plan is stored with its size, type, SHA-256 checksum, uploader and time', async () => {
    const res = await upload('providerA', `/classes/${cls.A}`, 'teaching_plan', '教学计划.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'teaching_plan',
      kindName: '教学计划',
      fileName: '教学计划.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      uploadedBy: '机构甲',
      replaces: null,
      replacedBy: null,
    });
    expect(res.json().sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
  });

  it('a program renamed to .pdf is refused by its bytes, with the accepted types named', async () => {
    const res = await upload('providerA', `/classes/${cls.A}`, 'teaching_plan', '教学计划.pdf', EXE);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      field: 'body.file',
      message: expect.stringContaining('只接受 PDF、JPEG、PNG、Word（.docx）或 Excel（.xlsx）'),
    });
  });

  it('an extension that disagrees with the content is refused: a PNG named .pdf', async () => {
    const res = await upload('providerA', `/classes/${cls.A}`, 'teacher_qualifications', '证书.pdf', PNG);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('“证书.pdf”的内容是 PNG 图片，扩展名应为 .png');
  });

  it('a Word document is recognised from its parts; one carrying macros is refused', async () => {
    const ok = await upload('providerA', `/classes/${cls.A}`, 'teacher_qualifications', '师资.docx', DOCX);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const macro = await upload(
      'providerA',
      `/classes/${cls.A}`,
      'other',
      '宏.docx',
      office(['[Content_Types].xml', 'word/document.xml', 'word/vbaProject.bin']),
    );
    expect(macro.statusCode).toBe(400);
    expect(macro.json().error.message).toMatch(/含有宏/);
    const bare = await upload('providerA', `/classes/${cls.A}`, 'other', '压缩包.docx', office(['a.txt']));
    expect(bare.statusCode).toBe(400);
  });

  it('a file over the size limit and an empty file are refused, and nothing is written', async () => {
    const before = await t.store.db
      .selectFrom('attachments')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    process.env.UPSKILL_ATTACHMENT_MAX_BYTES = '40';
    try {
      const big = await upload('providerA', `/classes/${cls.A}`, 'other', '大.pdf', Buffer.concat([PDF, Buffer.alloc(10)]));
      expect(big.statusCode).toBe(400);
      expect(big.json().error.message).toMatch(/超过 40 字节 的上限/);
    } finally {
      delete process.env.UPSKILL_ATTACHMENT_MAX_BYTES;
    }
    const empty = await call('providerA', 'POST', `/classes/${cls.A}/attachments?kind=other&name=a.pdf`);
    expect(empty.statusCode).toBe(400);
    const after = await t.store.db
      .selectFrom('attachments')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('a kind the record does not take is refused (a class has no certificate scan)', async () => {
    const res = await upload('providerA', `/classes/${cls.A}`, 'certificate_scan', 'x.pdf', PDF);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('query.kind');
  });
});

describe('only the readers of the record see its documents', () => {
  it("a provider cannot list, add to or download another provider's class documents: 404 as if it did not exist", async () => {
    const mine = (await call('providerA', 'GET', `/classes/${cls.A}/attachments`)).json().items[0];
    expect((await call('providerB', 'GET', `/classes/${cls.A}/attachments`)).statusCode).toBe(404);
    expect((await upload('providerB', `/classes/${cls.A}`, 'other', 'x.pdf', PDF)).statusCode).toBe(404);
    const stolen = await call('providerB', 'GET', `/attachments/${mine.id}`);
    const missing = await call('providerB', 'GET', `/attachments/00000000-0000-4000-8000-000000000000`);
    expect([stolen.statusCode, stolen.json().error.message]).toEqual([missing.statusCode, missing.json().error.message]);
    expect(stolen.statusCode).toBe(404);
  });

  it("a county cannot read another county's class documents; the county of the class can", async () => {
    expect((await call('xiqu', 'GET', `/classes/${cls.A}/attachments`)).statusCode).toBe(404);
    const listed = await call('dongqu', 'GET', `/classes/${cls.A}/attachments`);
    expect(listed.statusCode).toBe(200);
    const plan = listed.json().items.find((i: { kind: string }) => i.kind === 'teaching_plan');
    expect((await call('xiqu', 'GET', `/attachments/${plan.id}`)).statusCode).toBe(404);
  });

  it('a trainee on the roster is not shown the class documents; a department outside its slice gets 404', async () => {
    expect((await call('traineeA', 'GET', `/classes/${cls.A}/attachments`)).statusCode).toBe(403);
    expect((await call('emergency', 'GET', `/classes/${cls.A}/attachments`)).statusCode).toBe(404);
  });

  it('the reviewer downloads the file as uploaded, with its name, type and checksum, and the download is audited', async () => {
    const plan = (await call('dongqu', 'GET', `/classes/${cls.A}/attachments`))
      .json()
      .items.find((i: { kind: string }) => i.kind === 'teaching_plan');
    const res = await call('dongqu', 'GET', `/attachments/${plan.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('教学计划.pdf')}`,
    );
    expect(res.headers['x-content-sha256']).toBe(plan.sha256);
    expect(res.headers['cache-control']).toBe('no-store');
    const downloads = await audit('attachment.download', cls.A);
    expect(downloads.at(-1)).toMatchObject({
      actor: 'county:at-dongqu',
      entity: 'class',
      data: { attachmentId: plan.id, sha256: plan.sha256 },
    });
    // The provider reading its own file is not office staff: nothing more is logged.
    await call('providerA', 'GET', `/attachments/${plan.id}`);
    expect((await audit('attachment.download', cls.A)).length).toBe(downloads.length);
  });

  it('the upload is in the record’s audit trail with the checksum', async () => {
    const uploads = await audit('attachment.upload', cls.A);
    expect(uploads[0]).toMatchObject({
      actor: 'provider:at-pa',
      entity: 'class',
      data: { kind: 'teaching_plan', fileName: '教学计划.pdf', contentType: 'application/pdf' },
    });
  });

  it('a file altered in the store is refused on download, not served', async () => {
    const res = await upload('providerA', `/classes/${cls.A}`, 'other', '其他.png', PNG);
    await t.store.db
      .updateTable('attachments')
      .set({ content: Buffer.concat([PNG.subarray(0, PNG.length - 1), Buffer.from([7])]) })
      .where('id', '=', res.json().id)
      .execute();
    const got = await call('dongqu', 'GET', `/attachments/${res.json().id}`);
    expect(got.statusCode).toBe(409);
    expect(got.json().error.message).toMatch(/校验值与上传时不符/);
  });
});

describe('documents are kept once the record is submitted', () => {
  it('a replaced file keeps its predecessor, marked with its successor; a second replacement of the same file is refused', async () => {
    const first = (await upload('providerB', `/classes/${cls.B}`, 'teaching_plan', '计划v1.pdf', PDF)).json();
    const second = await upload('providerB', `/classes/${cls.B}`, 'teaching_plan', '计划v2.pdf', PDF, `&replaces=${first.id}`);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().replaces).toBe(first.id);
    const again = await upload('providerB', `/classes/${cls.B}`, 'teaching_plan', '计划v3.pdf', PDF, `&replaces=${first.id}`);
    expect(again.statusCode).toBe(409);
    const list = (await call('providerB', 'GET', `/classes/${cls.B}/attachments`)).json();
    expect(list.items.map((i: { fileName: string; replacedBy: string | null }) => [i.fileName, i.replacedBy])).toEqual([
      ['计划v2.pdf', null],
      ['计划v1.pdf', second.json().id],
    ]);
    expect((await call('providerB', 'GET', `/attachments/${first.id}`)).rawPayload.equals(PDF)).toBe(true);
  });

  it('after submission the provider can no longer add or replace a document, and is told why', async () => {
    await t.store.db.updateTable('classes').set({ status: 'submitted' }).where('id', '=', cls.B).execute();
    const list = (await call('providerB', 'GET', `/classes/${cls.B}/attachments`)).json();
    expect(list.canUpload).toBe(false);
    expect(list.uploadRefusal).toMatch(/开班申请已提交/);
    const res = await upload('providerB', `/classes/${cls.B}`, 'other', 'x.pdf', PDF);
    expect(res.statusCode).toBe(409);
  });
});

describe('the opening review lists a missing required document', () => {
  it('a skill-upgrade class without its teachers’ qualifications shows it as a finding; with every document it is silent', async () => {
    const review = async (id: string) => (await call('dongqu', 'GET', `/classes/${id}/review`)).json();
    const r = await review(cls.A);
    expect(r.classProblems.filter((p: { rule: string }) => p.rule === '开班附件')).toEqual([]);
    const bare = await inTransaction(t.store.db, (tx) =>
      createClass(tx, actor({ role: 'provider', providerId: 'AT-PA' }), application('A', 'skill_upgrade')),
    );
    await upload('providerA', `/classes/${bare.id}`, 'teaching_plan', '教学计划.pdf', PDF);
    expect((await review(bare.id)).classProblems.filter((p: { rule: string }) => p.rule === '开班附件')).toEqual([
      expect.objectContaining({ clause: '§5.3', severity: 'warning', message: expect.stringContaining('开班申请未附师资资质') }),
    ]);
  });

  it('pre-job training also needs the labour contracts (§4.4) and the filing (§5.5), as the attachment list says', async () => {
    const c = await inTransaction(t.store.db, (tx) =>
      createClass(tx, actor({ role: 'provider', providerId: 'AT-PA' }), {
        ...application('A', 'pre_job'),
        enterpriseUscc: uscc(733),
        occupationCode: null,
        level: null,
        trainees: [{ residentId: PERSON.A, name: '附件学员A', employerUscc: uscc(733), newHire: true }],
      }),
    );
    const list = (await call('providerA', 'GET', `/classes/${c.id}/attachments`)).json();
    expect(list.kinds.filter((k: { required: boolean }) => k.required).map((k: { name: string }) => k.name)).toEqual([
      '教学计划',
      '师资资质',
      '劳动合同',
      '备案材料',
    ]);
    const found = (await call('dongqu', 'GET', `/classes/${c.id}/review`))
      .json()
      .classProblems.filter((p: { rule: string }) => p.rule === '开班附件');
    expect(found.map((p: { clause: string }) => p.clause)).toEqual(['§5.3', '§5.3', '§4.4', '§5.5']);
  });
});

describe('claims and disputes carry their evidence', () => {
  it('the trainee attaches a certificate scan to their claim; a paid claim takes no more', async () => {
    const res = await upload('traineeA', '/claims/AT-CLAIM-A', 'certificate_scan', '证书.png', PNG);
    expect(res.statusCode, res.body).toBe(201);
    expect(
      (await call('dongqu', 'GET', '/claims/AT-CLAIM-A/attachments')).json().items.map((i: { kindName: string }) => i.kindName),
    ).toEqual(['证书扫描件']);
    expect((await call('xiqu', 'GET', '/claims/AT-CLAIM-A/attachments')).statusCode).toBe(404);
    expect((await upload('traineeA', '/claims/AT-CLAIM-PAID', 'certificate_scan', '证书.png', PNG)).statusCode).toBe(409);
  });

  it("the trainee's dispute evidence is seen by the county of the claim, not another county", async () => {
    const res = await upload('traineeA', `/disputes/${dispute}`, 'dispute_evidence', '聊天记录.png', PNG);
    expect(res.statusCode, res.body).toBe(201);
    expect((await call('dongqu', 'GET', `/disputes/${dispute}/attachments`)).json().items).toHaveLength(1);
    expect((await call('xiqu', 'GET', `/disputes/${dispute}/attachments`)).statusCode).toBe(404);
    expect((await call('xiqu', 'GET', `/attachments/${res.json().id}`)).statusCode).toBe(404);
    expect((await audit('attachment.upload', dispute))[0]).toMatchObject({ entity: 'claim_dispute', actor: 'trainee:at-ta' });
  });
});
