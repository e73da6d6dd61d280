// /filings: §4.3/§4.4 training-content filings (§5.5 审核备案), filed by the enterprise before training.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileContent } from '../../services/filings/file-content.ts';
import { listFilings } from '../../services/filings/list-filings.ts';
import { reviewFiling } from '../../services/filings/review-filing.ts';
import { allow, run, who } from './route-access.ts';
import { idParam } from './fields.types.ts';
import { ZFileContentRequest, ZListFilingsQuery, ZReviewFilingRequest, ZFilingViewPage, ZFilingView } from './filings.types.ts';
import type { Assert, Conforms } from './conforms.ts';

export const filingRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  app.get(
    '/filings',
    {
      schema: {
        tags: ['filings'],
        summary: '培训内容备案列表',
        description: who('city', 'county', 'enterprise'),
        querystring: ZListFilingsQuery,
        response: { 200: ZFilingViewPage },
      },
      ...allow('city', 'county', 'enterprise'),
    },
    (req) => run(db, (tx) => listFilings(tx, req.actor, req.query)),
  );
  app.post(
    '/filings',
    {
      schema: {
        tags: ['filings'],
        summary: '报送培训内容备案（§4.3、§4.4）',
        description: who('enterprise', 'county', 'city'),
        body: ZFileContentRequest,
        response: { 201: ZFilingView },
      },
      ...allow('enterprise', 'county', 'city'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => fileContent(tx, req.actor, req.body))),
  );
  app.post(
    '/filings/:id/review',
    {
      schema: {
        tags: ['filings'],
        summary: '审核备案：通过或退回',
        description: who('county', 'city'),
        params: idParam,
        body: ZReviewFilingRequest,
        response: { 200: ZFilingView },
      },
      ...allow('county', 'city'),
    },
    (req) => run(db, (tx) => reviewFiling(tx, req.actor, req.params.id, req.body)),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof listFilings, typeof ZFilingViewPage>>, // GET /filings
  Assert<Conforms<typeof fileContent, typeof ZFilingView>>, // POST /filings
  Assert<Conforms<typeof reviewFiling, typeof ZFilingView>>, // POST /filings/:id/review
];
