// The full risk scan (§5.2/§5.3): runs every rule over the whole system of record, stores
// the findings with their subjects, derives the claims and providers a class finding touches, and
// scores every class, claim and provider from the rules that name it (RULE_WEIGHTS). One audit entry
// per scan, with the count of each rule and what could not be judged for lack of a fact.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import type { Db } from '../../store/database.ts';
import type { RiskSubjectKind } from '../../store/schema.ts';
import { inTransaction } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { RISK_PARAMETERS, RULE_WEIGHTS, type RiskParameters } from './risk-parameters.ts';
import { RISK_RULES } from './rules/index.ts';
import { liveClaim, type RiskRule } from './rules/rule-kit.ts';
import { chineseDatesInText } from '../../policy/dates.ts';

export interface ScanSummary {
  scanId: string;
  parametersVersion: string;
  findings: number;
  byRule: Record<string, number>;
  /** Per rule, records it could not judge because a fact is unknown (never read as false). */
  unknown: Record<string, { count: number; note: string }>;
  scored: { classes: number; claims: number; providers: number };
}

const CHUNK = 500;

function scanId(): string {
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `RS-${stamp}-${randomBytes(3).toString('hex')}`;
}

/** Runs a scan in its own transaction. */
export function scanRisks(
  db: Db,
  actor = 'system',
  options: { rules?: readonly RiskRule[]; parameters?: RiskParameters } = {},
): Promise<ScanSummary> {
  return inTransaction(db, (tx) => scanRisksIn(tx, actor, options));
}

export async function scanRisksIn(
  tx: Tx,
  actor: string,
  options: { rules?: readonly RiskRule[]; parameters?: RiskParameters } = {},
): Promise<ScanSummary> {
  const rules = options.rules ?? RISK_RULES;
  const params = options.parameters ?? RISK_PARAMETERS;
  const id = scanId();
  await tx
    .insertInto('risk_scans')
    .values({ id, parameters_version: params.version, findings: 0, unknown: JSON.stringify({}), scanned_by: actor })
    .execute();
  const byRule: Record<string, number> = {};
  const unknown: Record<string, { count: number; note: string }> = {};
  let n = 0;
  for (const rule of rules) {
    const weight = RULE_WEIGHTS[rule.code];
    if (weight === undefined) throw new Error(`risk rule ${rule.code} has no weight in RULE_WEIGHTS`);
    const result = await rule.run(tx, params);
    byRule[rule.code] = result.findings.length;
    if (result.unknown) unknown[rule.code] = result.unknown;
    const findings = result.findings.map((f) => ({ ...f, id: `${id}-${String(++n).padStart(6, '0')}` }));
    for (let i = 0; i < findings.length; i += CHUNK) {
      const chunk = findings.slice(i, i + CHUNK);
      const readable = await readableExplanations(tx, chunk);
      await tx
        .insertInto('risk_findings')
        .values(
          chunk.map((f) => ({
            id: f.id,
            scan_id: id,
            rule: rule.code,
            title: rule.title,
            clause: rule.clause,
            weight,
            explanation: readable(f.explanation),
            evidence: JSON.stringify(f.evidence),
          })),
        )
        .execute();
      const subjects = new Map<string, { kind: RiskSubjectKind; ref: string; resident_id: string | null; finding_id: string }>();
      const add = (finding: string, kind: RiskSubjectKind, ref: string, resident: string | null) =>
        subjects.set(`${finding}|${kind}|${ref}|${resident ?? ''}`, { finding_id: finding, kind, ref, resident_id: resident });
      for (const f of chunk) {
        for (const c of f.subjects.classes ?? []) add(f.id, 'class', c.id, c.residentId ?? null);
        for (const c of f.subjects.claims ?? []) add(f.id, 'claim', c, null);
        for (const p of f.subjects.providers ?? []) add(f.id, 'provider', p, null);
      }
      const rows = [...subjects.values()];
      for (let j = 0; j < rows.length; j += 2 * CHUNK) {
        await tx
          .insertInto('risk_finding_subjects')
          .values(rows.slice(j, j + 2 * CHUNK).map((s) => ({ ...s, scan_id: id, area_code: null })))
          .execute();
      }
    }
  }
  await deriveSubjects(tx, id);
  const scored = await scoreSubjects(tx, id);
  await tx
    .updateTable('risk_scans')
    .set({ findings: n, unknown: JSON.stringify(unknown) })
    .where('id', '=', id)
    .execute();
  await appendAudit(tx, {
    actor,
    action: 'risk.scan',
    entity: 'risk_scan',
    entityId: id,
    data: {
      parametersVersion: params.version,
      findings: n,
      byRule,
      unknown: Object.fromEntries(Object.entries(unknown).map(([k, v]) => [k, v.count])),
      scored,
    },
  });
  return { scanId: id, parametersVersion: params.version, findings: n, byRule, unknown, scored };
}

/**
 * A class finding also names the claims made on that class (for the trainee it is about, or all of
 * them when it is about the class as a whole) and the class's provider; a claim finding names the
 * claim's provider. Then every subject gets its area (the class's, the claim's, the provider's).
 */
async function deriveSubjects(tx: Tx, scan: string): Promise<void> {
  await sql`
    insert into risk_finding_subjects (scan_id, finding_id, kind, ref, resident_id, area_code)
    select distinct s.scan_id, s.finding_id, 'claim', cl.id, null::text, null::text
    from risk_finding_subjects s
    join claims cl on cl.class_id = s.ref and (s.resident_id is null or cl.resident_id = s.resident_id)
    where s.scan_id = ${scan} and s.kind = 'class' and ${liveClaim('cl')}
      and not exists (select 1 from risk_finding_subjects x where x.finding_id = s.finding_id and x.kind = 'claim' and x.ref = cl.id)`.execute(
    tx,
  );
  await sql`
    insert into risk_finding_subjects (scan_id, finding_id, kind, ref, resident_id, area_code)
    select distinct d.scan_id, d.finding_id, 'provider', d.provider_id, null::text, null::text from (
      select s.scan_id, s.finding_id, c.provider_id from risk_finding_subjects s join classes c on c.id = s.ref where s.scan_id = ${scan} and s.kind = 'class'
      union
      select s.scan_id, s.finding_id, cl.provider_id from risk_finding_subjects s join claims cl on cl.id = s.ref
      where s.scan_id = ${scan} and s.kind = 'claim' and cl.provider_id is not null
    ) d
    where not exists (select 1 from risk_finding_subjects x where x.finding_id = d.finding_id and x.kind = 'provider' and x.ref = d.provider_id)`.execute(
    tx,
  );
  await sql`update risk_finding_subjects s set area_code = c.area_code from classes c where s.scan_id = ${scan} and s.kind = 'class' and c.id = s.ref`.execute(
    tx,
  );
  await sql`update risk_finding_subjects s set area_code = c.area_code from claims c where s.scan_id = ${scan} and s.kind = 'claim' and c.id = s.ref`.execute(
    tx,
  );
  await sql`update risk_finding_subjects s set area_code = p.area_code from providers p where s.scan_id = ${scan} and s.kind = 'provider' and p.id = s.ref`.execute(
    tx,
  );
}

/** Score = Σ weights of the distinct rules naming the subject, capped at 100 (risk-parameters.ts). */
async function scoreSubjects(tx: Tx, scan: string): Promise<ScanSummary['scored']> {
  await sql`
    insert into risk_scores (scan_id, kind, ref, area_code, score, rules, findings)
    select ${scan}, x.kind, x.ref, max(x.area_code), least(100, sum(x.weight))::int, jsonb_agg(x.rule order by x.rule), sum(x.n)::int
    from (
      select s.kind, s.ref, max(s.area_code) as area_code, f.rule, max(f.weight) as weight, count(distinct f.id) as n
      from risk_finding_subjects s join risk_findings f on f.id = s.finding_id
      where s.scan_id = ${scan}
      group by s.kind, s.ref, f.rule
    ) x
    group by x.kind, x.ref`.execute(tx);
  const counts = await tx
    .selectFrom('risk_scores')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('scan_id', '=', scan)
    .groupBy('kind')
    .execute();
  const of = (k: string) => Number(counts.find((c) => c.kind === k)?.n ?? 0);
  return { classes: of('class'), claims: of('claim'), providers: of('provider') };
}

/** The newest scan, or undefined before the first. */
export async function latestScan(tx: Tx): Promise<{ id: string; scanned_at: Date } | undefined> {
  return tx
    .selectFrom('risk_scans')
    .select(['id', 'scanned_at'])
    .orderBy('scanned_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The scan as an act of the city bureau (the route's use case). */
export async function runScanAs(tx: Tx, actor: Actor | null): Promise<ScanSummary> {
  const a = requireRole(actor, 'city');
  return scanRisksIn(tx, actorLabel(a));
}

/**
 * The explanations as users read them: the classes and claims they name by their numbers
 * (BJ-2021-510402-000012), never by internal ids, and their dates as 2021年3月2日 (chineseDatesInText).
 * The rules build their sentences from ids and ISO dates; this is the one place that rewrites them.
 */
async function readableExplanations(
  tx: Tx,
  findings: { subjects: { classes?: { id: string }[]; claims?: string[] } }[],
): Promise<(text: string) => string> {
  const classIds = [...new Set(findings.flatMap((f) => (f.subjects.classes ?? []).map((c) => c.id)))];
  const claimIds = [...new Set(findings.flatMap((f) => f.subjects.claims ?? []))];
  const numbers = new Map<string, string>();
  for (let i = 0; i < classIds.length; i += 1000) {
    for (const r of await tx
      .selectFrom('classes')
      .select(['id', 'number'])
      .where('id', 'in', classIds.slice(i, i + 1000))
      .execute())
      numbers.set(r.id, r.number);
  }
  for (let i = 0; i < claimIds.length; i += 1000) {
    for (const r of await tx
      .selectFrom('claims')
      .select(['id', 'number'])
      .where('id', 'in', claimIds.slice(i, i + 1000))
      .execute())
      numbers.set(r.id, r.number);
  }
  // Longest ids first, so an id that contains another is replaced whole.
  const ids = [...numbers.keys()].sort((a, b) => b.length - a.length);
  return (text) => chineseDatesInText(ids.reduce((t, id) => (t.includes(id) ? t.split(id).join(numbers.get(id)!) : t), text));
}
