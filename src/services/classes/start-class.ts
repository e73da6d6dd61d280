// 开班: an approved class starts; attendance and results are recorded from now on (过程监督, §5.3).
import { requireRole, type Actor } from '../access.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classForChange } from './class-scope.ts';
import { getClass, type ClassView } from './get-class.ts';
import { moveClass } from './move-class.ts';
import { notifyClassOpened } from '../notifications/claim-notices.ts';

export async function startClass(tx: Tx, actor: Actor | null, id: string): Promise<ClassView> {
  await startClassOnly(tx, actor, id);
  return getClass(tx, actor, id);
}

/** startClass without reading the class's view back: for a load that shows nothing (the demo). */
export async function startClassOnly(tx: Tx, actor: Actor | null, id: string): Promise<void> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const cls = await classForChange(tx, a, id);
  await moveClass(tx, a, cls, 'start');
  // Each trainee on the roster is told, in this transaction (notifications/outbox.ts).
  const klass = await tx
    .selectFrom('classes')
    .select(['id', 'number', 'program', 'start_date'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const roster = await tx.selectFrom('class_trainees').select('resident_id').where('class_id', '=', id).orderBy('resident_id').execute();
  await notifyClassOpened(
    tx,
    klass,
    roster.map((r) => r.resident_id),
  );
}
