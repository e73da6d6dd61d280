// The result of a sampled inspection (过程监督 finding, §5.3): clean or irregular, with what was seen.
// Recorded once; the city, or the county of the class's area.
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertDate } from '../identifiers.ts';
import { coversArea, notFound } from '../record-scope.ts';

export interface InspectionInput {
  result: 'clean' | 'irregular';
  note: string;
  inspectedOn: string;
}

export async function recordInspection(tx: Tx, actor: Actor | null, inspectionId: string, input: InspectionInput) {
  const a = requireRole(actor, 'city', 'county');
  assertDate(input.inspectedOn, 'inspectedOn');
  if (input.note.trim() === '') throw new AppError('invalid_input', 'note: 应记录检查发现', 'note');
  const row = await tx
    .selectFrom('risk_inspections as i')
    .innerJoin('classes as c', 'c.id', 'i.class_id')
    .select(['i.id', 'i.status', 'i.class_id', 'c.area_code'])
    .where('i.id', '=', inspectionId)
    .forUpdate()
    .executeTakeFirst();
  if (!row || !coversArea(a, row.area_code)) throw notFound('检查任务', inspectionId);
  if (row.status === 'done') throw new AppError('invalid_transition', '该检查任务已登记结果', 'result');
  await tx
    .updateTable('risk_inspections')
    .set({
      status: 'done',
      result: input.result,
      note: input.note,
      inspected_on: input.inspectedOn,
      inspected_by: actorLabel(a),
      recorded_at: new Date(),
    })
    .where('id', '=', inspectionId)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'risk.inspection',
    entity: 'risk_inspection',
    entityId: inspectionId,
    data: { classId: row.class_id, result: input.result, note: input.note, inspectedOn: input.inspectedOn },
  });
  return {
    id: inspectionId,
    classId: row.class_id,
    status: 'done' as const,
    result: input.result,
    note: input.note,
    inspectedOn: input.inspectedOn,
  };
}
