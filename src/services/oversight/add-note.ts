// A department (§5.7) comments on, or raises a flag on, a claim or a class of its slice; the office
// reviewing it sees the note on the claim or class and clears a flag with a note (clear-flag.ts).
import { newUuid } from '../../store/ids.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { loadClaim } from '../claims/claim-scope.ts';
import { classInScope } from '../classes/class-scope.ts';
import { notFound } from '../record-scope.ts';
import { noteView, type NoteView, type SUBJECT_KINDS } from './note-scope.ts';
import type { NOTE_KINDS } from '../../vocabulary/statuses.ts';

export interface AddNoteInput {
  subjectKind: (typeof SUBJECT_KINDS)[number];
  subjectId: string;
  kind: (typeof NOTE_KINDS)[number];
  text: string;
}

export async function addNote(tx: Tx, actor: Actor | null, input: AddNoteInput): Promise<NoteView> {
  const a = requireRole(actor, 'department');
  if (!a.department) throw new AppError('forbidden', '该账号未设置所属部门');
  // The subject must lie in the department's slice: outside it, it is "not found" (404).
  let areaCode: string;
  if (input.subjectKind === 'claim') {
    areaCode = (await loadClaim(tx, a, input.subjectId)).area_code;
  } else {
    const c = await tx
      .selectFrom('classes')
      .select(['id', 'area_code'])
      .where('id', '=', input.subjectId)
      .where(classInScope(a))
      .executeTakeFirst();
    if (!c) throw notFound('培训班', input.subjectId);
    areaCode = c.area_code;
  }
  const row = await tx
    .insertInto('oversight_notes')
    .values({
      id: newUuid(),
      subject_kind: input.subjectKind,
      subject_id: input.subjectId,
      area_code: areaCode,
      kind: input.kind,
      text: input.text.trim(),
      department: a.department,
      author: actorLabel(a),
      status: input.kind === 'flag' ? 'raised' : null,
      cleared_by: null,
      cleared_at: null,
      clear_note: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: input.kind === 'flag' ? 'oversight.flag' : 'oversight.comment',
    entity: input.subjectKind,
    entityId: input.subjectId,
    data: { noteId: row.id, department: a.department, text: row.text },
  });
  return noteView(row);
}
