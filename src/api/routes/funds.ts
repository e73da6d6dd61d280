// Funds by source and year (§5.2) and advances (§4.1, §4.9). The city registers funds; the city and
// counties pay and recover advances in their area; finance (§5.7) reads the positions.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createFund, listFunds } from '../../services/funds/create-fund.ts';
import { listFundLedger } from '../../services/funds/list-fund-ledger.ts';
import { payAdvance } from '../../services/funds/pay-advance.ts';
import { recoverAdvance } from '../../services/funds/recover-advance.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZAdvance,
  ZAdvanceRecovery,
  ZCreateFundRequest,
  ZFundBalance,
  ZFundList,
  ZIdParams,
  ZLedgerPage,
  ZLedgerQuery,
  ZPayAdvanceRequest,
  ZRecoverAdvanceRequest,
} from './funds.types.ts';
import type { Assert, Conforms } from './conforms.ts';

const CITY = ['city'] as const;
const OFFICES = ['city', 'county'] as const;
/** Departments pass the gate; the use case admits finance only (§5.7). */
const READERS = ['city', 'county', 'department'] as const;
const tags = ['funds'];

export const fundRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;

  app.post(
    '/funds',
    {
      ...allow(...CITY),
      schema: {
        tags,
        description: who(...CITY),
        summary: '登记年度资金（来源 × 年度；仅市人社局）',
        body: ZCreateFundRequest,
        response: { 201: ZFundBalance },
      },
    },
    async (request, reply) => reply.status(201).send(await run(db, (tx) => createFund(tx, request.actor, request.body))),
  );

  app.get(
    '/funds',
    {
      ...allow(...READERS),
      schema: {
        tags,
        description: who(...READERS),
        summary: '资金及余额（预算 − 预留 − 已付 − 预支 + 追回）',
        response: { 200: ZFundList },
      },
    },
    async (request) => listFunds(db, request.actor),
  );

  app.get(
    '/funds/:id/ledger',
    {
      ...allow(...READERS),
      schema: {
        tags,
        description: `${who(...READERS)}（部门仅财政局；县区只见本辖区的款项）`,
        summary: '资金台账：预留、支付、预支、追回（分页，新的在前）',
        params: ZIdParams,
        querystring: ZLedgerQuery,
        response: { 200: ZLedgerPage },
      },
    },
    async (request) => listFundLedger(db, request.actor, request.params.id, request.query),
  );

  app.post(
    '/advances',
    {
      ...allow(...OFFICES),
      schema: {
        tags,
        description: who(...OFFICES),
        summary: '预支：学徒制列入计划后、项目制按合同总额，最多为政策参数 advance.maxPercent（市、县区人社局）',
        body: ZPayAdvanceRequest,
        response: { 201: ZAdvance },
      },
    },
    async (request, reply) => reply.status(201).send(await run(db, (tx) => payAdvance(tx, request.actor, request.body))),
  );

  app.post(
    '/advances/:id/recover',
    {
      ...allow(...OFFICES),
      schema: {
        tags,
        description: who(...OFFICES),
        summary: '追回未结算的预支（学徒考核不合格或中途退出）',
        params: ZIdParams,
        body: ZRecoverAdvanceRequest,
        response: { 200: ZAdvanceRecovery },
      },
    },
    async (request) => run(db, (tx) => recoverAdvance(tx, request.actor, { advanceId: request.params.id, reason: request.body.reason })),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof createFund, typeof ZFundBalance>>, // POST /funds
  Assert<Conforms<typeof listFunds, typeof ZFundList>>, // GET /funds
  Assert<Conforms<typeof listFundLedger, typeof ZLedgerPage>>, // GET /funds/:id/ledger
  Assert<Conforms<typeof payAdvance, typeof ZAdvance>>, // POST /advances
  Assert<Conforms<typeof recoverAdvance, typeof ZAdvanceRecovery>>, // POST /advances/:id/recover
];
