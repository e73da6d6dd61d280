// 结业考核验收 (§5.3): the HR office accepts the assessed class and closes it; claims follow.
import { requireRole, type Actor } from '../access.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classForChange } from './class-scope.ts';
import { getClass, type ClassView } from './get-class.ts';
import { moveClass } from './move-class.ts';

export async function closeClass(tx: Tx, actor: Actor | null, id: string, input: { note: string | null }): Promise<ClassView> {
  await closeClassOnly(tx, actor, id, input);
  return getClass(tx, actor, id);
}

/** closeClass without reading the class's view back: for a load that shows nothing (the demo). */
export async function closeClassOnly(tx: Tx, actor: Actor | null, id: string, input: { note: string | null }): Promise<void> {
  const a = requireRole(actor, 'county', 'city');
  const cls = await classForChange(tx, a, id);
  await moveClass(tx, a, cls, 'close', {}, { note: input.note });
}
