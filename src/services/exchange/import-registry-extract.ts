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
import { SINCE_EVER } from '../claims/engine-input-from-store.ts';
import { firstDisagreement, type DatedRecord } from './fact-conflicts.ts';
import { extractFactName, monthsBetween, registrySource, type RegistryRow, type SourceKey } from './registry-sources.ts';

/** Hand-recorded facts (and the demo's) are one source in conflicts: the office's own register. */
export const MANUAL_SOURCE = 'manual';
export const MANUAL_SOURCE_NAME = '人工登记';
/** An enterprise's 参保 (§4.8), the one enterprise fact an extract gives. */
const INSURED = 'insured';
const INSURED_NAME = '参保企业';
/** Rows per multi-row insert (far below PostgreSQL's 65,535 parameters). */
const INSERT_CHUNK = 500;

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
export interface ReportEnterpriseFact {
  row: number;
  uscc: string;
  name: string;
  fact: string;
  factName: string;
  value: boolean;
  asOf: string;
}
export interface ReportEnterpriseConflict extends Omit<ReportConflict, 'residentId'> {
  uscc: string;
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
  /** Social insurance: the employers' 参保 (§4.8) derived from the spells, new to this source. */
  enterpriseFactsAdded: ReportEnterpriseFact[];
  enterpriseFactsUnchanged: number;
  /** Where the employers' 参保 from this extract disagrees with what was recorded by hand or registered. */
  enterpriseConflicts: ReportEnterpriseConflict[];
  /** Employers in the extract that are not on record (their 参保 cannot be recorded). */
  unknownEmployers: { row: number; uscc: string; name: string }[];
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
      enterpriseFactsAdded: [],
      enterpriseFactsUnchanged: 0,
      enterpriseConflicts: [],
      unknownEmployers: [],
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
    const personSaid = new SaidBySource();
    for (const f of existing)
      personSaid.records(f.resident_id, f.fact, f.registry ?? MANUAL_SOURCE).push({
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
        const said = personSaid.records(r.residentId, f.fact, source.key).some((e) => e.from === f.asOf && e.value === f.value);
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

    // Social insurance: the employers' 参保 over the spells of the people matched (an ID in doubt
    // evidences nothing), for the enterprises on record.
    const spellRows = matched.flatMap((r) => r.spells.map((s) => ({ ...s, residentId: r.residentId, row: r.row })));
    const employers = await enterprisesOnRecord(tx, spellRows);
    const listedEmployer = new Set<string>();
    for (const s of spellRows)
      if (!employers.has(s.uscc) && !listedEmployer.has(s.uscc)) {
        listedEmployer.add(s.uscc);
        report.unknownEmployers.push({ row: s.row, uscc: s.uscc, name: s.employerName });
      }
    const enterpriseSaid = new SaidBySource();
    const newEnterpriseFacts: ReportEnterpriseFact[] = [];
    if (employers.size > 0) {
      for (const e of employers.values())
        if (e.insured != null)
          enterpriseSaid
            .records(e.uscc, INSURED, MANUAL_SOURCE)
            .push({ from: SINCE_EVER, value: e.insured, detail: `企业登记时填报：${e.insured ? '是' : '否'}` });
      const onRecord = await chunks([...employers.keys()], (part) =>
        tx
          .selectFrom('enterprise_facts as f')
          .leftJoin('registry_imports as i', 'i.id', 'f.registry_import_id')
          .select(['f.uscc', 'f.value', 'f.as_of', 'f.source', 'i.source as registry'])
          .where('f.uscc', 'in', part)
          .where('f.fact', '=', INSURED)
          .orderBy('f.as_of')
          .orderBy('f.recorded_at')
          .orderBy('f.id')
          .execute(),
      );
      for (const f of onRecord)
        enterpriseSaid.records(f.uscc, INSURED, f.registry ?? MANUAL_SOURCE).push({
          from: f.as_of,
          value: f.value,
          detail: `${f.source}：${f.value ? '是' : '否'}，自 ${formatChineseDate(f.as_of)}`,
        });
      for (const d of insuredFromSpells(
        spellRows.filter((s) => employers.has(s.uscc)),
        input.extractDate,
      )) {
        const said = enterpriseSaid.records(d.uscc, INSURED, source.key).some((e) => e.from === d.asOf && e.value === true);
        if (said) report.enterpriseFactsUnchanged++;
        else
          newEnterpriseFacts.push({
            row: d.row,
            uscc: d.uscc,
            name: employers.get(d.uscc)!.name,
            fact: INSURED,
            factName: INSURED_NAME,
            value: true,
            asOf: d.asOf,
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
    const textOf = (row: number) => sourceText(source.name, input.extractDate, importId, row);

    // Re-decisions and cases, before the facts are inserted (redecideClaims compares without and with
    // them): the people with new facts, and everyone with a claim naming an employer with new 参保.
    if (newFacts.length > 0 || newEnterpriseFacts.length > 0) {
      const firstOf = new Map<string, ReportFact>();
      const factsOf = new Map<string, ReportFact[]>();
      for (const f of newFacts) {
        if (!firstOf.has(f.residentId)) firstOf.set(f.residentId, f);
        const list = factsOf.get(f.residentId);
        if (list) list.push(f);
        else factsOf.set(f.residentId, [f]);
      }
      const employerFacts = new Map<string, ReportEnterpriseFact[]>();
      for (const f of newEnterpriseFacts) {
        const list = employerFacts.get(f.uscc);
        if (list) list.push(f);
        else employerFacts.set(f.uscc, [f]);
      }
      const employees = await chunks([...employerFacts.keys()], (part) =>
        tx
          .selectFrom('claims')
          .select(['resident_id', 'enterprise_uscc'])
          .distinct()
          .where('enterprise_uscc', 'in', part)
          .where('status', 'in', ['decided', 'reviewed', 'publicity', 'approved', 'paid'])
          .orderBy('resident_id')
          .execute(),
      );
      const employerOf = new Map<string, string>();
      for (const e of employees) if (!employerOf.has(e.resident_id)) employerOf.set(e.resident_id, e.enterprise_uscc!);
      const enterpriseChange = (uscc: string) => {
        const mine = employerFacts.get(uscc)!;
        return {
          subjectKind: 'enterprise' as const,
          subjectId: uscc,
          fact: INSURED,
          record: {
            value: true,
            asOf: mine[0]!.asOf,
            source: textOf(mine[0]!.row),
            registryImport: importId,
            facts: mine.map((f) => ({ fact: f.fact, value: f.value, asOf: f.asOf, row: f.row })),
          },
        };
      };
      const impact = await redecideClaims(
        tx,
        label,
        [...new Set([...firstOf.keys(), ...employerOf.keys()])],
        {
          personFacts: newFacts.map((f) => ({ resident_id: f.residentId, fact: f.fact, value: f.value, as_of: f.asOf })),
          insured: newEnterpriseFacts.map((f) => ({ uscc: f.uscc, value: f.value, as_of: f.asOf })),
        },
        (residentId, enterpriseUscc) => {
          // The person's own new facts when there are any (with the employer's new 参保 beside them,
          // when the claim's employer has some); else the employer's.
          const employer = enterpriseUscc && employerFacts.has(enterpriseUscc) ? enterpriseChange(enterpriseUscc) : null;
          const first = firstOf.get(residentId);
          if (!first) return employer ?? enterpriseChange(employerOf.get(residentId)!);
          const mine = factsOf.get(residentId)!;
          return {
            subjectKind: 'person',
            subjectId: residentId,
            fact: first.fact,
            record: {
              value: first.value,
              asOf: first.asOf,
              source: textOf(first.row),
              registryImport: importId,
              facts: mine.map((f) => ({ fact: f.fact, value: f.value, asOf: f.asOf, row: f.row })),
              ...(employer ? { employer: { uscc: employer.subjectId, facts: employer.record.facts } } : {}),
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

      for (let i = 0; i < newFacts.length; i += INSERT_CHUNK)
        await tx
          .insertInto('person_facts')
          .values(
            newFacts.slice(i, i + INSERT_CHUNK).map((f) => ({
              resident_id: f.residentId,
              fact: f.fact,
              value: f.value,
              source: textOf(f.row),
              as_of: f.asOf,
              recorded_by: label,
              registry_import_id: importId,
              registry_row: f.row,
            })),
          )
          .execute();
      report.factsAdded = newFacts.map(({ personRow: _, ...f }) => f);
      for (const f of newFacts) personSaid.records(f.residentId, f.fact, source.key).push({ from: f.asOf, value: f.value, detail: '' });

      for (let i = 0; i < newEnterpriseFacts.length; i += INSERT_CHUNK)
        await tx
          .insertInto('enterprise_facts')
          .values(
            newEnterpriseFacts.slice(i, i + INSERT_CHUNK).map((f) => ({
              uscc: f.uscc,
              fact: INSURED,
              value: f.value,
              source: textOf(f.row),
              as_of: f.asOf,
              recorded_by: label,
              registry_import_id: importId,
              registry_row: f.row,
            })),
          )
          .execute();
      report.enterpriseFactsAdded = newEnterpriseFacts;
      for (const f of newEnterpriseFacts)
        enterpriseSaid.records(f.uscc, INSURED, source.key).push({ from: f.asOf, value: f.value, detail: '' });
    }

    // Conflicts: for each person (and employer) and fact this import added to, this source against
    // every other one. In sets: one read of the open conflicts, one insert, whatever the extract's size.
    const personConflicts = await recordConflicts(tx, {
      importId,
      source: source.key,
      subject: 'resident_id',
      added: newFacts.map((f) => ({ subject: f.residentId, name: f.name, fact: f.fact, factName: f.factName, row: f.row })),
      said: personSaid,
    });
    report.conflicts = personConflicts.map(({ subject, ...c }) => ({ ...c, residentId: subject }));
    const enterpriseConflicts = await recordConflicts(tx, {
      importId,
      source: source.key,
      subject: 'uscc',
      added: newEnterpriseFacts.map((f) => ({ subject: f.uscc, name: f.name, fact: f.fact, factName: f.factName, row: f.row })),
      said: enterpriseSaid,
    });
    report.enterpriseConflicts = enterpriseConflicts.map(({ subject, ...c }) => ({ ...c, uscc: subject }));

    // Social insurance: the spells by employer, and the §4.8 claims they contradict.
    for (let i = 0; i < spellRows.length; i += INSERT_CHUNK) {
      const part = spellRows.slice(i, i + INSERT_CHUNK);
      const added = await tx
        .insertInto('registry_insured_spells')
        .values(
          part.map((s) => ({
            resident_id: s.residentId,
            uscc: s.uscc,
            employer_name: s.employerName,
            from_month: s.fromMonth,
            to_month: s.toMonth,
            import_id: importId,
            registry_row: s.row,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .execute();
      report.spellsAdded += added.length;
      report.spellsUnchanged += part.length - added.length;
    }
    if (spellRows.length > 0) report.insuredMonthMismatches = await insuredMonthMismatches(tx, spellRows, input.extractDate);

    await tx
      .updateTable('registry_imports')
      .set({
        report: JSON.stringify(report),
        facts_added: report.factsAdded.length,
        conflicts: report.conflicts.length + report.enterpriseConflicts.length,
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
        enterpriseFactsAdded: report.enterpriseFactsAdded.length,
        enterpriseConflicts: report.enterpriseConflicts.map((c) => c.id),
        unknownEmployers: report.unknownEmployers.length,
        redecided: report.redecided.map((c) => c.claimNumber),
        cases: report.cases.map((c) => c.caseId),
      },
    });
    const row = await tx.selectFrom('registry_imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow();
    return { ...toImportView(row), alreadyImported: false, report };
  });
}

/** A stored report; one kept before the employers' 参保 was derived reads with those lists empty. */
export function reportOf(v: unknown): ReconciliationReport {
  const stored = (typeof v === 'string' ? JSON.parse(v) : v) as ReconciliationReport;
  return {
    ...stored,
    enterpriseFactsAdded: stored.enterpriseFactsAdded ?? [],
    enterpriseFactsUnchanged: stored.enterpriseFactsUnchanged ?? 0,
    enterpriseConflicts: stored.enterpriseConflicts ?? [],
    unknownEmployers: stored.unknownEmployers ?? [],
  };
}

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
  const spellsOf = new Map<string, typeof spells>();
  for (const s of spells) {
    const list = spellsOf.get(`${s.residentId}|${s.uscc}`);
    if (list) list.push(s);
    else spellsOf.set(`${s.residentId}|${s.uscc}`, [s]);
  }
  for (const c of claims) {
    if (!c.enterprise_uscc || c.insured_months == null) continue;
    const mine = spellsOf.get(`${c.resident_id}|${c.enterprise_uscc}`) ?? [];
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

/** Each source's dated records of a subject's (person's or enterprise's) fact, oldest first. */
class SaidBySource {
  private readonly by = new Map<string, Map<string, (DatedRecord & { detail: string })[]>>();
  records(subject: string, fact: string, src: string): (DatedRecord & { detail: string })[] {
    const key = `${subject}|${fact}`;
    let m = this.by.get(key);
    if (!m) this.by.set(key, (m = new Map()));
    let list = m.get(src);
    if (!list) m.set(src, (list = []));
    return list;
  }
  sources(subject: string, fact: string): Map<string, (DatedRecord & { detail: string })[]> {
    return this.by.get(`${subject}|${fact}`) ?? new Map();
  }
}

type FoundConflict = Omit<ReportConflict, 'residentId'> & { subject: string };

/**
 * The conflicts this import's new facts make with every other source, stored unless an open one
 * between the same two sources about the same subject and fact is waiting. Set-based: one read of the
 * open conflicts (per 1,000 subjects) and one insert (per 500 conflicts), whatever the extract's size.
 */
async function recordConflicts(
  tx: Tx,
  input: {
    importId: number;
    source: string;
    subject: 'resident_id' | 'uscc';
    added: { subject: string; name: string; fact: string; factName: string; row: number }[];
    said: SaidBySource;
  },
): Promise<FoundConflict[]> {
  // The first fact added per subject and fact names the row.
  const touched = new Map<string, (typeof input.added)[number]>();
  for (const f of input.added) if (!touched.has(`${f.subject}|${f.fact}`)) touched.set(`${f.subject}|${f.fact}`, f);
  if (touched.size === 0) return [];
  const subjects = [...new Set(input.added.map((f) => f.subject))];
  const waiting = new Set(
    (
      await chunks(subjects, (part) =>
        tx
          .selectFrom('registry_conflicts')
          .select([`${input.subject} as subject`, 'fact', 'other_source'])
          .where(input.subject, 'in', part)
          .where('source', '=', input.source)
          .where('status', '=', 'open')
          .execute(),
      )
    ).map((c) => `${c.subject}|${c.fact}|${c.other_source}`),
  );
  const found: (FoundConflict & { onDate: string })[] = [];
  for (const [key, f] of touched) {
    const sources = input.said.sources(f.subject, f.fact);
    const ours = sources.get(input.source)!;
    for (const [other, theirs] of sources) {
      if (other === input.source) continue;
      const d = firstDisagreement(ours, theirs);
      if (!d || waiting.has(`${key}|${other}`)) continue;
      const theirRecord = [...theirs].reverse().find((r) => r.from <= d.on) ?? theirs[0]!;
      found.push({
        id: 0,
        row: f.row,
        subject: f.subject,
        name: f.name,
        fact: f.fact,
        factName: f.factName,
        onDate: d.on,
        value: d.ours,
        otherSource: other,
        otherSourceName: sourceName(other),
        otherValue: d.theirs,
        otherDetail: theirRecord.detail,
      });
    }
  }
  const ids = new Map<string, number>();
  for (let i = 0; i < found.length; i += INSERT_CHUNK) {
    const inserted = await tx
      .insertInto('registry_conflicts')
      .values(
        found.slice(i, i + INSERT_CHUNK).map((c) => ({
          import_id: input.importId,
          resident_id: input.subject === 'resident_id' ? c.subject : null,
          uscc: input.subject === 'uscc' ? c.subject : null,
          fact: c.fact,
          source: input.source,
          on_date: c.onDate,
          value: c.value,
          registry_row: c.row,
          other_source: c.otherSource,
          other_value: c.otherValue,
          other_detail: c.otherDetail,
        })),
      )
      .returning(['id', 'resident_id', 'uscc', 'fact', 'other_source'])
      .execute();
    for (const r of inserted) ids.set(`${r.resident_id ?? r.uscc}|${r.fact}|${r.other_source}`, Number(r.id));
  }
  return found.map((c) => ({ ...c, id: ids.get(`${c.subject}|${c.fact}|${c.otherSource}`)! }));
}

/** The enterprises on record among the extract's employers: name and registered 参保. */
async function enterprisesOnRecord(
  tx: Tx,
  spells: { uscc: string }[],
): Promise<Map<string, { uscc: string; name: string; insured: boolean | null }>> {
  const usccs = [...new Set(spells.map((s) => s.uscc))];
  const rows = await chunks(usccs, (part) =>
    tx.selectFrom('enterprises').select(['uscc', 'name', 'insured']).where('uscc', 'in', part).execute(),
  );
  return new Map(rows.map((e) => [e.uscc, e]));
}

/**
 * An employer's 参保 (§4.8) as the extract shows it: contributing (true) from the first day of each run
 * of months covered by its employees' spells, touching or overlapping runs merged (an open spell runs to
 * the data date). Only `true`: a month no listed spell covers is not evidence that the employer stopped
 * (the extract lists the people asked about, not every employee), so no `false` is ever derived. The
 * row named is the earliest row among the spells that start the run.
 */
export function insuredFromSpells(
  spells: { uscc: string; fromMonth: string; toMonth: string | null; row: number }[],
  extractDate: string,
): { uscc: string; asOf: string; row: number }[] {
  const extractMonth = extractDate.slice(0, 7);
  const byEmployer = new Map<string, typeof spells>();
  for (const s of spells) {
    const list = byEmployer.get(s.uscc);
    if (list) list.push(s);
    else byEmployer.set(s.uscc, [s]);
  }
  const out: { uscc: string; asOf: string; row: number }[] = [];
  for (const [uscc, list] of byEmployer) {
    const sorted = [...list].sort((a, b) => (a.fromMonth < b.fromMonth ? -1 : a.fromMonth > b.fromMonth ? 1 : a.row - b.row));
    let runEnd: string | null = null;
    for (const s of sorted) {
      const end = s.toMonth ?? extractMonth;
      if (runEnd !== null && monthsBetween(runEnd, s.fromMonth) <= 2) {
        // Overlapping or the month right after: the same run.
        if (end > runEnd) runEnd = end;
        continue;
      }
      out.push({ uscc, asOf: `${s.fromMonth}-01`, row: s.row });
      runEnd = end;
    }
  }
  return out.sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
}
