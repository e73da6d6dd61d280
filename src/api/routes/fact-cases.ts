// /fact-cases: decisions already published, approved or paid that a later-recorded fact would change
// (SPEC Facts in time). They are never changed silently: the office sees them here and closes each
// with a written resolution once it has acted on the claim.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { closeFactCase } from '../../services/facts/close-fact-case.ts';
import { listFactCases } from '../../services/facts/list-fact-cases.ts';
import { allow, run, who } from './route-access.ts';
import { ZCloseFactCaseRequest, ZFactCaseParams, ZListFactCasesQuery, ZListFactCasesResult, ZFactCaseView } from './fact-cases.types.ts';
import type { Assert, Conforms } from './conforms.ts';

export const factCaseRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  app.get(
    '/fact-cases',
    {
      schema: {
        tags: ['claims'],
        summary: '属性变更影响已公示、已批准或已支付判定的待处理事项',
        description: who('city', 'county'),
        querystring: ZListFactCasesQuery,
        response: { 200: ZListFactCasesResult },
      },
      ...allow('city', 'county'),
    },
    (req) => run(db, (tx) => listFactCases(tx, req.actor, req.query)),
  );
  app.post(
    '/fact-cases/:id/close',
    {
      schema: {
        tags: ['claims'],
        summary: '办结属性变更待处理事项（写明处理结果）',
        description: who('city', 'county'),
        params: ZFactCaseParams,
        body: ZCloseFactCaseRequest,
        response: { 200: ZFactCaseView },
      },
      ...allow('city', 'county'),
    },
    (req) => run(db, (tx) => closeFactCase(tx, req.actor, req.params.id, req.body)),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof listFactCases, typeof ZListFactCasesResult>>, // GET /fact-cases
  Assert<Conforms<typeof closeFactCase, typeof ZFactCaseView>>, // POST /fact-cases/:id/close
];
