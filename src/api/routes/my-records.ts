// The parties' own records: payments on their claims, advances left to settle, a trainee's
// certificates, and an enterprise's R8 (80%, §5.2) status year by year.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getEnterpriseR8Status } from '../../services/parties/enterprise-r8-status.ts';
import { listMyAdvances } from '../../services/parties/list-my-advances.ts';
import { listMyCertificates } from '../../services/parties/list-my-certificates.ts';
import { listMyPayments } from '../../services/parties/list-my-payments.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZMyAdvancesQuery,
  ZMyCertificatesQuery,
  ZMyPaymentsQuery,
  ZUsccParam,
  ZMyPaymentPage,
  ZMyAdvancePage,
  ZMyCertificatePage,
  ZGetEnterpriseR8StatusResult,
} from './my-records.types.ts';
import type { Assert, Conforms } from './conforms.ts';

export const myRecordRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  app.get(
    '/my/payments',
    {
      schema: {
        tags: ['parties'],
        summary: '本人（本企业、本机构）申领的支付记录',
        description: who('trainee', 'enterprise', 'provider'),
        querystring: ZMyPaymentsQuery,
        response: { 200: ZMyPaymentPage },
      },
      ...allow('trainee', 'enterprise', 'provider'),
    },
    (req) => run(db, (tx) => listMyPayments(tx, req.actor, req.query)),
  );
  app.get(
    '/my/advances',
    {
      schema: {
        tags: ['parties'],
        summary: '本企业（本机构）的预付资金及待结算金额（§4.1、§4.9）',
        description: who('enterprise', 'provider'),
        querystring: ZMyAdvancesQuery,
        response: { 200: ZMyAdvancePage },
      },
      ...allow('enterprise', 'provider'),
    },
    (req) => run(db, (tx) => listMyAdvances(tx, req.actor, req.query)),
  );
  app.get(
    '/my/certificates',
    {
      schema: {
        tags: ['parties'],
        summary: '本人名下的证书',
        description: who('trainee'),
        querystring: ZMyCertificatesQuery,
        response: { 200: ZMyCertificatePage },
      },
      ...allow('trainee'),
    },
    (req) => run(db, (tx) => listMyCertificates(tx, req.actor, req.query)),
  );
  app.get(
    '/enterprises/:id/r8-status',
    {
      schema: {
        tags: ['enterprises'],
        summary: '企业按年度的职工教育经费情况及 80% 补贴规则（R8，§5.2）',
        description: who('enterprise', 'city', 'county', 'department'),
        params: ZUsccParam,
        response: { 200: ZGetEnterpriseR8StatusResult },
      },
      ...allow('enterprise', 'city', 'county', 'department'),
    },
    (req) => run(db, (tx) => getEnterpriseR8Status(tx, req.actor, req.params.id)),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof listMyPayments, typeof ZMyPaymentPage>>, // GET /my/payments
  Assert<Conforms<typeof listMyAdvances, typeof ZMyAdvancePage>>, // GET /my/advances
  Assert<Conforms<typeof listMyCertificates, typeof ZMyCertificatePage>>, // GET /my/certificates
  Assert<Conforms<typeof getEnterpriseR8Status, typeof ZGetEnterpriseR8StatusResult>>, // GET /enterprises/:id/r8-status
];
