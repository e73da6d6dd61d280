// §4.8: whether the enterprise pays social insurance (参保), as a dated, sourced fact (SPEC Facts in
// time): from `asOf` on, until a later record. A record with the same date as an earlier one corrects
// it. Recording re-decides the claims it changes, or raises a case where their decision stands
// (claims/redecide-claims.ts); `dryRun` lists what would change and saves nothing.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertDate } from '../identifiers.ts';
import { notFound } from '../record-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { peopleOfEnterprise, redecideClaims, type FactImpact } from '../claims/redecide-claims.ts';
import { managesEnterprise } from './enterprise-scope.ts';

export interface RecordInsuredInput {
  value: boolean;
  asOf: string;
  source: string;
  dryRun?: boolean;
}

export async function recordInsured(
  tx: Tx,
  actor: Actor | null,
  uscc: string,
  input: RecordInsuredInput,
): Promise<{ id: number | null } & FactImpact> {
  const a = requireRole(actor, 'city', 'county');
  assertDate(input.asOf, 'asOf');
  if (input.source.trim() === '') throw new AppError('invalid_input', 'source: 应注明数据来源（如社会保险经办机构）', 'source');
  const e = await tx.selectFrom('enterprises').select(['area_code', 'directly_managed']).where('uscc', '=', uscc).executeTakeFirst();
  if (!e || !managesEnterprise(a, e)) throw notFound('企业', uscc);
  const record = { value: input.value, asOf: input.asOf, source: input.source };
  const impact = await redecideClaims(
    tx,
    actorLabel(a),
    await peopleOfEnterprise(tx, uscc),
    { insured: [{ uscc, value: input.value, as_of: input.asOf }] },
    { subjectKind: 'enterprise', subjectId: uscc, fact: 'insured', record },
    input.dryRun !== true,
  );
  if (input.dryRun === true) return { id: null, ...impact };
  const row = await tx
    .insertInto('enterprise_facts')
    .values({
      uscc,
      fact: 'insured',
      value: input.value,
      as_of: input.asOf,
      source: input.source,
      recorded_by: actorLabel(a),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'enterprise.insured',
    entity: 'enterprise',
    entityId: uscc,
    data: { ...record, redecided: impact.redecided.map((r) => r.claimId), cases: impact.cases.map((c) => c.caseId) },
  });
  return { id: Number(row.id), ...impact };
}
