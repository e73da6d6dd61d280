// The parties' own records: payments on their claims, advances left to settle, a trainee's
// certificates, and an enterprise's R8 (80%, §5.2) status year by year.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getEnterpriseR8Status } from '../../services/parties/enterprise-r8-status.ts';
import { listMyAdvances } from '../../services/parties/list-my-advances.ts';
import { listMyCertificates } from '../../services/parties/list-my-certificates.ts';
import { listMyPayments } from '../../services/parties/list-my-payments.ts';
import { allow, run, who } from './route-access.ts';
import { ZMyAdvancesQuery, ZMyCertificatesQuery, ZMyPaymentsQuery, ZUsccParam } from './my-records.types.ts';

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
      },
      ...allow('enterprise', 'provider'),
    },
    (req) => run(db, (tx) => listMyAdvances(tx, req.actor, req.query)),
  );
  app.get(
    '/my/certificates',
    {
      schema: { tags: ['parties'], summary: '本人名下的证书', description: who('trainee'), querystring: ZMyCertificatesQuery },
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
      },
      ...allow('enterprise', 'city', 'county', 'department'),
    },
    (req) => run(db, (tx) => getEnterpriseR8Status(tx, req.actor, req.params.id)),
  );
};
