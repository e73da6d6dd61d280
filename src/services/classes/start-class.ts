// 开班: an approved class starts; attendance and results are recorded from now on (过程监督, §5.3).
import { requireRole, type Actor } from '../access.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classForChange } from './class-scope.ts';
import { getClass, type ClassView } from './get-class.ts';
import { moveClass } from './move-class.ts';

export async function startClass(tx: Tx, actor: Actor | null, id: string): Promise<ClassView> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const cls = await classForChange(tx, a, id);
  await moveClass(tx, a, cls, 'start');
  return getClass(tx, a, id);
}
