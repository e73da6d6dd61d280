// §4.5: a recognition of the enterprise as in difficulty, valid for a period (an open end is allowed).
// Two recognitions of one enterprise may not overlap, so "covers the start date" has one answer.
// Recording re-decides the claims it changes, or raises a case where their decision stands (SPEC Facts
// in time, claims/redecide-claims.ts); `dryRun` lists what would change and saves nothing.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertPeriod } from '../identifiers.ts';
import { notFound } from '../record-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { peopleOfEnterprise, redecideClaims, type FactImpact } from '../claims/redecide-claims.ts';
import { managesEnterprise } from './enterprise-scope.ts';

export interface RecordDifficultyInput {
  validFrom: string;
  validTo: string | null;
  source: string;
  dryRun?: boolean;
}

export async function recordDifficulty(
  tx: Tx,
  actor: Actor | null,
  uscc: string,
  input: RecordDifficultyInput,
): Promise<{ id: number | null } & FactImpact> {
  const a = requireRole(actor, 'city', 'county');
  assertPeriod(input.validFrom, 'validFrom', input.validTo, 'validTo');
  if (input.source.trim() === '') throw new AppError('invalid_input', 'source: 应注明认定文件或数据来源', 'source');
  const e = await tx.selectFrom('enterprises').select(['area_code', 'directly_managed']).where('uscc', '=', uscc).executeTakeFirst();
  if (!e || !managesEnterprise(a, e)) throw notFound('企业', uscc);
  const to = input.validTo ?? '9999-12-31';
  const overlapping = await tx
    .selectFrom('enterprise_difficulty')
    .select(['id', 'valid_from', 'valid_to'])
    .where('uscc', '=', uscc)
    .where('valid_from', '<=', to)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', input.validFrom)]))
    .executeTakeFirst();
  if (overlapping) {
    throw new AppError(
      'conflict',
      `validFrom: 与已登记的困难企业认定（${overlapping.valid_from} 至 ${overlapping.valid_to ?? '长期'}）期间重叠`,
      'validFrom',
    );
  }
  const record = { validFrom: input.validFrom, validTo: input.validTo, source: input.source };
  const impact = await redecideClaims(
    tx,
    actorLabel(a),
    await peopleOfEnterprise(tx, uscc),
    { difficulty: [{ uscc, valid_from: input.validFrom, valid_to: input.validTo }] },
    { subjectKind: 'enterprise', subjectId: uscc, fact: 'difficulty', record },
    input.dryRun !== true,
  );
  if (input.dryRun === true) return { id: null, ...impact };
  const row = await tx
    .insertInto('enterprise_difficulty')
    .values({
      uscc,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      source: input.source,
      recorded_by: actorLabel(a),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'enterprise.difficulty',
    entity: 'enterprise',
    entityId: uscc,
    data: { ...record, redecided: impact.redecided.map((r) => r.claimId), cases: impact.cases.map((c) => c.caseId) },
  });
  return { id: Number(row.id), ...impact };
}
