// The office settles a conflict between sources (docs/registry-exchange.md "Conflicts"): after checking
// with the departments it records the right value by hand where needed (POST /people/:id/facts, which
// re-decides as always; an enterprise's 参保 on its page, POST /enterprises/:id/insured) and closes the conflict with a written resolution. Audited.
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';

export async function closeRegistryConflict(
  tx: Tx,
  actor: Actor | null,
  id: number,
  resolution: string,
): Promise<{ id: number; status: 'closed'; resolution: string }> {
  const a = requireRole(actor, 'city');
  const text = resolution.trim();
  if (text === '') throw new AppError('invalid_input', 'resolution: 请写明处理结果', 'resolution');
  const row = await tx
    .selectFrom('registry_conflicts')
    .select(['id', 'status', 'resident_id', 'uscc', 'fact'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', '没有找到这条数据冲突', 'id');
  if (row.status !== 'open') throw new AppError('invalid_transition', '这条数据冲突已经处理过了', 'id');
  await tx
    .updateTable('registry_conflicts')
    .set({ status: 'closed', resolution: text, closed_by: actorLabel(a), closed_at: new Date() })
    .where('id', '=', id)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'registry.conflict_close',
    entity: row.uscc ? 'enterprise' : 'person',
    entityId: (row.uscc ?? row.resident_id)!,
    data: { conflictId: id, fact: row.fact, resolution: text },
  });
  return { id, status: 'closed', resolution: text };
}
