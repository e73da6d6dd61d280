// /review: what the HR offices' review screens read beside the workflow routes — publicity notices
// with their objections, payment batches with their bank lines, and what a batch can be built from.
// The city sees all; a county its own area (a record outside it is not found).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getNotice } from '../../services/review/get-notice.ts';
import { listBatchLines } from '../../services/review/list-batch-lines.ts';
import { listBatches } from '../../services/review/list-batches.ts';
import { listNotices } from '../../services/review/list-notices.ts';
import { listPayable } from '../../services/review/payable-claims.ts';
import { idParam } from './fields.types.ts';
import { allow, run, who } from './route-access.ts';
import type { Assert, Conforms } from './conforms.ts';
import {
  ZBatchLinesPage,
  ZBatchLinesQuery,
  ZBatchSummaryPage,
  ZListBatchesQuery,
  ZListNoticesQuery,
  ZNoticeDetail,
  ZNoticeSummaryPage,
  ZPayableGroupPage,
  ZPayableQuery,
} from './review.types.ts';

const OFFICES = ['city', 'county'] as const;
const tags = ['review'];

export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  app.get(
    '/review/publicity-notices',
    {
      ...allow(...OFFICES),
      schema: {
        tags,
        description: who(...OFFICES),
        summary: '公示管理列表（分页；含申领数和未处理异议数）',
        querystring: ZListNoticesQuery,
        response: { 200: ZNoticeSummaryPage },
      },
    },
    (req) => run(db, (tx) => listNotices(tx, req.actor, req.query)),
  );
  app.get(
    '/review/publicity-notices/:id',
    {
      ...allow(...OFFICES),
      schema: {
        tags,
        description: who(...OFFICES),
        summary: '公示详情（工作日结束日期、暂停、异议及处理）',
        params: idParam,
        response: { 200: ZNoticeDetail },
      },
    },
    (req) => run(db, (tx) => getNotice(tx, req.actor, req.params.id)),
  );
  app.get(
    '/review/payment-batches',
    {
      ...allow(...OFFICES),
      schema: {
        tags,
        description: who(...OFFICES),
        summary: '支付批次列表（分页；含支付进度）',
        querystring: ZListBatchesQuery,
        response: { 200: ZBatchSummaryPage },
      },
    },
    (req) => run(db, (tx) => listBatches(tx, req.actor, req.query)),
  );
  app.get(
    '/review/payment-batches/:id/lines',
    {
      ...allow(...OFFICES),
      schema: {
        tags,
        description: who(...OFFICES),
        summary: '支付批次明细（银行代发清单：收款方、账户名、金额、是否已付）',
        params: idParam,
        querystring: ZBatchLinesQuery,
        response: { 200: ZBatchLinesPage },
      },
    },
    (req) => run(db, (tx) => listBatchLines(tx, req.actor, req.params.id, req.query)),
  );
  app.get(
    '/review/payable',
    {
      ...allow(...OFFICES),
      schema: {
        tags,
        description: who(...OFFICES),
        summary: '可编入支付批次的已批准申领（按地区 × 资金汇总）',
        querystring: ZPayableQuery,
        response: { 200: ZPayableGroupPage },
      },
    },
    (req) => run(db, (tx) => listPayable(tx, req.actor, req.query)),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof listNotices, typeof ZNoticeSummaryPage>>, // GET /review/publicity-notices
  Assert<Conforms<typeof getNotice, typeof ZNoticeDetail>>, // GET /review/publicity-notices/:id
  Assert<Conforms<typeof listBatches, typeof ZBatchSummaryPage>>, // GET /review/payment-batches
  Assert<Conforms<typeof listBatchLines, typeof ZBatchLinesPage>>, // GET /review/payment-batches/:id/lines
  Assert<Conforms<typeof listPayable, typeof ZPayableGroupPage>>, // GET /review/payable
];
