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

// Responses.
export const ZAddNoteResult = z.object({
  id: z.string(),
  subjectKind: z.string(),
  subjectId: z.string(),
  subjectNumber: z.string().nullable(),
  areaCode: z.string(),
  kind: z.string(),
  text: z.string(),
  department: z.string(),
  author: z.string(),
  createdAt: z.string(),
  status: z.string().nullable(),
  clearedBy: z.string().nullable(),
  clearedAt: z.string().nullable(),
  clearNote: z.string().nullable(),
});
export const ZListNotesResult = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      subjectKind: z.string(),
      subjectId: z.string(),
      subjectNumber: z.string().nullable(),
      areaCode: z.string(),
      kind: z.string(),
      text: z.string(),
      department: z.string(),
      author: z.string(),
      createdAt: z.string(),
      status: z.string().nullable(),
      clearedBy: z.string().nullable(),
      clearedAt: z.string().nullable(),
      clearNote: z.string().nullable(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TNoteView = z.infer<typeof ZListNotesResult>['items'][number];
