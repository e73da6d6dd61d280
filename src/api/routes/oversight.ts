// /oversight-notes: departments (§5.7) comment on or flag a claim or class of their slice; the
// reviewing office sees the notes and clears a flag with a note.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addNote } from '../../services/oversight/add-note.ts';
import { clearFlag } from '../../services/oversight/clear-flag.ts';
import { listNotes } from '../../services/oversight/list-notes.ts';
import { idParam } from './fields.types.ts';
import { allow, run, who } from './route-access.ts';
import { ZAddNoteRequest, ZClearFlagRequest, ZListNotesQuery, ZAddNoteResult, ZListNotesResult } from './oversight.types.ts';
import type { Assert, Conforms } from './conforms.ts';

const tags = ['oversight'];

export const oversightRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  app.post(
    '/oversight-notes',
    {
      schema: {
        tags,
        summary: '部门对本领域的申领或培训班提出意见或标记（§5.7）',
        description: who('department'),
        body: ZAddNoteRequest,
        response: { 201: ZAddNoteResult },
      },
      ...allow('department'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => addNote(tx, req.actor, req.body))),
  );
  app.get(
    '/oversight-notes',
    {
      schema: {
        tags,
        summary: '部门意见和标记（部门：本部门的；县区：本辖区的；市：全部）',
        description: who('city', 'county', 'department'),
        querystring: ZListNotesQuery,
        response: { 200: ZListNotesResult },
      },
      ...allow('city', 'county', 'department'),
    },
    (req) => run(db, (tx) => listNotes(tx, req.actor, req.query)),
  );
  app.post(
    '/oversight-notes/:id/clear',
    {
      schema: {
        tags,
        summary: '解除部门标记（附说明）',
        description: who('city', 'county'),
        params: idParam,
        body: ZClearFlagRequest,
        response: { 200: ZAddNoteResult },
      },
      ...allow('city', 'county'),
    },
    (req) => run(db, (tx) => clearFlag(tx, req.actor, req.params.id, req.body)),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof addNote, typeof ZAddNoteResult>>, // POST /oversight-notes
  Assert<Conforms<typeof listNotes, typeof ZListNotesResult>>, // GET /oversight-notes
  Assert<Conforms<typeof clearFlag, typeof ZAddNoteResult>>, // POST /oversight-notes/:id/clear
];
