// The office closes a fact case once it has acted on the claim (or decided the decision stands), with a
// written resolution; audited. A closed case is not reopened: a new change raises a new case.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { coversArea, notFound } from '../record-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { factCasesQuery, toFactCaseView, type FactCaseView } from './list-fact-cases.ts';

export async function closeFactCase(tx: Tx, actor: Actor | null, id: number, input: { resolution: string }): Promise<FactCaseView> {
  const a = requireRole(actor, 'city', 'county');
  if (input.resolution.trim() === '') throw new AppError('invalid_input', 'resolution: 应写明处理结果', 'resolution');
  const row = await tx
    .selectFrom('fact_cases')
    .select(['id', 'area_code', 'status', 'claim_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row || !coversArea(a, row.area_code)) throw notFound('属性变更待处理事项', String(id));
  if (row.status !== 'open') throw new AppError('invalid_transition', '该待处理事项已办结', 'status');
  await tx
    .updateTable('fact_cases')
    .set({ status: 'closed', closed_by: actorLabel(a), closed_at: new Date(), resolution: input.resolution })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'fact_case.close',
    entity: 'claim',
    entityId: row.claim_id,
    data: { caseId: id, resolution: input.resolution },
  });
  const view = await factCasesQuery(tx).where('f.id', '=', id).executeTakeFirstOrThrow();
  return toFactCaseView(view as Parameters<typeof toFactCaseView>[0]);
}
