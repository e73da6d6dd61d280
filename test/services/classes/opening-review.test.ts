// 开班审查: each cross-program check fires on a planted case, names the trainee, the rule and the
// clause in Chinese, and stays silent for a clean trainee on the same class.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/services/app-error.ts';
import { approveClass } from '../../../src/services/classes/approve-class.ts';
import type { ClassApplication } from '../../../src/services/classes/class-application.ts';
import { createClass } from '../../../src/services/classes/create-class.ts';
import { previewClassReview } from '../../../src/services/classes/preview-class-review.ts';
import { submitClass } from '../../../src/services/classes/submit-class.ts';
import type { Store } from '../../../src/store/database.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { insertEnterprise, insertPerson, insertProvider } from '../../../src/store/seed/registries.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { openTestStore } from '../../support/store.ts';
import { insertClaimOnRecord, rid, usccOf } from '../../support/registry-fixtures.ts';
import { actor } from '../../support/actors.ts';
import { requiredClassDocuments } from '../../../src/services/attachments/attachment-kinds.ts';
import { checkAttachmentFile } from '../../../src/services/attachments/check-attachment-file.ts';
import { uploadAttachment } from '../../../src/services/attachments/upload-attachment.ts';

const city = actor({ role: 'city', areaCode: '510400' });
const provider = actor({ role: 'provider', providerId: 'P-OR' });

let store: Store;
const E1 = usccOf(11);
const E2 = usccOf(12);
const CLEAN = rid(100);
let next = 200;
/** A fresh person with the given facts (pension known false unless said otherwise). */
async function person(
  facts: { fact: string; value: boolean; asOf?: string }[] = [{ fact: 'pensionEntitled', value: false }],
): Promise<string> {
  const id = rid(next++);
  await inTransaction(store.db, (tx) => insertPerson(tx, { residentId: id, facts }));
  return id;
}

const base = (trainees: ClassApplication['trainees'], overrides: Partial<ClassApplication> = {}): ClassApplication => ({
  providerId: 'P-OR',
  program: 'skill_upgrade',
  areaCode: '510402',
  enterpriseUscc: null,
  occupationCode: '6-16-01-03',
  level: '4',
  startDate: '2020-09-01',
  endDate: '2020-10-30',
  hours: 180,
  venue: '基地',
  teachers: [{ name: '王老师' }],
  trainees: [{ residentId: CLEAN, name: '清白', employerUscc: E1 }, ...trainees.map((t) => ({ name: '测试人员', ...t }))],
  sessions: [],
  ...overrides,
});

/** The documents the program requires are attached (their absence is the subject of attachments.test.ts). */
async function review(app: ClassApplication) {
  const cls = await inTransaction(store.db, (tx) => createClass(tx, provider, app));
  const file = await checkAttachmentFile(Buffer.from('%PDF-1.4\n%%EOF\n'), '材料.pdf');
  for (const kind of requiredClassDocuments(app.program)) {
    await inTransaction(store.db, (tx) => uploadAttachment(tx, provider, { recordKind: 'class', recordId: cls.id, kind, file }));
  }
  const found = await inTransaction(store.db, (tx) => previewClassReview(tx, city, cls.id));
  return { id: cls.id, found, of: (id: string) => found.trainees.find((t) => t.residentId === id)!.problems };
}

beforeAll(async () => {
  store = await openTestStore();
  await inTransaction(store.db, async (tx) => {
    await seedReferenceData(tx);
    await insertEnterprise(tx, { uscc: E1 });
    await insertEnterprise(tx, { uscc: E2 });
    await insertProvider(tx, {
      id: 'P-OR',
      entrepreneurshipQualified: false,
      scopes: [
        { program: 'skill_upgrade', occupationCode: '6-16-01-03', level: '4' },
        { program: 'skill_upgrade', occupationCode: '6-16-01-03', level: '3', validFrom: '2021-01-01' },
        { program: 'pre_job' },
        { program: 'short_term' },
        { program: 'entrepreneurship' },
      ],
    });
    await insertPerson(tx, { residentId: CLEAN, name: '清白', facts: [{ fact: 'pensionEntitled', value: false, asOf: '2019-01-01' }] });
  });
}, 60_000);
afterAll(() => store.close());

describe('Each trainee is checked across programs, employers and providers', () => {
  it('a clean trainee on a clean class has no problems and the class may be submitted and approved', async () => {
    // Its own trainee: once approved, this class counts for R3/R4 of whoever is on it.
    const own = await person();
    const { id, found } = await review(base([], { trainees: [{ residentId: own, name: '测试人员', employerUscc: E1 }] }));
    expect(found).toEqual({ blocking: false, classProblems: [], trainees: [{ residentId: own, name: '测试人员', problems: [] }] });
    await inTransaction(store.db, (tx) => submitClass(tx, provider, id));
    expect((await inTransaction(store.db, (tx) => approveClass(tx, city, id, { note: null }))).status).toBe('approved');
  });

  it('R5: a person entitled to a pension on the start date blocks; one with the fact unknown is a warning, not an OK', async () => {
    const pensioner = await person([{ fact: 'pensionEntitled', value: true, asOf: '2020-05-01' }]);
    const unknown = await person([]);
    const r = await review(
      base([
        { residentId: pensioner, employerUscc: E1 },
        { residentId: unknown, employerUscc: E1 },
      ]),
    );
    expect(r.of(pensioner)).toEqual([
      expect.objectContaining({
        rule: 'R5',
        clause: '§4.0',
        severity: 'blocking',
        message: expect.stringContaining('具有按月领取养老金资格'),
      }),
    ]);
    expect(r.of(unknown)).toEqual([
      expect.objectContaining({ rule: 'R5', severity: 'warning', message: expect.stringContaining('不知道') }),
    ]);
    expect(r.of(CLEAN)).toEqual([]);
    expect(r.found.blocking).toBe(true);
  });

  it('R5 reads the fact as of the start date: entitlement recorded after the start does not count yet', async () => {
    const later = await person([
      { fact: 'pensionEntitled', value: false, asOf: '2019-01-01' },
      { fact: 'pensionEntitled', value: true, asOf: '2021-01-01' },
    ]);
    const r = await review(base([{ residentId: later, employerUscc: E1 }]));
    expect(r.of(later)).toEqual([]);
  });

  it('R3: a fourth training completing in the same year is refused, counting claims on record and other approved classes; rejected claims do not count', async () => {
    const busy = await person();
    await inTransaction(store.db, async (tx) => {
      await insertClaimOnRecord(tx, {
        id: 'R3-a',
        residentId: busy,
        program: 'short_term',
        status: 'paid',
        startDate: '2020-02-01',
        endDate: '2020-03-01',
        enterpriseUscc: E1,
      });
      await insertClaimOnRecord(tx, {
        id: 'R3-b',
        residentId: busy,
        program: 'safety',
        status: 'decided',
        startDate: '2020-04-01',
        endDate: '2020-04-20',
        occupationCode: 'electric',
        enterpriseUscc: E1,
      });
      await insertClaimOnRecord(tx, {
        id: 'R3-x',
        residentId: busy,
        program: 'short_term',
        status: 'rejected',
        startDate: '2020-05-01',
        endDate: '2020-05-20',
        enterpriseUscc: E1,
      });
    });
    const twice = await review(base([{ residentId: busy, employerUscc: E1 }]));
    expect(twice.of(busy)).toEqual([]);
    // A third one: another class approved for the person completing in 2020.
    const third = await inTransaction(store.db, (tx) =>
      createClass(
        tx,
        provider,
        base([{ residentId: busy, employerUscc: E1 }], {
          program: 'short_term',
          occupationCode: null,
          level: null,
          enterpriseUscc: E1,
          startDate: '2020-06-01',
          endDate: '2020-06-20',
        }),
      ),
    );
    await inTransaction(store.db, (tx) => tx.updateTable('classes').set({ status: 'approved' }).where('id', '=', third.id).execute());
    const fourth = await review(base([{ residentId: busy, employerUscc: E1 }]));
    expect(fourth.of(busy)).toEqual([
      expect.objectContaining({
        rule: 'R3',
        severity: 'blocking',
        message: expect.stringContaining('2020年（按结业日期）已有3次培训补贴'),
      }),
    ]);
    expect(fourth.of(CLEAN)).toEqual([]);
  });

  it('R4: the same occupation and level already subsidised blocks, whatever the program or year; another level does not', async () => {
    const trained = await person();
    await inTransaction(store.db, (tx) =>
      insertClaimOnRecord(tx, {
        id: 'R4-a',
        residentId: trained,
        program: 'employment_skill',
        status: 'paid',
        startDate: '2020-03-01',
        endDate: '2020-04-30',
        occupationCode: '6-16-01-03',
        level: '4',
      }),
    );
    const again = await review(base([{ residentId: trained, employerUscc: E1 }], { startDate: '2021-03-01', endDate: '2021-04-30' }));
    expect(again.of(trained)).toEqual([
      expect.objectContaining({ rule: 'R4', severity: 'blocking', message: expect.stringMatching(/补贴申领 SQ-2020-510402-\d{6}）/) }),
    ]);
    const higher = await review(
      base([{ residentId: trained, employerUscc: E1 }], { level: '3', startDate: '2021-03-01', endDate: '2021-04-30' }),
    );
    expect(higher.of(trained)).toEqual([]);
  });

  it('§4.4 × §4.8: pre-job training after work-for-training at the same employer blocks; at another employer it does not', async () => {
    const hired = await person();
    await inTransaction(store.db, async (tx) => {
      await insertClaimOnRecord(tx, {
        id: 'WFT-a',
        residentId: hired,
        program: 'work_for_training',
        status: 'approved',
        startDate: '2020-03-01',
        endDate: '2020-05-31',
        enterpriseUscc: E1,
        insuredMonths: 3,
      });
      await tx
        .insertInto('content_filings')
        .values({
          id: 'F-PJ',
          enterprise_uscc: E1,
          program: 'pre_job',
          title: '岗前培训',
          content: '安全与操作规程',
          filed_on: '2020-08-01',
          status: 'accepted',
          created_by: 'test',
          updated_by: null,
          updated_at: null,
        })
        .execute();
      await tx
        .insertInto('content_filings')
        .values({
          id: 'F-PJ2',
          enterprise_uscc: E2,
          program: 'pre_job',
          title: '岗前培训',
          content: '安全与操作规程',
          filed_on: '2020-08-01',
          status: 'filed',
          created_by: 'test',
          updated_by: null,
          updated_at: null,
        })
        .execute();
    });
    const preJob = (employer: string, filing: string) =>
      base([{ residentId: hired, employerUscc: employer, newHire: true, contractMonths: 24 }], {
        program: 'pre_job',
        occupationCode: null,
        level: null,
        enterpriseUscc: employer,
        filingId: filing,
      });
    const same = await review(preJob(E1, 'F-PJ'));
    expect(same.of(hired)).toEqual([
      expect.objectContaining({
        rule: '§4.8×同一雇主',
        clause: '§4.8',
        severity: 'blocking',
        message: expect.stringContaining('以工代训'),
      }),
    ]);
    expect(same.found.classProblems).toEqual([]);
    const other = await review(preJob(E2, 'F-PJ2'));
    expect(other.of(hired)).toEqual([]);
  });

  it('the same person in two classes at overlapping times blocks against an approved class; same day at other hours is fine', async () => {
    const twice = await person();
    const morning = [{ day: '2020-11-02', startsAt: '09:00', endsAt: '12:00', hours: 3 }];
    const first = await inTransaction(store.db, (tx) =>
      createClass(
        tx,
        provider,
        base([{ residentId: twice, employerUscc: E1 }], {
          program: 'short_term',
          occupationCode: null,
          level: null,
          enterpriseUscc: E1,
          startDate: '2020-11-02',
          endDate: '2020-11-02',
          sessions: morning,
        }),
      ),
    );
    await inTransaction(store.db, (tx) => tx.updateTable('classes').set({ status: 'approved' }).where('id', '=', first.id).execute());
    const clash = await review(
      base([{ residentId: twice, employerUscc: E1 }], {
        startDate: '2020-11-02',
        endDate: '2020-11-30',
        sessions: [{ day: '2020-11-02', startsAt: '11:00', endsAt: '13:00', hours: 2 }],
      }),
    );
    expect(clash.of(twice)).toEqual([
      expect.objectContaining({
        rule: '培训时间冲突',
        severity: 'blocking',
        message: expect.stringContaining('2020年11月2日 11:00–13:00'),
      }),
    ]);
    const afternoon = await review(
      base([{ residentId: twice, employerUscc: E1 }], {
        startDate: '2020-11-02',
        endDate: '2020-11-30',
        sessions: [{ day: '2020-11-02', startsAt: '14:00', endsAt: '17:00', hours: 3 }],
      }),
    );
    expect(afternoon.of(twice)).toEqual([]);
    const unscheduled = await review(
      base([{ residentId: twice, employerUscc: E1 }], { startDate: '2020-11-01', endDate: '2020-11-30', sessions: [] }),
    );
    expect(unscheduled.of(twice)).toEqual([
      expect.objectContaining({ rule: '培训时间冲突', severity: 'blocking', message: expect.stringContaining('培训期间') }),
    ]);
  });
});

describe('The class itself is checked: provider, scope, catalog, filing, §4.7 qualification', () => {
  it('a provider out of scope (a level its licence does not cover on the start date) is refused', async () => {
    // 240 hours: the catalog's for level 3, so that only the scope is at stake.
    const r = await review(base([], { level: '3', startDate: '2020-09-01', hours: 240 }));
    expect(r.found.classProblems).toEqual([expect.objectContaining({ rule: '培训资质范围', clause: '§3', severity: 'blocking' })]);
    const inScope = await review(base([], { level: '3', startDate: '2021-02-01', endDate: '2021-03-01', hours: 240 }));
    expect(inScope.found.classProblems).toEqual([]);
  });

  it('a filing dated on or after the start date is refused (§5.5: the filing precedes the training)', async () => {
    await inTransaction(store.db, (tx) =>
      tx
        .insertInto('content_filings')
        .values({
          id: 'F-LATE',
          enterprise_uscc: E1,
          program: 'short_term',
          title: '短期培训',
          content: '内容',
          filed_on: '2020-09-01',
          status: 'accepted',
          created_by: 'test',
          updated_by: null,
          updated_at: null,
        })
        .execute(),
    );
    const r = await review(base([], { program: 'short_term', occupationCode: null, level: null, enterpriseUscc: E1, filingId: 'F-LATE' }));
    expect(r.found.classProblems).toEqual([
      expect.objectContaining({
        rule: '培训内容备案',
        severity: 'blocking',
        message: expect.stringContaining('不早于开班日期 2020年9月1日'),
      }),
    ]);
    const none = await review(base([], { program: 'short_term', occupationCode: null, level: null, enterpriseUscc: E1, filingId: null }));
    expect(none.found.classProblems.map((p) => p.rule)).toEqual(['培训内容备案']);
  });

  it('an occupation missing from the catalog in force on the start date is refused', async () => {
    await inTransaction(store.db, (tx) =>
      tx
        .insertInto('provider_scopes')
        .values({
          provider_id: 'P-OR',
          program: 'skill_upgrade',
          occupation_code: '9-99-99-99',
          level: '4',
          valid_from: '2020-01-14',
          valid_to: null,
        })
        .execute(),
    );
    const r = await review(base([], { occupationCode: '9-99-99-99' }));
    expect(r.found.classProblems).toEqual([expect.objectContaining({ rule: '补贴目录', clause: '§4.0' })]);
  });

  it('a class with fewer hours than its catalog entry is a §5.2 warning naming both figures; it may still be submitted', async () => {
    // An occupation whose catalog entry asks for 200 class hours (a copy of 6-16-01-03 level 4 under another code).
    await inTransaction(store.db, async (tx) => {
      const { id: _, ...model } = await tx
        .selectFrom('catalog_entries')
        .selectAll()
        .where('code', '=', '6-16-01-03')
        .where('level', '=', '4')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('catalog_entries')
        .values({ ...model, code: '9-88-88-88', name: '课时测试工种', hours: 200 })
        .execute();
      await tx
        .insertInto('provider_scopes')
        .values({
          provider_id: 'P-OR',
          program: 'skill_upgrade',
          occupation_code: '9-88-88-88',
          level: '4',
          valid_from: '2020-01-14',
          valid_to: null,
        })
        .execute();
    });
    const short = await review(base([], { occupationCode: '9-88-88-88', hours: 120 }));
    expect(short.found.blocking).toBe(false);
    expect(short.found.classProblems).toEqual([
      {
        rule: '目录课时',
        clause: '§5.2',
        severity: 'warning',
        message: expect.stringMatching(
          /^本班课时 120 学时，少于.*（§4\.0）中工种 9-88-88-88（四级\/中级工）的课时 200 学时；.*§5\.2 缩水培训风险/,
        ),
      },
    ]);
    expect((await inTransaction(store.db, (tx) => submitClass(tx, provider, short.id))).status).toBe('submitted');
    // As many hours as the catalog's, or more: nothing to say.
    expect((await review(base([], { occupationCode: '9-88-88-88', hours: 200 }))).found.classProblems).toEqual([]);
  });

  it('entrepreneurship training at a provider without the §4.7 qualification is refused', async () => {
    const r = await review(base([], { program: 'entrepreneurship', occupationCode: null, level: null, entrepreneurshipType: 'SYB' }));
    expect(r.found.classProblems.map((p) => [p.rule, p.clause])).toEqual([['创业培训资质', '§4.7']]);
  });

  it('approval with a blocking problem is refused with the list per trainee, and nothing changes', async () => {
    const pensioner = await person([{ fact: 'pensionEntitled', value: true }]);
    const cls = await inTransaction(store.db, (tx) =>
      createClass(tx, provider, base([{ residentId: pensioner, employerUscc: E1 }], { startDate: '2021-06-01', endDate: '2021-06-30' })),
    );
    await inTransaction(store.db, (tx) => tx.updateTable('classes').set({ status: 'submitted' }).where('id', '=', cls.id).execute());
    const error = await inTransaction(store.db, (tx) => approveClass(tx, city, cls.id, { note: null })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_transition');
    expect((error as AppError).message).toMatch(/^开班审查发现 1 个问题，不能审查通过：测试人员：该人员具有按月领取养老金资格/);
    const details = (error as AppError).details as { trainees: { residentId: string; problems: { rule: string }[] }[] };
    expect(details.trainees.find((t) => t.residentId === pensioner)!.problems.map((p) => p.rule)).toEqual(['R5']);
    const row = await store.db
      .selectFrom('classes')
      .select(['status', 'review_problems'])
      .where('id', '=', cls.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'submitted', review_problems: null });
  });
});
