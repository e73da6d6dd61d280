// The fraud-risk rules on the demo data: the demo plants at least one case for every
// rule (PLANTED_IRREGULARITIES, each labelled in the audit log); a full scan finds every planted case
// with the rule it was planted for, and no rule names a class or a claim that is not planted for it —
// the thousand-odd clean records of two years of work fire nothing. Seeded once per run and shared by the
// demo test files (test/support/demo.ts), with fewer people than the real demo (the same seeder, the same use cases; the real demo scans the same way).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFindings, type FindingView } from '../../../src/services/risk/list-findings.ts';
import { listScores } from '../../../src/services/risk/list-scores.ts';
import { RULE_WEIGHTS } from '../../../src/services/risk/risk-parameters.ts';
import { RISK_RULES } from '../../../src/services/risk/rules/index.ts';
import { inspectionProbability, sampleInspections } from '../../../src/services/risk/sample-inspections.ts';
import { scanRisks, type ScanSummary } from '../../../src/services/risk/scan-risks.ts';
import type { Store } from '../../../src/store/database.ts';
import { PLANTED_IRREGULARITIES, type DemoActivity, type PlantedCase } from '../../../src/demo/seed-demo-activity.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { openDemoStore } from '../../support/demo.ts';
import { CITY } from './risk-fixtures.ts';

let store: Store;
let activity: DemoActivity;
let scan: ScanSummary;
/** The class of every claim (claims on a planted class are part of its case). */
let classOfClaim: Map<string, string | null>;

beforeAll(async () => {
  ({ store, activity } = await openDemoStore());
  scan = await scanRisks(store.db, 'city:test');
  classOfClaim = new Map((await store.db.selectFrom('claims').select(['id', 'class_id']).execute()).map((c) => [c.id, c.class_id]));
}, 600_000); // it may wait for another file seeding the shared demo
afterAll(() => store?.close());

const plantsFor = (rule: string): PlantedCase[] =>
  PLANTED_IRREGULARITIES.filter((p) => (p.riskRules as readonly string[]).includes(rule)).map((p) =>
    activity.planted.find((x) => x.id === p.id)!,
  );

async function findingsOf(rule: string): Promise<FindingView[]> {
  const out: FindingView[] = [];
  for (let page = 1; ; page++) {
    const p = await inTransaction(store.db, (tx) => listFindings(tx, CITY, { rule, page, pageSize: 200 }));
    out.push(...p.items);
    if (out.length >= p.total) return out;
  }
}

/** The classes and claims a finding names that belong to none of the given planted cases. */
function unplanted(f: FindingView, plants: PlantedCase[]): string[] {
  const classes = new Set(plants.flatMap((p) => p.classIds));
  const claims = new Set(plants.flatMap((p) => p.claimIds));
  return f.subjects.flatMap((s) => {
    if (s.kind === 'class') return classes.has(s.ref) ? [] : [`培训班 ${s.ref}`];
    if (s.kind === 'claim') return claims.has(s.ref) || classes.has(classOfClaim.get(s.ref) ?? '') ? [] : [`申领 ${s.ref}`];
    return [];
  });
}

describe('The demo plants a case for every risk rule', () => {
  it('every rule of the scan has at least one planted case, and every planted case was seeded and labelled', async () => {
    const covered = new Set(PLANTED_IRREGULARITIES.flatMap((p) => p.riskRules as readonly string[]));
    expect(RISK_RULES.map((r) => r.code).filter((c) => !covered.has(c))).toEqual([]);
    expect(activity.planted.map((p) => p.id).sort()).toEqual(PLANTED_IRREGULARITIES.map((p) => p.id).sort());
    const labels = await store.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'demo.planted').execute();
    expect(labels).toHaveLength(PLANTED_IRREGULARITIES.length);
  });
});

describe.each(RISK_RULES.map((r) => [r.code, r] as const))('%s on the demo data', (code, rule) => {
  it('finds each case planted for it, with a Chinese explanation naming records by number, and evidence rows', async () => {
    const findings = await findingsOf(code);
    expect(scan.byRule[code]).toBe(findings.length);
    for (const p of plantsFor(code)) {
      const hits = findings.filter((f) =>
        f.subjects.some((s) => (s.kind === 'class' && p.classIds.includes(s.ref)) || (s.kind === 'claim' && p.claimIds.includes(s.ref))),
      );
      expect(hits.length, `${p.id} 未被规则 ${code} 发现`).toBeGreaterThan(0);
      for (const f of hits) {
        expect(f.title).toBe(rule.title);
        expect(f.explanation).toMatch(/[\u4e00-\u9fff]/);
        // Users never read an internal id: the classes and claims it names read as their numbers.
        expect(f.explanation).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
        expect(Object.keys(f.evidence as object).length).toBeGreaterThan(1);
      }
    }
  });

  it('flags nothing that was not planted for it', async () => {
    const plants = plantsFor(code);
    const stray = (await findingsOf(code)).flatMap((f) => unplanted(f, plants).map((x) => `${x}：${f.explanation}`));
    expect(stray).toEqual([]);
  });
});

describe('Scores and sampling on the demo data', () => {
  it('scores every planted class from its rules; a class no rule names has no score', async () => {
    const scores = await inTransaction(store.db, (tx) => listScores(tx, CITY, { kind: 'class', pageSize: 200 }));
    const byRef = new Map(scores.items.map((s) => [s.ref, s]));
    const same = activity.planted.find((p) => p.id === 'PLANT-SAME-MINUTE')!;
    expect(byRef.get(same.classIds[0]!)).toMatchObject({ score: RULE_WEIGHTS.same_minute_signin, rules: ['same_minute_signin'] });
    const planted = new Set(activity.planted.flatMap((p) => p.classIds));
    expect(scores.items.filter((s) => !planted.has(s.ref))).toEqual([]);
    const providers = await inTransaction(store.db, (tx) => listScores(tx, CITY, { kind: 'provider' }));
    expect(providers.items.length).toBeGreaterThan(0);
  });

  it('samples inspections reproducibly, each drawn class with its probability from its score', async () => {
    const a = await inTransaction(store.db, (tx) => sampleInspections(tx, CITY, { seed: '2021-11 过程监督' }));
    const b = await inTransaction(store.db, (tx) => sampleInspections(tx, CITY, { seed: '2021-11 过程监督' }));
    expect(a.population).toBeGreaterThan(0);
    expect(b.inspections.map((i) => i.classId)).toEqual(a.inspections.map((i) => i.classId));
    for (const i of a.inspections) expect(i.probability).toBe(inspectionProbability(i.score));
  });
});
