// 年度培训任务 (§5.3): the city assigns each county/district and department its trainings per program at
// the start of the year. One task per (year, unit, program); changing it is a separate, audited step.
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { PLAN_YEARS, programName } from '../reports/report-period.ts';
import { validateTaskUnit, type UnitKind } from './task-units.ts';

export interface SetAnnualTaskInput {
  year: number;
  unitKind: UnitKind;
  unit: string;
  program: string;
  target: number;
  note?: string | null;
}

export async function setAnnualTask(tx: Tx, actor: Actor | null, input: SetAnnualTaskInput) {
  const a = requireRole(actor, 'city');
  if (!(PLAN_YEARS as readonly number[]).includes(input.year))
    throw new AppError('invalid_input', `year: 本方案的任务年度为 ${PLAN_YEARS.join('、')} 年`, 'year');
  validateTaskUnit(input.unitKind, input.unit, input.program);
  const exists = await tx
    .selectFrom('annual_tasks')
    .select('id')
    .where('year', '=', input.year)
    .where('unit_kind', '=', input.unitKind)
    .where('unit', '=', input.unit)
    .where('program', '=', input.program)
    .executeTakeFirst();
  if (exists) throw new AppError('conflict', `${input.year}年该单位的“${programName(input.program)}”任务已下达，请修改原任务`, 'program');
  const row = await tx
    .insertInto('annual_tasks')
    .values({
      year: input.year,
      unit_kind: input.unitKind,
      unit: input.unit,
      program: input.program,
      target: input.target,
      note: input.note ?? null,
      created_by: actorLabel(a),
      updated_by: null,
      updated_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await appendAudit(tx, { actor: actorLabel(a), action: 'task.set', entity: 'annual_task', entityId: String(id), data: { ...input } });
  return {
    id,
    year: input.year,
    unitKind: input.unitKind,
    unit: input.unit,
    program: input.program,
    target: input.target,
    note: input.note ?? null,
  };
}
