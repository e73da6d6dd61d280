// Which department comments and flags (§5.7: departments "flag, comment") an actor sees: a department
// its own; the city every note; a county the notes on claims and classes of its area (it reviews
// them). Trainees, enterprises and providers see none: the notes are the offices' working papers.
import type { ExpressionBuilder, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Actor } from '../access.ts';
import type { Database, OversightNoteTable } from '../../store/schema.ts';
import type { Tx } from '../../store/transaction.ts';
import { notFound } from '../record-scope.ts';

export type NoteRow = Selectable<OversightNoteTable>;
export const SUBJECT_KINDS = ['claim', 'class'] as const;

export function noteInScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'oversight_notes'>) => {
    switch (actor.role) {
      case 'city':
        return sql<boolean>`true`;
      case 'county':
        return eb('oversight_notes.area_code', '=', actor.areaCode ?? '');
      case 'department':
        return eb('oversight_notes.department', '=', actor.department ?? '');
      default:
        return sql<boolean>`false`;
    }
  };
}

export async function loadNote(tx: Tx, actor: Actor, id: string): Promise<NoteRow> {
  const row = await tx
    .selectFrom('oversight_notes')
    .selectAll()
    .where('id', '=', id)
    .where(noteInScope(actor))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('意见或标记', id);
  return row;
}

export function noteView(n: NoteRow & { subject_number?: string | null }) {
  const iso = (x: Date | null) => (x ? new Date(x).toISOString() : null);
  return {
    id: n.id,
    subjectKind: n.subject_kind,
    subjectId: n.subject_id,
    /** The claim's or class's record number (SQ-…, BJ-…), what users read. */
    subjectNumber: n.subject_number ?? null,
    areaCode: n.area_code,
    kind: n.kind,
    text: n.text,
    department: n.department,
    author: n.author,
    createdAt: new Date(n.created_at).toISOString(),
    status: n.status,
    clearedBy: n.cleared_by,
    clearedAt: iso(n.cleared_at),
    clearNote: n.clear_note,
  };
}
export type NoteView = ReturnType<typeof noteView>;
