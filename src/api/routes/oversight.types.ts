import { z } from 'zod';
import { NOTE_SORTS } from '../../services/oversight/list-notes.ts';
import { SUBJECT_KINDS } from '../../services/oversight/note-scope.ts';
import { pageQuery, sortKeys, text } from './fields.types.ts';
import { NOTE_KINDS } from '../../vocabulary/statuses.ts';

export const ZAddNoteRequest = z.strictObject({
  subjectKind: z.enum(SUBJECT_KINDS),
  subjectId: z.string().min(1).max(80),
  kind: z.enum(NOTE_KINDS),
  text: text(2000),
});
export const ZClearFlagRequest = z.strictObject({ note: text(2000) });
export const ZListNotesQuery = z.object({
  ...pageQuery(sortKeys(NOTE_SORTS)),
  subjectKind: z.enum(SUBJECT_KINDS).optional(),
  subjectId: z.string().max(80).optional(),
  kind: z.enum(NOTE_KINDS).optional(),
  status: z.enum(['raised', 'cleared']).optional(),
  department: z.string().max(40).optional(),
});
