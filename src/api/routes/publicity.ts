// Publicity (公示): notices per area, objections that pause them, closing them. Anyone, the public
// included, reads notices and may raise an objection; the HR offices open, resolve and close.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closeNotice } from '../../services/publicity/close-notice.ts';
import { objectToClaim } from '../../services/publicity/object-to-claim.ts';
import { publishClaims } from '../../services/publicity/publish-claims.ts';
import { resolveObjection } from '../../services/publicity/resolve-objection.ts';
import { listRecentNotices } from '../../services/public/public-notices.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZCloseNoticeRequest,
  ZNoticeIdParams,
  ZNoticeResponse,
  ZNoticeClosed,
  ZNoticeList,
  ZObjectionReceived,
  ZObjectionResolution,
  ZObjectionRequest,
  ZPublishClaimsRequest,
  ZResolveObjectionRequest,
} from './publicity.types.ts';
import type { Assert, Conforms } from './conforms.ts';

const OFFICES = ['city', 'county'] as const;
const tags = ['publicity'];

export const publicityRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;

  app.post(
    '/publicity-notices',
    {
      ...allow(...OFFICES),
      schema: {
        tags,
        description: who(...OFFICES),
        summary: '发布公示（已审核的申领；自发布当天或之后开始，默认 5 个工作日，按法定节假日和调休计算；市、县区人社局）',
        body: ZPublishClaimsRequest,
        response: { 201: ZNoticeResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await run(db, (tx) => publishClaims(tx, request.actor, request.body))),
  );

  app.get(
    '/publicity-notices',
    {
      schema: {
        tags,
        summary: '公示列表（公开）',
        querystring: z.object({ areaCode: z.string().max(12).optional() }),
        response: { 200: ZNoticeList },
      },
    },
    async (request) => run(db, (tx) => listRecentNotices(tx, request.query.areaCode)),
  );

  app.post(
    '/publicity-notices/:id/objections',
    {
      schema: {
        tags,
        summary: '对公示的申领提出异议（任何人；以受理当天为异议日期；公示暂停，工作日不计）',
        params: ZNoticeIdParams,
        body: ZObjectionRequest,
        response: { 201: ZObjectionReceived },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await run(db, (tx) => objectToClaim(tx, request.actor, { noticeId: request.params.id, ...request.body }))),
  );

  app.post(
    '/objections/:id/resolve',
    {
      ...allow(...OFFICES),
      schema: {
        tags,
        description: who(...OFFICES),
        summary: '处理异议：成立则驳回申领，不成立则公示自当天起继续（市、县区人社局）',
        params: ZNoticeIdParams,
        body: ZResolveObjectionRequest,
        response: { 200: ZObjectionResolution },
      },
    },
    async (request) => run(db, (tx) => resolveObjection(tx, request.actor, { objectionId: request.params.id, ...request.body })),
  );

  app.post(
    '/publicity-notices/:id/close',
    {
      ...allow(...OFFICES),
      schema: {
        tags,
        description: who(...OFFICES),
        summary: '结束公示：最后一个工作日过后（以业务日期为准）方可结束（市、县区人社局）',
        params: ZNoticeIdParams,
        body: ZCloseNoticeRequest.optional(),
        response: { 200: ZNoticeClosed },
      },
    },
    async (request) => run(db, (tx) => closeNotice(tx, request.actor, { noticeId: request.params.id })),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof publishClaims, typeof ZNoticeResponse>>, // POST /publicity-notices
  Assert<Conforms<typeof listRecentNotices, typeof ZNoticeList>>, // GET /publicity-notices
  Assert<Conforms<typeof objectToClaim, typeof ZObjectionReceived>>, // POST /publicity-notices/:id/objections
  Assert<Conforms<typeof resolveObjection, typeof ZObjectionResolution>>, // POST /objections/:id/resolve
  Assert<Conforms<typeof closeNotice, typeof ZNoticeClosed>>, // POST /publicity-notices/:id/close
];
