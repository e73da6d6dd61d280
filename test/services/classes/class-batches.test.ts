// A class's certificates and documents may be recorded several at once (the demo seeds them so): the
// batch does what the single acts would have done one by one — the same rows in the same order, one
// audit entry each, the chain still valid — and a batch with one bad item writes nothing at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAttachmentFile } from '../../../src/services/attachments/check-attachment-file.ts';
import { uploadAttachments } from '../../../src/services/attachments/upload-attachment.ts';
import type { ClassApplication } from '../../../src/services/classes/class-application.ts';
import { createClass } from '../../../src/services/classes/create-class.ts';
import { recordCertificates } from '../../../src/services/classes/record-certificate.ts';
import { verifyAuditChain } from '../../../src/store/audit-log.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { insertPerson, insertProvider } from '../../../src/store/seed/registries.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { actor } from '../../support/actors.ts';
import { rid } from '../../support/registry-fixtures.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

let store: TestStore;
const provider = actor({ role: 'provider', providerId: 'P-BATCH' });
const PEOPLE = [rid(901), rid(902), rid(903)];

const application = (): ClassApplication => ({
  providerId: 'P-BATCH',
  program: 'skill_upgrade',
  areaCode: '510402',
  enterpriseUscc: null,
  occupationCode: '6-16-01-03',
  level: '4',
  startDate: '2021-03-01',
  endDate: '2021-05-30',
  hours: 180,
  venue: '东区职业技能培训基地',
  teachers: [{ name: '王老师', qualification: '高级技师' }],
  trainees: PEOPLE.map((residentId, i) => ({ residentId, name: `批量学员${i + 1}` })),
  sessions: [],
});

/** A class whose assessment is done: the first two trainees qualified, the third not. */
async function assessedClass(): Promise<string> {
  const id = await inTransaction(store.db, async (tx) => (await createClass(tx, provider, application())).id);
  await inTransaction(store.db, async (tx) => {
    await tx.updateTable('classes').set({ status: 'assessed' }).where('id', '=', id).execute();
    await tx
      .insertInto('assessment_results')
      .values(PEOPLE.map((r, i) => ({ class_id: id, resident_id: r, qualified: i < 2, assessed_on: '2021-05-30', recorded_by: 'test' })))
      .execute();
  });
  return id;
}

const auditOf = (action: string, entityId: string) =>
  store.db.selectFrom('audit_log').select(['data']).where('action', '=', action).where('entity_id', '=', entityId).orderBy('seq').execute();

beforeAll(async () => {
  store = await openTestStore();
  await inTransaction(store.db, async (tx) => {
    await seedReferenceData(tx);
    await insertProvider(tx, { id: 'P-BATCH', scopes: [{ program: 'skill_upgrade', occupationCode: '6-16-01-03', level: '4' }] });
    for (const [i, residentId] of PEOPLE.entries())
      await insertPerson(tx, { residentId, name: `批量学员${i + 1}`, facts: [{ fact: 'pensionEntitled', value: false }] });
  });
}, 60_000);
afterAll(() => store?.close());

describe('A class’s certificates recorded in one call', () => {
  it('are written in the order given, each with its own audit entry, and the audit chain stays valid', async () => {
    const id = await assessedClass();
    const ids = await inTransaction(store.db, (tx) =>
      recordCertificates(tx, provider, id, [
        { residentId: PEOPLE[1]!, type: 'skill_level', number: 'BATCH-0002', issuedOn: '2021-06-05', issuer: null },
        { residentId: PEOPLE[0]!, type: 'skill_level', number: 'BATCH-0001', issuedOn: '2021-06-05', issuer: '鉴定所' },
      ]),
    );
    const rows = await store.db
      .selectFrom('certificates')
      .select(['id', 'number', 'resident_id'])
      .where('class_id', '=', id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [Number(r.id), r.number, r.resident_id])).toEqual([
      [ids[0]!.id, 'BATCH-0002', PEOPLE[1]],
      [ids[1]!.id, 'BATCH-0001', PEOPLE[0]],
    ]);
    expect((await auditOf('class.certificate', id)).map((e) => (e.data as { number: string }).number)).toEqual([
      'BATCH-0002',
      'BATCH-0001',
    ]);
    expect((await verifyAuditChain(store.db)).ok).toBe(true);
  });

  it('refuses the whole list when one trainee did not qualify, or one number is given twice, and writes nothing', async () => {
    const id = await assessedClass();
    const attempt = (list: { residentId: string; number: string }[]) =>
      inTransaction(store.db, (tx) =>
        recordCertificates(
          tx,
          provider,
          id,
          list.map((c) => ({ ...c, type: 'training' as const, issuedOn: '2021-06-05', issuer: null })),
        ),
      );
    await expect(
      attempt([
        { residentId: PEOPLE[0]!, number: 'TWICE-1' },
        { residentId: PEOPLE[2]!, number: 'TWICE-2' },
      ]),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('结业考核不合格') });
    await expect(
      attempt([
        { residentId: PEOPLE[0]!, number: 'TWICE-1' },
        { residentId: PEOPLE[1]!, number: 'TWICE-1' },
      ]),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('培训合格证书编号 TWICE-1 已被登记') });
    expect(await store.db.selectFrom('certificates').select('id').where('class_id', '=', id).execute()).toEqual([]);
    expect(await auditOf('class.certificate', id)).toEqual([]);
  });
});

describe('A class’s documents uploaded in one call', () => {
  const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

  it('are each their own row and audit entry, in the order given', async () => {
    const id = await inTransaction(store.db, async (tx) => (await createClass(tx, provider, application())).id);
    const files = [
      { kind: 'teaching_plan', file: await checkAttachmentFile(PDF, '教学计划.pdf') },
      { kind: 'teacher_qualifications', file: await checkAttachmentFile(PDF, '教师资格.pdf') },
    ];
    const views = await inTransaction(store.db, (tx) => uploadAttachments(tx, provider, 'class', id, files));
    expect(views.map((v) => v.fileName)).toEqual(['教学计划.pdf', '教师资格.pdf']);
    expect((await auditOf('attachment.upload', id)).map((e) => (e.data as { fileName: string }).fileName)).toEqual([
      '教学计划.pdf',
      '教师资格.pdf',
    ]);
    expect((await verifyAuditChain(store.db)).ok).toBe(true);
  });

  it('refuses a list that would take the record past its limit of documents, and writes nothing', async () => {
    const id = await inTransaction(store.db, async (tx) => (await createClass(tx, provider, application())).id);
    const file = await checkAttachmentFile(PDF, '教学计划.pdf');
    const many = Array.from({ length: 61 }, () => ({ kind: 'teaching_plan', file }));
    await expect(inTransaction(store.db, (tx) => uploadAttachments(tx, provider, 'class', id, many))).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('最多还能添加 60 个'),
    });
    expect(await store.db.selectFrom('attachments').select('id').where('record_id', '=', id).execute()).toEqual([]);
  });
});
