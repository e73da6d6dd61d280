// /disputes: a trainee disputes a claim in their name (异议); the case goes to the office reviewing
// the claim, which takes it and resolves it with a finding (claim rejected, or dismissed).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listDisputes } from '../../services/disputes/list-disputes.ts';
import { openDispute } from '../../services/disputes/open-dispute.ts';
import { resolveDispute } from '../../services/disputes/resolve-dispute.ts';
import { takeDispute } from '../../services/disputes/take-dispute.ts';
import { idParam } from './fields.types.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZListDisputesQuery,
  ZOpenDisputeRequest,
  ZResolveDisputeRequest,
  ZOpenDisputeResult,
  ZListDisputesResult,
} from './disputes.types.ts';
import type { Assert, Conforms } from './conforms.ts';

const tags = ['disputes'];

export const disputeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  app.post(
    '/disputes',
    {
      schema: {
        tags,
        summary: '对本人名下的申领提出异议（成为受理该申领的人社部门的异议案件）',
        description: who('trainee'),
        body: ZOpenDisputeRequest,
        response: { 201: ZOpenDisputeResult },
      },
      ...allow('trainee'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => openDispute(tx, req.actor, req.body))),
  );
  app.get(
    '/disputes',
    {
      schema: {
        tags,
        summary: '异议案件列表（劳动者：本人的；县区：本辖区；市：全部）',
        description: who('city', 'county', 'trainee'),
        querystring: ZListDisputesQuery,
        response: { 200: ZListDisputesResult },
      },
      ...allow('city', 'county', 'trainee'),
    },
    (req) => run(db, (tx) => listDisputes(tx, req.actor, { ...req.query, pending: req.query.pending === 'true' })),
  );
  app.post(
    '/disputes/:id/take',
    {
      schema: { tags, summary: '受理异议案件', description: who('city', 'county'), params: idParam, response: { 200: ZOpenDisputeResult } },
      ...allow('city', 'county'),
    },
    (req) => run(db, (tx) => takeDispute(tx, req.actor, req.params.id)),
  );
  app.post(
    '/disputes/:id/resolve',
    {
      schema: {
        tags,
        summary: '办结异议案件：驳回申领或异议不成立',
        description: who('city', 'county'),
        params: idParam,
        body: ZResolveDisputeRequest,
        response: { 200: ZOpenDisputeResult },
      },
      ...allow('city', 'county'),
    },
    (req) => run(db, (tx) => resolveDispute(tx, req.actor, req.params.id, req.body)),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof openDispute, typeof ZOpenDisputeResult>>, // POST /disputes
  Assert<Conforms<typeof listDisputes, typeof ZListDisputesResult>>, // GET /disputes
  Assert<Conforms<typeof takeDispute, typeof ZOpenDisputeResult>>, // POST /disputes/:id/take
  Assert<Conforms<typeof resolveDispute, typeof ZOpenDisputeResult>>, // POST /disputes/:id/resolve
];
