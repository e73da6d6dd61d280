// The office reviewing a claim or class clears a department's flag with a note (what was checked,
// what was done); the flag stays on record, marked cleared, and the department sees the note.
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { loadNote, noteView, type NoteView } from './note-scope.ts';

export async function clearFlag(tx: Tx, actor: Actor | null, id: string, input: { note: string }): Promise<NoteView> {
  const a = requireRole(actor, 'city', 'county');
  const n = await loadNote(tx, a, id);
  if (n.kind !== 'flag') throw new AppError('invalid_transition', '这是一条意见，不是标记，无需解除');
  if (n.status === 'cleared') throw new AppError('invalid_transition', '该标记已解除');
  const row = await tx
    .updateTable('oversight_notes')
    .set({ status: 'cleared', cleared_by: actorLabel(a), cleared_at: new Date(), clear_note: input.note.trim() })
    .where('id', '=', n.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'oversight.clear_flag',
    entity: n.subject_kind,
    entityId: n.subject_id,
    data: { noteId: n.id, department: n.department, note: row.clear_note },
  });
  return noteView(row);
}
