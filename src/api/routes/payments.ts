// Payment batches: built from approved claims (city, county), confirmed (city or finance, §5.7),
// paid idempotently (running it again pays nobody twice), a draft cancelled. Each act needs the
// payment duty (经办/复核/支付) and one person never checks their own work (payment-duties.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buildPaymentBatch, cancelPaymentBatch, confirmPaymentBatch } from '../../services/payments/build-payment-batch.ts';
import { getPaymentBatch, payPaymentBatch } from '../../services/payments/pay-payment-batch.ts';
import { requireRole } from '../../services/access.ts';
import { AppError } from '../../services/app-error.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZBatchIdParams,
  ZBatchStatus,
  ZBatchView,
  ZBuildBatchRequest,
  ZBuiltBatch,
  ZCancelBatchRequest,
  ZCancelledBatch,
  ZPaidBatch,
  ZPayBatchRequest,
} from './payments.types.ts';
import type { Assert, Conforms } from './conforms.ts';

const OFFICES = ['city', 'county'] as const;
/** Departments pass the gate; the use case admits finance only (§5.7). */
const READERS = ['city', 'county', 'department'] as const;
const CONFIRMERS = ['city', 'department'] as const;
const CANCELLERS = ['city', 'county', 'department'] as const;
const tags = ['payments'];

export const paymentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;

  app.post(
    '/payment-batches',
    {
      ...allow(...OFFICES),
      schema: {
        tags,
        description: who(...OFFICES),
        summary: '编制支付批次（某区域、某资金的已批准申领）',
        body: ZBuildBatchRequest,
        response: { 201: ZBuiltBatch },
      },
    },
    async (request, reply) => reply.status(201).send(await run(db, (tx) => buildPaymentBatch(tx, request.actor, request.body))),
  );

  app.get(
    '/payment-batches/:id',
    {
      ...allow(...READERS),
      schema: { tags, description: who(...READERS), summary: '支付批次及进度', params: ZBatchIdParams, response: { 200: ZBatchView } },
    },
    async (request) => getPaymentBatch(db, request.actor, request.params.id),
  );

  app.post(
    '/payment-batches/:id/confirm',
    {
      ...allow(...CONFIRMERS),
      schema: {
        tags,
        description: who(...CONFIRMERS),
        summary: '确认支付批次（市人社局或财政局）',
        params: ZBatchIdParams,
        response: { 200: ZBatchStatus },
      },
    },
    async (request) => run(db, (tx) => confirmPaymentBatch(tx, request.actor, { batchId: request.params.id })),
  );

  app.post(
    '/payment-batches/:id/pay',
    {
      ...allow(...OFFICES),
      schema: {
        tags,
        description: who(...OFFICES),
        summary: '线下支付：未下载银行支付文件的批次，按银行凭证号登记支付（幂等：重复执行或中断后以同一凭证号再执行，不会重复支付）',
        params: ZBatchIdParams,
        body: ZPayBatchRequest,
        response: { 200: ZPaidBatch },
      },
    },
    async (request) => payPaymentBatch(db, request.actor, { batchId: request.params.id, bankRef: request.body.bankRef }),
  );

  app.post(
    '/payment-batches/:id/cancel',
    {
      // Of the departments only finance (复核): refused before the body is read, like any role the route does not admit.
      preValidation: async (request) => {
        const a = requireRole(request.actor, ...CANCELLERS);
        if (a.role === 'department' && a.department !== 'finance') throw new AppError('forbidden', '只有人社部门或财政局可以取消支付批次');
      },
      schema: {
        tags,
        description: who(...CANCELLERS),
        summary: '取消草稿支付批次（须说明理由；其中的申领可重新编入批次）',
        params: ZBatchIdParams,
        body: ZCancelBatchRequest,
        response: { 200: ZCancelledBatch },
      },
    },
    async (request) => run(db, (tx) => cancelPaymentBatch(tx, request.actor, { batchId: request.params.id, reason: request.body.reason })),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof buildPaymentBatch, typeof ZBuiltBatch>>, // POST /payment-batches
  Assert<Conforms<typeof getPaymentBatch, typeof ZBatchView>>, // GET /payment-batches/:id
  Assert<Conforms<typeof confirmPaymentBatch, typeof ZBatchStatus>>, // POST /payment-batches/:id/confirm
  Assert<Conforms<typeof payPaymentBatch, typeof ZPaidBatch>>, // POST /payment-batches/:id/pay
  Assert<Conforms<typeof cancelPaymentBatch, typeof ZCancelledBatch>>, // POST /payment-batches/:id/cancel
];
