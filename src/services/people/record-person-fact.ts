// Records one fact about a person as of a date, with its source. Facts are never overwritten: a
// new record on a later date is the new value, and the history stays (SPEC §2); a record with the same
// date as an earlier one corrects it. Recording re-decides the person's claims the fact changes, or
// raises a case where their decision already stands (SPEC Facts in time, claims/redecide-claims.ts);
// `dryRun` lists what would change and saves nothing.
import { GROUP_NAMES } from '../../policy/codes.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertDate } from '../identifiers.ts';
import { coversArea, notFound } from '../record-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { redecideClaims, type FactImpact } from '../claims/redecide-claims.ts';
import { PERSON_FACTS, PERSON_FACT_NAMES } from './person-facts.ts';

export interface RecordPersonFactInput {
  fact: string;
  value: boolean;
  source: string;
  asOf: string;
  /** Preview: what the record would change, nothing saved. */
  dryRun?: boolean;
}

/** The fact recorded, with what it changed. */
export type RecordedPersonFact = PersonFactView & FactImpact;
/** A preview: the fact as it would be recorded (no id yet) and what it would change. */
export type PersonFactPreview = Omit<PersonFactView, 'id' | 'recordedAt'> & FactImpact & { dryRun: true };

export interface PersonFactView {
  id: number;
  fact: string;
  factName: string;
  value: boolean;
  source: string;
  asOf: string;
  recordedBy: string;
  recordedAt: string;
}

export function factName(fact: string): string {
  return (GROUP_NAMES as Record<string, string>)[fact] ?? PERSON_FACT_NAMES[fact] ?? fact;
}

export async function recordPersonFact(
  tx: Tx,
  actor: Actor | null,
  residentId: string,
  input: RecordPersonFactInput & { dryRun: true },
): Promise<PersonFactPreview>;
export async function recordPersonFact(
  tx: Tx,
  actor: Actor | null,
  residentId: string,
  input: RecordPersonFactInput,
): Promise<RecordedPersonFact | PersonFactPreview>;
export async function recordPersonFact(
  tx: Tx,
  actor: Actor | null,
  residentId: string,
  input: RecordPersonFactInput,
): Promise<RecordedPersonFact | PersonFactPreview> {
  const a = requireRole(actor, 'city', 'county');
  if (!(PERSON_FACTS as readonly string[]).includes(input.fact)) {
    throw new AppError('invalid_input', `fact: 不是可登记的人员属性：${input.fact}`, 'fact');
  }
  assertDate(input.asOf, 'asOf');
  if (input.source.trim() === '') throw new AppError('invalid_input', 'source: 应注明数据来源', 'source');
  const person = await tx.selectFrom('people').select(['area_code']).where('resident_id', '=', residentId).executeTakeFirst();
  if (!person || !coversArea(a, person.area_code)) throw notFound('人员', residentId);
  const change = {
    subjectKind: 'person' as const,
    subjectId: residentId,
    fact: input.fact,
    record: { value: input.value, asOf: input.asOf, source: input.source },
  };
  const pending = { personFacts: [{ resident_id: residentId, fact: input.fact, value: input.value, as_of: input.asOf }] };
  const impact = await redecideClaims(tx, actorLabel(a), [residentId], pending, change, input.dryRun !== true);
  if (input.dryRun === true) {
    return {
      dryRun: true,
      fact: input.fact,
      factName: factName(input.fact),
      value: input.value,
      source: input.source,
      asOf: input.asOf,
      recordedBy: actorLabel(a),
      ...impact,
    };
  }
  const row = await tx
    .insertInto('person_facts')
    .values({
      resident_id: residentId,
      fact: input.fact,
      value: input.value,
      source: input.source,
      as_of: input.asOf,
      recorded_by: actorLabel(a),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'person.fact',
    entity: 'person',
    entityId: residentId,
    data: {
      fact: input.fact,
      value: input.value,
      source: input.source,
      asOf: input.asOf,
      redecided: impact.redecided.map((r) => r.claimId),
      cases: impact.cases.map((c) => c.caseId),
    },
  });
  return { ...toView(row), ...impact };
}

export function toView(row: {
  id: number;
  fact: string;
  value: boolean;
  source: string;
  as_of: string;
  recorded_by: string;
  recorded_at: Date;
}): PersonFactView {
  return {
    id: Number(row.id),
    fact: row.fact,
    factName: factName(row.fact),
    value: row.value,
    source: row.source,
    asOf: row.as_of,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at.toISOString(),
  };
}
