// The scan, scores, inspection sampling, inspections, sanctions and evaluations (§5.2/§5.3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundBalance } from '../../../src/services/funds/fund-balance.ts';
import { buildPaymentBatch, confirmPaymentBatch } from '../../../src/services/payments/build-payment-batch.ts';
import { payPaymentBatch } from '../../../src/services/payments/pay-payment-batch.ts';
import { listFindings } from '../../../src/services/risk/list-findings.ts';
import { listScores } from '../../../src/services/risk/list-scores.ts';
import { recordEvaluation } from '../../../src/services/risk/record-evaluation.ts';
import { recordInspection } from '../../../src/services/risk/record-inspection.ts';
import { listEvaluations } from '../../../src/services/risk/list-evaluations.ts';
import { listInspections } from '../../../src/services/risk/list-inspections.ts';
import { listScans } from '../../../src/services/risk/list-scans.ts';
import { RISK_LEVELS, RULE_WEIGHTS } from '../../../src/services/risk/risk-parameters.ts';
import { draw, inspectionProbability, sampleInspections } from '../../../src/services/risk/sample-inspections.ts';
import { publicSanctions, sanction } from '../../../src/services/risk/sanction.ts';
import { scanRisks } from '../../../src/services/risk/scan-risks.ts';
import { verifyAuditChain } from '../../../src/store/audit-log.ts';
import type { Store } from '../../../src/store/database.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { inTransaction, type Tx } from '../../../src/store/transaction.ts';
import { insertProvider } from '../../support/claims-fixtures.ts';
import { cityDutyUsers, type DutyUsers } from '../../support/payment-duty-users.ts';
import { openTestStore } from '../../support/store.ts';
import { actor, CITY, insertClaim, insertClass, people } from './risk-fixtures.ts';

let store: Store;
const plant = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(store.db, work);
const audits = (action: string) => store.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();
const COUNTY_WEST = actor({ role: 'county', areaCode: '510403' });
const FINANCE = actor({ role: 'department', department: 'finance' });
let duty: DutyUsers;

beforeAll(async () => {
  store = await openTestStore();
  await inTransaction(store.db, async (tx) => {
    await seedReferenceData(tx);
    duty = await cityDutyUsers(tx);
    for (const p of ['SV-P1', 'SV-P2']) await insertProvider(tx, p);
    await insertProvider(tx, 'SV-P3', '510403');
    // Two rules on one class (overlap + short course), one on another, and a clean class.
    const [a, b] = await people(tx, 2, [{ fact: 'pensionEntitled', value: false, asOf: '2019-01-01' }]);
    const [c] = await people(tx, 1, [{ fact: 'pensionEntitled', value: false, asOf: '2019-01-01' }], '510403');
    await insertClass(tx, {
      id: 'SV-1',
      providerId: 'SV-P1',
      start: '2020-05-04',
      end: '2020-05-08',
      hours: 40,
      trainees: [a!, b!],
      sessions: [{ day: '2020-05-05', from: '09:00', to: '12:00' }],
    });
    await insertClass(tx, {
      id: 'SV-2',
      providerId: 'SV-P2',
      occupationCode: null,
      start: '2020-05-04',
      end: '2020-05-08',
      trainees: [a!],
      sessions: [{ day: '2020-05-05', from: '10:00', to: '12:00' }],
    });
    await insertClass(tx, {
      id: 'SV-3',
      providerId: 'SV-P3',
      occupationCode: null,
      areaCode: '510403',
      start: '2020-05-04',
      end: '2020-05-08',
      trainees: [c!],
      sessions: [{ day: '2020-05-05', from: '09:00', to: '12:00' }],
    });
    await insertClaim(tx, { id: 'SV-C1', residentId: a!, classId: 'SV-1', providerId: 'SV-P1', start: '2020-05-04', end: '2020-05-08' });
    await insertClaim(tx, { id: 'SV-C2', residentId: b!, classId: 'SV-1', providerId: 'SV-P1', start: '2020-05-04', end: '2020-05-08' });
    await insertClaim(tx, {
      id: 'SV-C3',
      residentId: c!,
      classId: 'SV-3',
      providerId: 'SV-P3',
      start: '2020-05-04',
      end: '2020-05-08',
      areaCode: '510403',
    });
  });
}, 60_000);
afterAll(() => store?.close());

describe('scan and scores', () => {
  it('a scan stores every finding with its subjects, scores classes, claims and providers from the rules that fire, and writes one audit entry', async () => {
    const before = (await audits('risk.scan')).length;
    const summary = await scanRisks(store.db, 'city:test');
    expect(summary.byRule.overlapping_attendance).toBe(1);
    expect(summary.byRule.short_course).toBe(1);
    expect((await audits('risk.scan')).length).toBe(before + 1);
    const scores = await plant((tx) => listScores(tx, CITY, { kind: 'class' }));
    const of = (ref: string) => scores.items.find((s) => s.ref === ref);
    expect(of('SV-1')).toMatchObject({
      score: RULE_WEIGHTS.overlapping_attendance! + RULE_WEIGHTS.short_course!,
      rules: ['overlapping_attendance', 'short_course'],
    });
    expect(of('SV-2')).toMatchObject({ score: RULE_WEIGHTS.overlapping_attendance, rules: ['overlapping_attendance'] });
    expect(of('SV-3')).toBeUndefined();
    expect(scores.items[0]!.score).toBeGreaterThanOrEqual(scores.items.at(-1)!.score); // highest first
    // The claim of the trainee in both classes carries both rules of SV-1; the other trainee's claim only the class-wide one.
    const claims = await plant((tx) => listScores(tx, CITY, { kind: 'claim' }));
    expect(claims.items.find((s) => s.ref === 'SV-C1')).toMatchObject({ rules: ['overlapping_attendance', 'short_course'] });
    expect(claims.items.find((s) => s.ref === 'SV-C2')).toMatchObject({ rules: ['short_course'] });
    const providers = await plant((tx) => listScores(tx, CITY, { kind: 'provider' }));
    expect(providers.items.find((s) => s.ref === 'SV-P1')?.score).toBe(65);
    expect(providers.items.find((s) => s.ref === 'SV-P3')).toBeUndefined();
  });

  it('findings are listed with their evidence; a county sees only those touching its area; finance sees resident IDs masked', async () => {
    const city = await plant((tx) => listFindings(tx, CITY, { classId: 'SV-1' }));
    expect(city.items.map((f) => f.rule).sort()).toEqual(['overlapping_attendance', 'short_course']);
    expect(city.items[0]!.subjects.some((s) => s.kind === 'provider' && s.ref === 'SV-P1')).toBe(true);
    const west = await plant((tx) => listFindings(tx, COUNTY_WEST, {}));
    expect(west.items.filter((f) => f.subjects.some((s) => s.ref === 'SV-1'))).toEqual([]);
    const fin = await plant((tx) => listFindings(tx, FINANCE, { rule: 'overlapping_attendance', classId: 'SV-1' }));
    const trainee = (fin.items[0]!.evidence as { trainees: { residentId: string; personName: string }[] }).trainees[0]!;
    expect(trainee.residentId).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(trainee.personName).toMatch(/^学\*+$/);
    await expect(plant((tx) => listFindings(tx, actor({ role: 'department', department: 'veterans' }), {}))).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('classes and claims are named by their numbers in scores, findings and evidence, and found by number', async () => {
    const numberOf = async (table: 'classes' | 'claims', id: string) =>
      (await store.db.selectFrom(table).select('number').where('id', '=', id).executeTakeFirstOrThrow()).number;
    const sv1 = await numberOf('classes', 'SV-1');
    const c1 = await numberOf('claims', 'SV-C1');
    const classes = await plant((tx) => listScores(tx, CITY, { kind: 'class' }));
    expect(classes.items.find((s) => s.ref === 'SV-1')?.number).toBe(sv1);
    const claims = await plant((tx) => listScores(tx, CITY, { kind: 'claim', ref: c1.toLowerCase() }));
    expect(claims.items.map((s) => [s.ref, s.number])).toEqual([['SV-C1', c1]]);
    const byNumber = await plant((tx) => listFindings(tx, CITY, { classId: sv1 }));
    expect(byNumber.items.map((f) => f.rule).sort()).toEqual(['overlapping_attendance', 'short_course']);
    const subject = byNumber.items[0]!.subjects.find((s) => s.kind === 'class' && s.ref === 'SV-1');
    expect(subject?.number).toBe(sv1);
    // The evidence names classes by number: no class id of the fixture is left in it.
    const evidence = JSON.stringify(byNumber.items.map((f) => f.evidence));
    expect(evidence).toContain(sv1);
    expect(evidence).not.toMatch(/"classId":"SV-\d"/);
  });
});

describe('inspection sampling (过程监督)', () => {
  it('the draw is a deterministic uniform and the probability rises with the score', () => {
    expect(draw('2020-Q2', 'SV-1')).toBe(draw('2020-Q2', 'SV-1'));
    expect(draw('2020-Q2', 'SV-1')).not.toBe(draw('2020-Q3', 'SV-1'));
    const us = Array.from({ length: 2000 }, (_, i) => draw('s', `C-${i}`));
    expect(Math.min(...us)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...us)).toBeLessThan(1);
    expect(us.reduce((x, y) => x + y, 0) / us.length).toBeCloseTo(0.5, 1);
    expect(inspectionProbability(0)).toBe(0.05);
    expect(inspectionProbability(100)).toBe(0.9);
    expect(inspectionProbability(50)).toBeGreaterThan(inspectionProbability(10));
  });

  it('is reproducible with a seed, recorded and audited, and biased toward risky classes', async () => {
    // 200 running classes: 100 risky ones share one venue at one time (venue rule, 20) and are short courses (30): score 50; 100 clean ones: 0.
    await plant(async (tx) => {
      for (let i = 0; i < 200; i++) {
        const risky = i < 100;
        await insertClass(tx, {
          id: `SS-${String(i).padStart(3, '0')}`,
          providerId: 'SV-P2',
          start: '2021-03-01',
          end: '2021-03-05',
          hours: risky ? 20 : 180,
          trainees: [],
          occupationCode: risky ? '6-16-01-03' : null,
          venue: risky ? '同一场地' : `场地${i}`,
          sessions: [{ day: '2021-03-02', from: '09:00', to: '12:00' }],
        });
      }
    });
    await scanRisks(store.db, 'city:test');
    const a = await plant((tx) => sampleInspections(tx, CITY, { seed: '2021-Q1-抽查' }));
    const b = await plant((tx) => sampleInspections(tx, CITY, { seed: '2021-Q1-抽查' }));
    const c = await plant((tx) => sampleInspections(tx, CITY, { seed: '另一个种子' }));
    const ids = (s: typeof a) => s.inspections.map((i) => i.classId);
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a)).not.toEqual(ids(c));
    const risky = ids(a).filter((id) => id.startsWith('SS-') && Number(id.slice(3)) < 100).length;
    const clean = ids(a).filter((id) => id.startsWith('SS-') && Number(id.slice(3)) >= 100).length;
    // p = 0.05 + 0.85 × 0.5 = 0.475 for the risky ones (score 50), 0.05 for the clean: expect ~47 vs ~5.
    expect(risky).toBeGreaterThan(30);
    expect(clean).toBeLessThan(15);
    expect(risky).toBeGreaterThan(3 * clean);
    const stored = await store.db
      .selectFrom('risk_inspections')
      .select(['class_id', 'probability', 'draw', 'score'])
      .where('sample_id', '=', a.id)
      .orderBy('class_id')
      .execute();
    expect(stored.map((s) => s.class_id)).toEqual([...ids(a)].sort());
    for (const s of stored) expect(s.draw).toBeLessThan(s.probability);
    const audit = (await audits('risk.sample')).find((e) => e.entity_id === a.id)!;
    expect(audit.data).toMatchObject({ seed: '2021-Q1-抽查', population: a.population });
  });

  it('a county samples its own area only; an inspection result is recorded once, audited', async () => {
    const west = await plant((tx) => sampleInspections(tx, COUNTY_WEST, { seed: 'west' }));
    expect(west.areaCode).toBe('510403');
    await expect(plant((tx) => sampleInspections(tx, COUNTY_WEST, { seed: 'x', areaCode: '510402' }))).rejects.toMatchObject({
      code: 'forbidden',
    });
    const s = await plant((tx) => sampleInspections(tx, CITY, { seed: '2021-Q1-抽查' }));
    const first = s.inspections[0]!;
    const done = await plant((tx) =>
      recordInspection(tx, CITY, first.id, { result: 'irregular', note: '现场仅 3 人在训，与花名册不符', inspectedOn: '2021-03-02' }),
    );
    expect(done).toMatchObject({ status: 'done', result: 'irregular' });
    await expect(
      plant((tx) => recordInspection(tx, CITY, first.id, { result: 'clean', note: '复查', inspectedOn: '2021-03-03' })),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(
      plant((tx) => recordInspection(tx, COUNTY_WEST, first.id, { result: 'clean', note: '复查', inspectedOn: '2021-03-03' })),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await audits('risk.inspection')).some((e) => e.entity_id === first.id)).toBe(true);
  });
});

describe('sanctions and evaluations', () => {
  it("a sanction rejects a claim through the state machine, and recovers a paid claim's money to the fund, both audited and on the public list", async () => {
    const [p, q] = await plant((tx) => people(tx, 2));
    await plant(async (tx) => {
      await insertClaim(tx, { id: 'SN-1', residentId: p!, providerId: 'SV-P1', start: '2020-05-04', end: '2020-05-08', status: 'decided' });
      await insertClaim(tx, {
        id: 'SN-2',
        residentId: q!,
        providerId: 'SV-P1',
        start: '2020-05-04',
        end: '2020-05-08',
        status: 'paid',
        amountFen: 187000,
      });
      await tx
        .insertInto('funds')
        .values({
          id: 'SN-F',
          source: 'special_action',
          year: 2020,
          budget_fen: 1_000_000,
          created_by: 'test',
          updated_by: null,
          updated_at: null,
        })
        .execute();
      await tx
        .insertInto('payment_batches')
        .values({
          id: 'SN-B',
          fund_id: 'SN-F',
          area_code: '510402',
          status: 'paid',
          total_fen: 187000,
          created_by: 'test',
          updated_by: null,
          updated_at: null,
        })
        .execute();
      await tx
        .insertInto('payments')
        .values({ claim_id: 'SN-2', batch_id: 'SN-B', payee: 'institution', payee_ref: 'SV-P1', amount_fen: 187000 })
        .execute();
    });
    const finding = (await plant((tx) => listFindings(tx, CITY, { classId: 'SV-1' }))).items[0]!.id;
    const rejected = await plant((tx) =>
      sanction(tx, CITY, { target: 'claim', claimId: 'SN-1', reason: '虚构学员', on: '2021-04-01', basis: { findingIds: [finding] } }),
    );
    expect(rejected).toMatchObject({ kind: 'claim_rejected', publicParty: '测试培训学校' });
    expect((await store.db.selectFrom('claims').select('status').where('id', '=', 'SN-1').executeTakeFirstOrThrow()).status).toBe(
      'rejected',
    );
    expect((await audits('claim.reject')).some((e) => e.entity_id === 'SN-1')).toBe(true);

    const before = await fundBalance(store.db, 'SN-F');
    const recovered = await plant((tx) => sanction(tx, CITY, { target: 'claim', claimId: 'SN-2', reason: '缩水培训', on: '2021-04-02' }));
    expect(recovered).toMatchObject({ kind: 'money_recovered', amountFen: 187000 });
    const rec = await store.db.selectFrom('recoveries').selectAll().where('claim_id', '=', 'SN-2').execute();
    expect(rec).toHaveLength(1);
    expect(Number(rec[0]!.amount_fen)).toBe(187000);
    expect((await fundBalance(store.db, 'SN-F')).recoveredFen).toBe(before.recoveredFen + 187000);
    expect((await store.db.selectFrom('claims').select('status').where('id', '=', 'SN-2').executeTakeFirstOrThrow()).status).toBe('paid');
    await expect(
      plant((tx) => sanction(tx, CITY, { target: 'claim', claimId: 'SN-2', reason: '再次', on: '2021-04-03' })),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await audits('claim.recover')).some((e) => e.entity_id === 'SN-2')).toBe(true);
    expect((await audits('risk.sanction')).length).toBeGreaterThanOrEqual(2);

    const suspended = await plant((tx) =>
      sanction(tx, CITY, { target: 'provider', providerId: 'SV-P2', status: 'suspended', reason: '场地虚报', on: '2021-04-03' }),
    );
    expect(suspended.kind).toBe('provider_suspended');
    expect((await store.db.selectFrom('providers').select('status').where('id', '=', 'SV-P2').executeTakeFirstOrThrow()).status).toBe(
      'suspended',
    );

    const list = await plant((tx) => publicSanctions(tx, {}));
    expect(list.items.map((i) => i.kindName)).toEqual(
      expect.arrayContaining(['驳回补贴申领', '追回已拨付补贴', '暂停培训机构补贴性培训资格']),
    );
    expect(JSON.stringify(list)).not.toContain(p!);
    expect(JSON.stringify(list)).not.toContain(q!);
    expect((await verifyAuditChain(store.db)).ok).toBe(true);
  });

  it('a sanction on an approved claim not yet paid stops its payment: approval revoked, reservation released, line taken out of the confirmed batch', async () => {
    const [p, q, r] = await plant((tx) => people(tx, 3));
    await plant(async (tx) => {
      await tx
        .insertInto('funds')
        .values({
          id: 'SN-F2',
          source: 'special_action',
          year: 2021,
          budget_fen: 5_000_000,
          created_by: 'test',
          updated_by: null,
          updated_at: null,
        })
        .execute();
      for (const [id, resident, fen] of [
        ['SN-3', p!, 150_000],
        ['SN-4', q!, 100_000],
        ['SN-5', r!, 80_000],
      ] as const) {
        await insertClaim(tx, {
          id,
          residentId: resident,
          providerId: 'SV-P3',
          start: '2021-03-01',
          end: '2021-03-10',
          status: 'approved',
          amountFen: fen,
        });
        await tx.updateTable('claims').set({ payee: 'institution', outcome: 'eligible' }).where('id', '=', id).execute();
        await tx.insertInto('reservations').values({ claim_id: id, fund_id: 'SN-F2', amount_fen: fen, reserved_by: 'test' }).execute();
      }
    });
    // SN-3 and SN-4 in a batch confirmed by finance; SN-5 approved, in no batch yet.
    await plant((tx) => tx.updateTable('claims').set({ area_code: '510403' }).where('id', '=', 'SN-5').execute());
    const batch = await plant((tx) => buildPaymentBatch(tx, duty.maker, { areaCode: '510402', fundId: 'SN-F2' }));
    expect(batch).toMatchObject({ claims: 2, totalFen: 250_000 });
    await plant((tx) => confirmPaymentBatch(tx, duty.checker, { batchId: batch.id }));
    const before = await fundBalance(store.db, 'SN-F2');
    expect(before.reservedFen).toBe(330_000);

    const stopped = await plant((tx) =>
      sanction(tx, CITY, { target: 'claim', claimId: 'SN-3', reason: '学员未实际参训', on: '2021-04-05' }),
    );
    expect(stopped).toMatchObject({ kind: 'claim_rejected', claimId: 'SN-3', amountFen: null });
    expect((await store.db.selectFrom('claims').select('status').where('id', '=', 'SN-3').executeTakeFirstOrThrow()).status).toBe(
      'rejected',
    );
    expect(
      (await store.db.selectFrom('reservations').select('status').where('claim_id', '=', 'SN-3').executeTakeFirstOrThrow()).status,
    ).toBe('released');
    expect(await store.db.selectFrom('payment_batch_items').select('claim_id').where('batch_id', '=', batch.id).execute()).toEqual([
      { claim_id: 'SN-4' },
    ]);
    expect(
      Number(
        (await store.db.selectFrom('payment_batches').select('total_fen').where('id', '=', batch.id).executeTakeFirstOrThrow()).total_fen,
      ),
    ).toBe(100_000);
    expect((await fundBalance(store.db, 'SN-F2')).reservedFen).toBe(180_000);
    expect((await audits('claim.revoke')).find((e) => e.entity_id === 'SN-3')?.data).toMatchObject({
      from: 'approved',
      to: 'rejected',
      releasedFen: 150_000,
      batchId: batch.id,
    });
    expect((await audits('payment_batch.withdraw_claim')).find((e) => e.entity_id === batch.id)?.data).toMatchObject({
      claimId: 'SN-3',
      amountFen: 150_000,
      batchStatus: 'confirmed',
    });

    // The batch then pays the other claim only; the sanctioned one is never paid.
    const paid = await payPaymentBatch(store.db, duty.payer, { batchId: batch.id, bankRef: 'BANK-TEST-1' });
    expect(paid).toMatchObject({ status: 'paid', items: 1, paid: 1 });
    expect(
      (await store.db.selectFrom('payments').select('claim_id').where('batch_id', '=', batch.id).execute()).map((x) => x.claim_id),
    ).toEqual(['SN-4']);
    expect((await store.db.selectFrom('claims').select('status').where('id', '=', 'SN-3').executeTakeFirstOrThrow()).status).toBe(
      'rejected',
    );

    // Approved and in no batch: rejected and released; no later batch picks it up.
    await plant((tx) => sanction(tx, CITY, { target: 'claim', claimId: 'SN-5', reason: '冒名顶替', on: '2021-04-06' }));
    expect(
      (await store.db.selectFrom('reservations').select('status').where('claim_id', '=', 'SN-5').executeTakeFirstOrThrow()).status,
    ).toBe('released');
    await expect(plant((tx) => buildPaymentBatch(tx, duty.maker, { areaCode: '510403', fundId: 'SN-F2' }))).rejects.toMatchObject({
      code: 'invalid_input',
    });
    // SN-4, now paid, is recovered rather than rejected.
    const recovered = await plant((tx) => sanction(tx, CITY, { target: 'claim', claimId: 'SN-4', reason: '缩水培训', on: '2021-04-07' }));
    expect(recovered).toMatchObject({ kind: 'money_recovered', amountFen: 100_000 });
    expect((await fundBalance(store.db, 'SN-F2')).remainingFen).toBe(5_000_000);
    expect((await verifyAuditChain(store.db)).ok).toBe(true);
  });

  it('a sanction landing while its batch is being paid: the run passes over the revoked claim and finishes', async () => {
    const [p, q] = await plant((tx) => people(tx, 2));
    await plant(async (tx) => {
      await tx
        .insertInto('funds')
        .values({
          id: 'SN-F3',
          source: 'employment_fund',
          year: 2021,
          budget_fen: 5_000_000,
          created_by: 'test',
          updated_by: null,
          updated_at: null,
        })
        .execute();
      for (const [id, resident] of [
        ['SN-6', p!],
        ['SN-7', q!],
      ] as const) {
        await insertClaim(tx, {
          id,
          residentId: resident,
          providerId: 'SV-P3',
          start: '2021-05-01',
          end: '2021-05-10',
          status: 'approved',
          amountFen: 90_000,
        });
        await tx
          .updateTable('claims')
          .set({ payee: 'institution', outcome: 'eligible', area_code: '510411' })
          .where('id', '=', id)
          .execute();
        await tx.insertInto('reservations').values({ claim_id: id, fund_id: 'SN-F3', amount_fen: 90_000, reserved_by: 'test' }).execute();
      }
    });
    const batch = await plant((tx) => buildPaymentBatch(tx, duty.maker, { areaCode: '510411', fundId: 'SN-F3' }));
    await plant((tx) => confirmPaymentBatch(tx, duty.checker, { batchId: batch.id }));
    // The run reads its pending lines (SN-6, SN-7), pays SN-6, then pauses; the sanction lands then.
    process.env.UPSKILL_PAY_DELAY_MS = '500';
    try {
      const run = payPaymentBatch(store.db, duty.payer, { batchId: batch.id, bankRef: 'BANK-TEST-1' });
      await expect
        .poll(async () => (await store.db.selectFrom('payments').select('claim_id').where('batch_id', '=', batch.id).execute()).length, {
          timeout: 20_000,
        })
        .toBe(1);
      await plant((tx) => sanction(tx, CITY, { target: 'claim', claimId: 'SN-7', reason: '学员未实际参训', on: '2021-05-20' }));
      await expect(run).resolves.toMatchObject({ status: 'paid', items: 1, paid: 1 });
    } finally {
      delete process.env.UPSKILL_PAY_DELAY_MS;
    }
    expect(
      (await store.db.selectFrom('payments').select('claim_id').where('batch_id', '=', batch.id).execute()).map((x) => x.claim_id),
    ).toEqual(['SN-6']);
    expect((await store.db.selectFrom('claims').select('status').where('id', '=', 'SN-7').executeTakeFirstOrThrow()).status).toBe(
      'rejected',
    );
  });

  it('a county cannot sanction outside its area (not found)', async () => {
    await expect(
      plant((tx) => sanction(tx, COUNTY_WEST, { target: 'claim', claimId: 'SV-C1', reason: 'x', on: '2021-04-01' })),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a failed third-party evaluation suspends a listed provider automatically, audited; a pass changes nothing', async () => {
    const pass = await plant((tx) =>
      recordEvaluation(tx, CITY, { providerId: 'SV-P1', evaluator: '四川省职业技能鉴定中心', evaluatedOn: '2021-05-01', score: 75 }),
    );
    expect(pass).toMatchObject({ passed: true, providerStatus: 'listed', statusChange: null });
    const fail = await plant((tx) =>
      recordEvaluation(tx, CITY, {
        providerId: 'SV-P1',
        evaluator: '四川省职业技能鉴定中心',
        evaluatedOn: '2021-06-01',
        score: 52.5,
        note: '师资不足',
      }),
    );
    expect(fail).toMatchObject({ passed: false, passScore: 60, providerStatus: 'suspended', statusChange: 'listed→suspended' });
    expect((await store.db.selectFrom('providers').select('status').where('id', '=', 'SV-P1').executeTakeFirstOrThrow()).status).toBe(
      'suspended',
    );
    const status = (await audits('provider.status')).filter((e) => e.entity_id === 'SV-P1').at(-1)!;
    expect(status.data).toMatchObject({ from: 'listed', to: 'suspended' });
    expect((status.data as { reason: string }).reason).toContain('第三方评估不合格');
    expect((await audits('provider.evaluation')).filter((e) => e.entity_id === 'SV-P1')).toHaveLength(2);
    await expect(
      plant((tx) => recordEvaluation(tx, CITY, { providerId: 'SV-P1', evaluator: 'x', evaluatedOn: '2021-06-01', score: 101 })),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'score' });
  });
});

describe('the lists behind the screens', () => {
  it('scans: newest first, with the count per rule; findings and scores by level, area and record', async () => {
    const scans = await plant((tx) => listScans(tx, CITY, {}));
    expect(scans.items[0]!.byRule.short_course).toBeGreaterThanOrEqual(1);
    expect(scans.items[0]!.scannedAt >= scans.items.at(-1)!.scannedAt).toBe(true);
    await expect(plant((tx) => listScans(tx, actor({ role: 'department', department: 'veterans' }), {}))).rejects.toMatchObject({
      code: 'forbidden',
    });
    const high = await plant((tx) => listFindings(tx, CITY, { level: 'high', pageSize: 200 }));
    expect(high.items.every((f) => f.weight >= RISK_LEVELS.findingWeight.high)).toBe(true);
    const low = await plant((tx) => listFindings(tx, CITY, { level: 'low', pageSize: 200 }));
    expect(low.items.every((f) => f.weight < RISK_LEVELS.findingWeight.medium)).toBe(true);
    expect(low.items.some((f) => f.rule === 'venue_double_booked')).toBe(true);
    const west = await plant((tx) => listFindings(tx, CITY, { areaCode: '510403', pageSize: 200 }));
    expect(west.items.every((f) => f.subjects.some((s) => s.areaCode === '510403'))).toBe(true);
    const one = await plant((tx) => listScores(tx, CITY, { kind: 'class', ref: 'SV-1' }));
    expect(one.items.map((s) => s.ref)).toEqual(['SV-1']);
    const medium = await plant((tx) => listScores(tx, CITY, { kind: 'class', level: 'medium', pageSize: 200 }));
    expect(medium.items.every((s) => s.score >= RISK_LEVELS.score.medium && s.score < RISK_LEVELS.score.high)).toBe(true);
  });

  it("inspections with their probability and result (a county: its area); evaluations with the provider's status now", async () => {
    const all = await plant((tx) => listInspections(tx, CITY, { pageSize: 200, sort: 'probability', order: 'desc' }));
    expect(all.total).toBeGreaterThan(0);
    expect(all.items[0]!.probability).toBeGreaterThanOrEqual(all.items.at(-1)!.probability);
    const done = await plant((tx) => listInspections(tx, CITY, { status: 'done' }));
    expect(done.items.every((i) => i.status === 'done' && i.result !== null && i.note)).toBe(true);
    const west = await plant((tx) => listInspections(tx, COUNTY_WEST, { pageSize: 200 }));
    expect(west.items.every((i) => i.areaCode === '510403')).toBe(true);
    await expect(plant((tx) => listInspections(tx, FINANCE, {}))).rejects.toMatchObject({ code: 'forbidden' });
    const evals = await plant((tx) => listEvaluations(tx, CITY, { providerId: 'SV-P1' }));
    expect(evals.items.map((e) => [e.evaluatedOn, e.passed, e.providerStatus])).toEqual([
      ['2021-06-01', false, 'suspended'],
      ['2021-05-01', true, 'suspended'],
    ]);
    expect(evals.items[0]!.statusChange).toBe('listed→suspended');
    expect((await plant((tx) => listEvaluations(tx, COUNTY_WEST, {}))).items).toEqual([]);
  });
});
