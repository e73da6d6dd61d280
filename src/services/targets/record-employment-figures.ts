// Employment figures per area and year (§1): the employed, the skilled among them and the high-skilled
// among those, from the statistics office. The city records any area; a county its own. A later
// figure for the same area and year replaces the earlier one; both are in the audit log.
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { requireOwnArea } from '../record-scope.ts';
import { COUNTY_AREA_CODES } from './task-units.ts';

export interface EmploymentFiguresInput {
  areaCode: string;
  year: number;
  employed: number;
  skilled: number;
  highSkilled: number;
  source: string;
}

export async function recordEmploymentFigures(tx: Tx, actor: Actor | null, input: EmploymentFiguresInput) {
  const a = requireRole(actor, 'city', 'county');
  if (!(COUNTY_AREA_CODES as readonly string[]).includes(input.areaCode))
    throw new AppError('invalid_input', `areaCode: ${input.areaCode} 不是本市的县（区）`, 'areaCode');
  requireOwnArea(a, input.areaCode, 'areaCode');
  if (input.skilled > input.employed)
    throw new AppError('invalid_input', `skilled: 技能劳动者人数（${input.skilled}）不能多于就业人数（${input.employed}）`, 'skilled');
  if (input.highSkilled > input.skilled)
    throw new AppError(
      'invalid_input',
      `highSkilled: 高技能人才人数（${input.highSkilled}）不能多于技能劳动者人数（${input.skilled}）`,
      'highSkilled',
    );
  const before = await tx
    .selectFrom('employment_figures')
    .selectAll()
    .where('area_code', '=', input.areaCode)
    .where('year', '=', input.year)
    .forUpdate()
    .executeTakeFirst();
  const values = {
    employed: input.employed,
    skilled: input.skilled,
    high_skilled: input.highSkilled,
    source: input.source,
    recorded_by: actorLabel(a),
    recorded_at: new Date(),
  };
  if (before)
    await tx.updateTable('employment_figures').set(values).where('area_code', '=', input.areaCode).where('year', '=', input.year).execute();
  else
    await tx
      .insertInto('employment_figures')
      .values({ area_code: input.areaCode, year: input.year, ...values })
      .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'employment.record',
    entity: 'employment_figures',
    entityId: `${input.areaCode}-${input.year}`,
    data: { ...input, previous: before ? { employed: before.employed, skilled: before.skilled, highSkilled: before.high_skilled } : null },
  });
  return { ...input };
}
