// Records one fact about a person as of a date, with its source. Facts are never overwritten: a
// new record on a later date is the new value, and the history stays (SPEC §2).
import { GROUP_NAMES } from '../../policy/codes.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertDate } from '../identifiers.ts';
import { coversArea, notFound } from '../record-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { PERSON_FACTS, PERSON_FACT_NAMES } from './person-facts.ts';

export interface RecordPersonFactInput {
  fact: string;
  value: boolean;
  source: string;
  asOf: string;
}

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

export async function recordPersonFact(tx: Tx, actor: Actor | null, residentId: string, input: RecordPersonFactInput): Promise<PersonFactView> {
  const a = requireRole(actor, 'city', 'county');
  if (!(PERSON_FACTS as readonly string[]).includes(input.fact)) {
    throw new AppError('invalid_input', `fact: 不是可登记的人员属性：${input.fact}`, 'fact');
  }
  assertDate(input.asOf, 'asOf');
  if (input.source.trim() === '') throw new AppError('invalid_input', 'source: 应注明数据来源', 'source');
  const person = await tx.selectFrom('people').select(['area_code']).where('resident_id', '=', residentId).executeTakeFirst();
  if (!person || !coversArea(a, person.area_code)) throw notFound('人员', residentId);
  const row = await tx.insertInto('person_facts').values({
    resident_id: residentId, fact: input.fact, value: input.value, source: input.source, as_of: input.asOf, recorded_by: actorLabel(a),
  }).returningAll().executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a), action: 'person.fact', entity: 'person', entityId: residentId,
    data: { fact: input.fact, value: input.value, source: input.source, asOf: input.asOf },
  });
  return toView(row);
}

export function toView(row: { id: number; fact: string; value: boolean; source: string; as_of: string; recorded_by: string; recorded_at: Date }): PersonFactView {
  return {
    id: Number(row.id), fact: row.fact, factName: factName(row.fact), value: row.value, source: row.source, asOf: row.as_of,
    recordedBy: row.recorded_by, recordedAt: row.recorded_at.toISOString(),
  };
}
