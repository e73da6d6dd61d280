// Comments and flags in the actor's slice, paged: all notes on one claim or class (the review
// screens' panel), a department's own notes, or the offices' raised flags (their to-do).
import { sql } from 'kysely';
import { requireActor, type Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import type { Tx } from '../../store/transaction.ts';
import { noteInScope, noteView, type NoteView, type SUBJECT_KINDS } from './note-scope.ts';
import type { NOTE_KINDS } from '../../vocabulary/statuses.ts';

export const NOTE_SORTS = {
  createdAt: 'oversight_notes.created_at',
  kind: 'oversight_notes.kind',
  status: 'oversight_notes.status',
} as const;

export interface ListNotesInput extends PageQuery<keyof typeof NOTE_SORTS> {
  subjectKind?: (typeof SUBJECT_KINDS)[number];
  subjectId?: string;
  kind?: (typeof NOTE_KINDS)[number];
  status?: 'raised' | 'cleared';
  department?: string;
}

export async function listNotes(tx: Tx, actor: Actor | null, input: ListNotesInput): Promise<Page<NoteView>> {
  const a = requireActor(actor);
  let q = tx
    .selectFrom('oversight_notes')
    .selectAll()
    .select(
      sql<
        string | null
      >`coalesce((select c.number from claims c where c.id = oversight_notes.subject_id), (select k.number from classes k where k.id = oversight_notes.subject_id))`.as(
        'subject_number',
      ),
    )
    .where(noteInScope(a));
  if (input.subjectKind) q = q.where('subject_kind', '=', input.subjectKind);
  if (input.subjectId) q = q.where('subject_id', '=', input.subjectId);
  if (input.kind) q = q.where('kind', '=', input.kind);
  if (input.status) q = q.where('status', '=', input.status);
  if (input.department) q = q.where('department', '=', input.department);
  const page = await readPage(q, { order: 'desc', ...input }, NOTE_SORTS, 'createdAt', 'oversight_notes.id');
  return { ...page, items: page.items.map(noteView) };
}
