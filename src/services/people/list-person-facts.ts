// A person's facts with their whole history, and the value of each on a date (latest record dated
// on or before it; a fact never recorded is listed as unknown, not as false).
import { requireActor, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { notFound } from '../record-scope.ts';
import type { Tx } from '../../store/audit-log.ts';
import { personInScope } from './person-scope.ts';
import { factName, toView, type PersonFactView } from './record-person-fact.ts';
import { PERSON_FACTS } from './person-facts.ts';
import { ROLE_NAMES } from '../../vocabulary/roles.ts';

export interface PersonFacts {
  asOf: string;
  current: { fact: string; factName: string; value: boolean | null; source: string | null; asOf: string | null }[];
  history: PersonFactView[];
}

export async function listPersonFacts(tx: Tx, actor: Actor | null, residentId: string, asOf: string): Promise<PersonFacts> {
  const a = requireActor(actor);
  // §2 facts (groups, poverty, pension…) are the offices' and the person's own; a party's work never needs them.
  if (a.role === 'enterprise' || a.role === 'provider')
    throw new AppError('forbidden', `${ROLE_NAMES[a.role]}无权查看人员的身份类别等信息（§2）`);
  const person = await tx
    .selectFrom('people')
    .select('resident_id')
    .where('resident_id', '=', residentId)
    .where(personInScope(a))
    .executeTakeFirst();
  if (!person) throw notFound('人员', residentId);
  const rows = await tx
    .selectFrom('person_facts')
    .selectAll()
    .where('resident_id', '=', residentId)
    .orderBy('fact')
    .orderBy('as_of')
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (r.as_of <= asOf) latest.set(r.fact, r);
  return {
    asOf,
    current: PERSON_FACTS.map((fact) => {
      const r = latest.get(fact);
      return { fact, factName: factName(fact), value: r?.value ?? null, source: r?.source ?? null, asOf: r?.as_of ?? null };
    }),
    history: rows.map(toView),
  };
}
