// The HR office returns an application with the reason; the provider edits and resubmits it.
import { requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classForChange } from './class-scope.ts';
import { getClass, type ClassView } from './get-class.ts';
import { moveClass } from './move-class.ts';

export async function returnClass(tx: Tx, actor: Actor | null, id: string, input: { note: string }): Promise<ClassView> {
  const a = requireRole(actor, 'county', 'city');
  if (input.note.trim() === '') throw new AppError('invalid_input', 'note: 退回应说明理由', 'note');
  const cls = await classForChange(tx, a, id);
  await moveClass(tx, a, cls, 'return', { review_note: input.note }, { note: input.note });
  return getClass(tx, a, id);
}
