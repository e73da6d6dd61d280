// The facts the rules read about a person (SPEC §2: groups, rural household, pension entitlement,
// earlier appraisal), each with its source and the date it was true. The value on a date is the
// latest record dated on or before it; with none, the fact is unknown (never false).
import { GROUPS } from '../../policy/codes.ts';
import type { Tx } from '../../store/audit-log.ts';

export const PERSON_FACTS = [...GROUPS, 'rural', 'pensionEntitled', 'earlierAppraisal'] as const;
export type PersonFact = (typeof PERSON_FACTS)[number];

export const PERSON_FACT_NAMES: Record<string, string> = {
  rural: '农村户籍',
  pensionEntitled: '具有按月领取养老金资格',
  earlierAppraisal: '此前参加过职业技能鉴定',
};

/** Each fact's value on `date` for each person named; absent keys are unknown facts. */
export async function factsOn(tx: Tx, residentIds: readonly string[], date: string): Promise<Map<string, Map<string, boolean>>> {
  const out = new Map<string, Map<string, boolean>>(residentIds.map((id) => [id, new Map()]));
  if (residentIds.length === 0) return out;
  const rows = await tx
    .selectFrom('person_facts')
    .select(['resident_id', 'fact', 'value'])
    .where('resident_id', 'in', [...residentIds])
    .where('as_of', '<=', date)
    .orderBy('as_of')
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  // Later rows overwrite earlier ones: the last one on or before the date stands.
  for (const r of rows) out.get(r.resident_id)!.set(r.fact, r.value);
  return out;
}
