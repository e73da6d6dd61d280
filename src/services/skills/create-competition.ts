// §5.4 职业技能竞赛: the city records a skills competition (name, date, occupation, organiser); audited.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';
import { requireOwnArea } from '../record-scope.ts';

export interface CompetitionInput {
  name: string;
  heldOn: string;
  occupationCode: string;
  organiser: string;
  areaCode: string;
}

export async function createCompetition(tx: Tx, actor: Actor | null, input: CompetitionInput): Promise<{ id: number } & CompetitionInput> {
  const a = requireRole(actor, 'city');
  requireOwnArea(a, input.areaCode, 'areaCode');
  if (!(await tx.selectFrom('areas').select('code').where('code', '=', input.areaCode).executeTakeFirst()))
    throw new AppError('invalid_input', `areaCode: 没有这个行政区划：${input.areaCode}`, 'areaCode');
  if (!(await tx.selectFrom('catalog_entries').select('code').where('code', '=', input.occupationCode).executeTakeFirst()))
    throw new AppError('invalid_input', `occupationCode: 补贴目录中没有工种 ${input.occupationCode}`, 'occupationCode');
  try {
    const row = await tx
      .insertInto('competitions')
      .values({
        name: input.name.trim(),
        held_on: input.heldOn,
        occupation_code: input.occupationCode,
        organiser: input.organiser.trim(),
        area_code: input.areaCode,
        created_by: actorLabel(a),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      actor: actorLabel(a),
      action: 'competition.create',
      entity: 'competition',
      entityId: String(row.id),
      data: { ...input },
    });
    return { id: Number(row.id), ...input, name: input.name.trim(), organiser: input.organiser.trim() };
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new AppError('conflict', `同一天已有名为“${input.name.trim()}”的竞赛`, 'name');
    throw e;
  }
}
