// A person's result in a competition (rank and award), recorded by the city; recording again for the
// same person replaces it, audited with the value before. The person sees it in their own records.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';

export async function recordCompetitionResult(
  tx: Tx,
  actor: Actor | null,
  competitionId: number,
  input: { residentId: string; rank: number | null; award: string },
): Promise<{ competitionId: number; residentId: string; rank: number | null; award: string }> {
  const a = requireRole(actor, 'city');
  const comp = await tx.selectFrom('competitions').select(['id', 'name']).where('id', '=', competitionId).executeTakeFirst();
  if (!comp) throw new AppError('not_found', '没有找到这个竞赛');
  if (!(await tx.selectFrom('people').select('resident_id').where('resident_id', '=', input.residentId).executeTakeFirst()))
    throw new AppError('invalid_input', 'residentId: 该人员尚未登记', 'residentId');
  const before = await tx
    .selectFrom('competition_results')
    .select(['rank', 'award'])
    .where('competition_id', '=', competitionId)
    .where('resident_id', '=', input.residentId)
    .forUpdate()
    .executeTakeFirst();
  await tx
    .insertInto('competition_results')
    .values({
      competition_id: competitionId,
      resident_id: input.residentId,
      rank: input.rank,
      award: input.award.trim(),
      recorded_by: actorLabel(a),
    })
    .onConflict((oc) =>
      oc
        .columns(['competition_id', 'resident_id'])
        .doUpdateSet({ rank: input.rank, award: input.award.trim(), recorded_by: actorLabel(a) }),
    )
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'competition.result',
    entity: 'competition',
    entityId: String(competitionId),
    data: { residentId: input.residentId, rank: input.rank, award: input.award.trim(), before: before ?? null },
  });
  return { competitionId, residentId: input.residentId, rank: input.rank, award: input.award.trim() };
}
