// 数据交换：导入部门登记数据 (§5.2 实名制 and data sharing; docs/registry-exchange.md). The city office
// imports an extract of another department's register. The file is read and checked whole OUTSIDE any
// transaction by the source's adapter (registry-sources.ts: every problem by row and column, nothing
// written unless all of it is valid); then ONE transaction (imports serialised by an advisory lock):
//   1. the same file for the same source again → nothing changes, the earlier import is named;
//   2. each row matched to the people on record by resident ID; the name must be the one on record
//      (实名核验) or the row is set aside and listed; unknown IDs are listed;
//   3. every fact the row gives that this source has not already said is added as a dated, sourced
//      fact naming the import and the row; a fact it already gave is left as it is (the same extract
//      twice adds nothing), and nothing another source said is touched;
//   4. where the source now disagrees with another source (or a hand-recorded fact) a conflict is
//      listed for the office (fact-conflicts.ts);
//   5. the claims the new facts change are re-decided, and decisions already published, approved or
//      paid raise fact cases, exactly as recording a fact by hand does (claims/redecide-claims.ts);
//   6. social insurance: insured spells by employer are kept, and §4.8 claims claiming more insured
//      months with that employer than the register shows in the claim's period are listed;
//   7. the reconciliation report is stored with the import and audited.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { formatChineseDate } from '../../policy/dates.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Db } from '../../store/database.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { businessToday } from '../business-date.ts';
import { redecideClaims, type FactCaseSummary, type RedecidedClaim } from '../claims/redecide-claims.ts';
import { assertDate } from '../identifiers.ts';
import { firstDisagreement, type DatedRecord } from './fact-conflicts.ts';
import { extractFactName, monthsBetween, registrySource, type RegistryRow, type SourceKey } from './registry-sources.ts';

/** Hand-recorded facts (and the demo's) are one source in conflicts: the office's own register. */
export const MANUAL_SOURCE = 'manual';
export const MANUAL_SOURCE_NAME = '人工登记';

export interface ImportInput {
  source: string;
  extractDate: string;
  format: 'xlsx' | 'csv';
  file: unknown;
  fileName?: string | null;
}

export interface ReportPerson {
  row: number;
  residentId: string;
  name: string;
}
export interface ReportFact extends ReportPerson {
  fact: string;
  factName: string;
  value: boolean;
  asOf: string;
}
export interface ReportConflict extends ReportPerson {
  id: number;
  fact: string;
  factName: string;
  onDate: string;
  value: boolean;
  otherSource: string;
  otherSourceName: string;
  otherValue: boolean;
  otherDetail: string;
}
export interface ReportClaim {
  claimNumber: string;
  residentId: string;
  name: string;
}
export interface ReconciliationReport {
  rows: number;
  /** Distinct people named in the extract. */
  people: number;
  /** People found on record under the same name. */
  matched: number;
  unknownIds: ReportPerson[];
  nameMismatches: (ReportPerson & { nameOnRecord: string })[];
  factsAdded: ReportFact[];
  /** Facts the source had already given (left as they were). */
  factsUnchanged: number;
  spellsAdded: number;
  spellsUnchanged: number;
  conflicts: ReportConflict[];
  redecided: (Omit<RedecidedClaim, 'claimId'> & ReportClaim)[];
  cases: (Omit<FactCaseSummary, 'claimId'> & ReportClaim)[];
  /** §4.8 claims whose insured months exceed what the register shows with that employer in the claim's period. */
  insuredMonthMismatches: (ReportClaim & { uscc: string; claimedMonths: number; registryMonths: number })[];
}

export interface RegistryImportView {
  id: number;
  source: SourceKey;
  sourceName: string;
  extractDate: string;
  fileName: string | null;
  fileFormat: 'xlsx' | 'csv';
  rows: number;
  factsAdded: number;
  conflicts: number;
  redecided: number;
  cases: number;
  importedBy: string;
  importedAt: string;
}
export interface RegistryImportResult extends RegistryImportView {
  /** The same file of the same source was imported before (this is that import): nothing changed. */
  alreadyImported: boolean;
  report: ReconciliationReport;
}

export function toImportView(r: {
  id: number;
  source: string;
  extract_date: string;
  file_name: string | null;
  file_format: 'xlsx' | 'csv';
  rows: number;
  facts_added: number;
  conflicts: number;
  redecided: number;
  cases: number;
  imported_by: string;
  imported_at: Date;
}): RegistryImportView {
  return {
    id: Number(r.id),
    source: r.source as SourceKey,
    sourceName: registrySource(r.source).name,
    extractDate: r.extract_date,
    fileName: r.file_name,
    fileFormat: r.file_format,
    rows: Number(r.rows),
    factsAdded: Number(r.facts_added),
    conflicts: Number(r.conflicts),
    redecided: Number(r.redecided),
    cases: Number(r.cases),
    importedBy: r.imported_by,
    importedAt: r.imported_at.toISOString(),
  };
}

export const sourceText = (sourceName: string, extractDate: string, importId: number, row: number) =>
  `${sourceName}（数据日期 ${formatChineseDate(extractDate)}，第 ${importId} 次导入第 ${row} 行）`;

export async function importRegistryExtract(db: Db, actor: Actor | null, input: ImportInput): Promise<RegistryImportResult> {
  const a = requireRole(actor, 'city');
  const label = actorLabel(a);
  const source = registrySource(input.source);
  assertDate(input.extractDate, 'query.extractDate');
  const today = businessToday();
  if (input.extractDate > today)
    throw new AppError('invalid_input', `query.extractDate: 数据日期 ${input.extractDate} 晚于今天（${today}）`, 'query.extractDate');
  // Outside any transaction: the file's rows (in the sheet thread, within the limits), checked whole.
  const rows = await source.read({ format: input.format, body: input.file, extractDate: input.extractDate });
  const sha256 = createHash('sha256')
    .update(input.file as Buffer)
    .digest('hex');

  return inTransaction(db, async (tx) => {
    // One import at a time: "already said by this source" and the conflicts are read, then written.
    await sql`select pg_advisory_xact_lock(hashtext('registry_imports'))`.execute(tx);
    const seen = await tx
      .selectFrom('registry_imports')
      .selectAll()
      .where('source', '=', source.key)
      .where('file_sha256', '=', sha256)
      .executeTakeFirst();
    if (seen) return { ...toImportView(seen), alreadyImported: true, report: reportOf(seen.report) };

    const ids = [...new Set(rows.map((r) => r.residentId))];
    const onRecord = new Map(
      (await chunks(ids, (part) => tx.selectFrom('people').select(['resident_id', 'name']).where('resident_id', 'in', part).execute())).map(
        (p) => [p.resident_id, p.name],
      ),
    );
    const report: ReconciliationReport = {
      rows: rows.length,
      people: ids.length,
      matched: 0,
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
    };
    const matched: RegistryRow[] = [];
    const matchedPeople = new Set<string>();
    const listedUnknown = new Set<string>();
    for (const r of rows) {
      const name = onRecord.get(r.residentId);
      if (name === undefined) {
        if (!listedUnknown.has(r.residentId)) report.unknownIds.push({ row: r.row, residentId: r.residentId, name: r.name });
        listedUnknown.add(r.residentId);
      } else if (name !== r.name) {
        report.nameMismatches.push({ row: r.row, residentId: r.residentId, name: r.name, nameOnRecord: name });
      } else {
        matched.push(r);
        matchedPeople.add(r.residentId);
      }
    }
    report.matched = matchedPeople.size;

    // What is on record for these people and these facts, by source.
    const people = [...matchedPeople];
    const existing = await chunks(people, (part) =>
      tx
        .selectFrom('person_facts as f')
        .leftJoin('registry_imports as i', 'i.id', 'f.registry_import_id')
        .select(['f.resident_id', 'f.fact', 'f.value', 'f.as_of', 'f.source', 'i.source as registry'])
        .where('f.resident_id', 'in', part)
        .where('f.fact', 'in', source.facts)
        .orderBy('f.as_of')
        .orderBy('f.recorded_at')
        .orderBy('f.id')
        .execute(),
    );
    const bySource = new Map<string, Map<string, (DatedRecord & { detail: string })[]>>(); // person|fact → source → records
    const keyOf = (residentId: string, fact: string) => `${residentId}|${fact}`;
    const recordsOf = (residentId: string, fact: string, src: string) => {
      let m = bySource.get(keyOf(residentId, fact));
      if (!m) bySource.set(keyOf(residentId, fact), (m = new Map()));
      let list = m.get(src);
      if (!list) m.set(src, (list = []));
      return list;
    };
    for (const f of existing)
      recordsOf(f.resident_id, f.fact, f.registry ?? MANUAL_SOURCE).push({
        from: f.as_of,
        value: f.value,
        detail: `${f.source}：${f.value ? '是' : '否'}，自 ${formatChineseDate(f.as_of)}`,
      });

    // New facts: those this source has not said before (first row wins within the file).
    const newFacts: (ReportFact & { personRow: RegistryRow })[] = [];
    const inFile = new Set<string>();
    for (const r of matched) {
      for (const f of r.facts) {
        const k = `${r.residentId}|${f.fact}|${f.value}|${f.asOf}`;
        if (inFile.has(k)) continue;
        inFile.add(k);
        const said = recordsOf(r.residentId, f.fact, source.key).some((e) => e.from === f.asOf && e.value === f.value);
        if (said) report.factsUnchanged++;
        else
          newFacts.push({
            row: r.row,
            residentId: r.residentId,
            name: r.name,
            fact: f.fact,
            factName: extractFactName(f.fact),
            value: f.value,
            asOf: f.asOf,
            personRow: r,
          });
      }
    }

    const imported = await tx
      .insertInto('registry_imports')
      .values({
        source: source.key,
        extract_date: input.extractDate,
        file_name: input.fileName?.slice(0, 200) ?? null,
        file_format: input.format,
        file_sha256: sha256,
        rows: rows.length,
        report: JSON.stringify(report),
        imported_by: label,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    const importId = Number(imported.id);

    // Re-decisions and cases, before the facts are inserted (redecideClaims compares without and with them).
    if (newFacts.length > 0) {
      const firstOf = new Map<string, ReportFact>();
      for (const f of newFacts) if (!firstOf.has(f.residentId)) firstOf.set(f.residentId, f);
      const impact = await redecideClaims(
        tx,
        label,
        [...firstOf.keys()],
        { personFacts: newFacts.map((f) => ({ resident_id: f.residentId, fact: f.fact, value: f.value, as_of: f.asOf })) },
        (residentId) => {
          const first = firstOf.get(residentId)!;
          const mine = newFacts.filter((f) => f.residentId === residentId);
          return {
            subjectKind: 'person',
            subjectId: residentId,
            fact: first.fact,
            record: {
              value: first.value,
              asOf: first.asOf,
              source: sourceText(source.name, input.extractDate, importId, first.row),
              registryImport: importId,
              facts: mine.map((f) => ({ fact: f.fact, value: f.value, asOf: f.asOf, row: f.row })),
            },
          };
        },
        true,
      );
      const claims = await claimPeople(
        tx,
        [...impact.redecided, ...impact.cases].map((c) => c.claimId),
      );
      report.redecided = impact.redecided.map(({ claimId, ...r }) => ({ ...r, ...claims.get(claimId)! }));
      report.cases = impact.cases.map(({ claimId, ...c }) => ({ ...c, ...claims.get(claimId)! }));

      await tx
        .insertInto('person_facts')
        .values(
          newFacts.map((f) => ({
            resident_id: f.residentId,
            fact: f.fact,
            value: f.value,
            source: sourceText(source.name, input.extractDate, importId, f.row),
            as_of: f.asOf,
            recorded_by: label,
            registry_import_id: importId,
            registry_row: f.row,
          })),
        )
        .execute();
      report.factsAdded = newFacts.map(({ personRow: _, ...f }) => f);
      for (const f of newFacts) recordsOf(f.residentId, f.fact, source.key).push({ from: f.asOf, value: f.value, detail: '' });
    }

    // Conflicts: for each person and fact this import added to, this source against every other one.
    const touched = new Map<string, ReportFact>();
    for (const f of newFacts) if (!touched.has(keyOf(f.residentId, f.fact))) touched.set(keyOf(f.residentId, f.fact), f);
    for (const [key, f] of touched) {
      const sources = bySource.get(key)!;
      const ours = sources.get(source.key)!;
      for (const [other, theirs] of sources) {
        if (other === source.key) continue;
        const d = firstDisagreement(ours, theirs);
        if (!d) continue;
        const open = await tx
          .selectFrom('registry_conflicts')
          .select('id')
          .where('resident_id', '=', f.residentId)
          .where('fact', '=', f.fact)
          .where('source', '=', source.key)
          .where('other_source', '=', other)
          .where('status', '=', 'open')
          .executeTakeFirst();
        if (open) continue;
        const theirRecord = [...theirs].reverse().find((r) => r.from <= d.on) ?? theirs[0]!;
        const detail = (theirRecord as { detail?: string }).detail ?? '';
        const row = newFacts.find((n) => n.residentId === f.residentId && n.fact === f.fact)!.row;
        const inserted = await tx
          .insertInto('registry_conflicts')
          .values({
            import_id: importId,
            resident_id: f.residentId,
            fact: f.fact,
            source: source.key,
            on_date: d.on,
            value: d.ours,
            registry_row: row,
            other_source: other,
            other_value: d.theirs,
            other_detail: detail,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        report.conflicts.push({
          id: Number(inserted.id),
          row,
          residentId: f.residentId,
          name: f.name,
          fact: f.fact,
          factName: f.factName,
          onDate: d.on,
          value: d.ours,
          otherSource: other,
          otherSourceName: sourceName(other),
          otherValue: d.theirs,
          otherDetail: detail,
        });
      }
    }

    // Social insurance: the spells by employer, and the §4.8 claims they contradict.
    const spellRows = matched.flatMap((r) => r.spells.map((s) => ({ ...s, residentId: r.residentId, row: r.row })));
    for (const s of spellRows) {
      const added = await tx
        .insertInto('registry_insured_spells')
        .values({
          resident_id: s.residentId,
          uscc: s.uscc,
          employer_name: s.employerName,
          from_month: s.fromMonth,
          to_month: s.toMonth,
          import_id: importId,
          registry_row: s.row,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (added) report.spellsAdded++;
      else report.spellsUnchanged++;
    }
    if (spellRows.length > 0) report.insuredMonthMismatches = await insuredMonthMismatches(tx, spellRows, input.extractDate);

    await tx
      .updateTable('registry_imports')
      .set({
        report: JSON.stringify(report),
        facts_added: report.factsAdded.length,
        conflicts: report.conflicts.length,
        redecided: report.redecided.length,
        cases: report.cases.length,
      })
      .where('id', '=', importId)
      .execute();
    await appendAudit(tx, {
      actor: label,
      action: 'registry.import',
      entity: 'registry_import',
      entityId: String(importId),
      data: {
        source: source.key,
        extractDate: input.extractDate,
        sha256,
        rows: rows.length,
        matched: report.matched,
        unknownIds: report.unknownIds.length,
        nameMismatches: report.nameMismatches.length,
        factsAdded: report.factsAdded.length,
        factsUnchanged: report.factsUnchanged,
        conflicts: report.conflicts.map((c) => c.id),
        redecided: report.redecided.map((c) => c.claimNumber),
        cases: report.cases.map((c) => c.caseId),
      },
    });
    const row = await tx.selectFrom('registry_imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow();
    return { ...toImportView(row), alreadyImported: false, report };
  });
}

export const reportOf = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as ReconciliationReport;

export function sourceName(key: string): string {
  return key === MANUAL_SOURCE ? MANUAL_SOURCE_NAME : registrySource(key).name;
}

async function chunks<T, R>(items: T[], read: (part: T[]) => Promise<R[]>, size = 1000): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await read(items.slice(i, i + size))));
  return out;
}

async function claimPeople(tx: Tx, claimIds: string[]): Promise<Map<string, ReportClaim>> {
  if (claimIds.length === 0) return new Map();
  const rows = await chunks(claimIds, (part) =>
    tx
      .selectFrom('claims as c')
      .innerJoin('people as p', 'p.resident_id', 'c.resident_id')
      .select(['c.id', 'c.number', 'c.resident_id', 'p.name'])
      .where('c.id', 'in', part)
      .execute(),
  );
  return new Map(rows.map((r) => [r.id, { claimNumber: r.number, residentId: r.resident_id, name: r.name }]));
}

/**
 * §4.8 claims (not rejected or withdrawn) of the people and employers in the extract whose insured
 * months exceed the months this extract shows with that employer inside the claim's period.
 */
async function insuredMonthMismatches(
  tx: Tx,
  spells: { residentId: string; uscc: string; fromMonth: string; toMonth: string | null }[],
  extractDate: string,
): Promise<ReconciliationReport['insuredMonthMismatches']> {
  const people = [...new Set(spells.map((s) => s.residentId))];
  const claims = await chunks(people, (part) =>
    tx
      .selectFrom('claims as c')
      .innerJoin('people as p', 'p.resident_id', 'c.resident_id')
      .select(['c.number', 'c.resident_id', 'p.name', 'c.enterprise_uscc', 'c.insured_months', 'c.start_date', 'c.end_date'])
      .where('c.resident_id', 'in', part)
      .where('c.program', '=', 'work_for_training')
      .where('c.status', 'not in', ['rejected', 'withdrawn'])
      .where('c.insured_months', 'is not', null)
      .orderBy('c.number')
      .execute(),
  );
  const out: ReconciliationReport['insuredMonthMismatches'] = [];
  const extractMonth = extractDate.slice(0, 7);
  for (const c of claims) {
    if (!c.enterprise_uscc || c.insured_months == null) continue;
    const mine = spells.filter((s) => s.residentId === c.resident_id && s.uscc === c.enterprise_uscc);
    const from = c.start_date.slice(0, 7);
    const to = c.end_date.slice(0, 7);
    if (to > extractMonth) continue; // the claim's period runs past what the extract can show
    let months = 0;
    for (const s of mine) {
      const a = s.fromMonth > from ? s.fromMonth : from;
      const end = s.toMonth ?? extractMonth;
      const b = end < to ? end : to;
      if (a <= b) months += monthsBetween(a, b);
    }
    if (Number(c.insured_months) > months)
      out.push({
        claimNumber: c.number,
        residentId: c.resident_id,
        name: c.name,
        uscc: c.enterprise_uscc,
        claimedMonths: Number(c.insured_months),
        registryMonths: months,
      });
  }
  return out;
}
