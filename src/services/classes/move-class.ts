// The one way a class changes status: state machine check (class-status.ts), the role allowed for
// the action, the update guarded by the status read, and the audit entry — in the caller's transaction.
import { actorLabel, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import type { ClassStatus } from '../../store/schema.ts';
import { assertClassTransition, CLASS_ACTION_NAMES, CLASS_TRANSITIONS, type ClassAction } from './class-status.ts';
import { ROLE_NAMES } from '../../vocabulary/roles.ts';

export async function moveClass(
  tx: Tx,
  actor: Actor,
  cls: { id: string; status: ClassStatus },
  action: ClassAction,
  extra: { review_note?: string | null; review_problems?: unknown } = {},
  data: Record<string, unknown> = {},
): Promise<ClassStatus> {
  const to = assertClassTransition(cls.status, action);
  if (!CLASS_TRANSITIONS[action].roles.includes(actor.role)) {
    throw new AppError('forbidden', `${ROLE_NAMES[actor.role]}不能${CLASS_ACTION_NAMES[action]}`);
  }
  const set: Record<string, unknown> = { status: to, updated_by: actorLabel(actor), updated_at: new Date() };
  if (extra.review_note !== undefined) set.review_note = extra.review_note;
  if (extra.review_problems !== undefined) set.review_problems = JSON.stringify(extra.review_problems);
  const moved = await tx.updateTable('classes').set(set).where('id', '=', cls.id).where('status', '=', cls.status).executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw new AppError('conflict', '培训班状态已被他人修改，请刷新后重试');
  await appendAudit(tx, {
    actor: actorLabel(actor),
    action: `class.${action}`,
    entity: 'class',
    entityId: cls.id,
    data: { from: cls.status, to, ...data },
  });
  return to;
}
