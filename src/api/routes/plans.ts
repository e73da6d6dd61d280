// /plans: §4.1 apprenticeship plans (submitted → listed/returned → completed/failed/quit).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePlanStatus } from '../../services/plans/change-plan-status.ts';
import { listPlans } from '../../services/plans/list-plans.ts';
import { submitApprenticeshipPlan } from '../../services/plans/submit-apprenticeship-plan.ts';
import { allow, run, who } from './route-access.ts';
import { idParam } from './fields.types.ts';
import { ZListPlansQuery, ZPlanStatusRequest, ZSubmitPlanRequest, ZPlanViewPage, ZPlanView } from './plans.types.ts';
import type { Assert, Conforms } from './conforms.ts';

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  app.get(
    '/plans',
    {
      schema: {
        tags: ['plans'],
        summary: '学徒培训计划列表',
        description: who('city', 'county', 'enterprise'),
        querystring: ZListPlansQuery,
        response: { 200: ZPlanViewPage },
      },
      ...allow('city', 'county', 'enterprise'),
    },
    (req) => run(db, (tx) => listPlans(tx, req.actor, req.query)),
  );
  app.post(
    '/plans',
    {
      schema: {
        tags: ['plans'],
        summary: '报送学徒培训计划（§4.1）',
        description: who('enterprise', 'county', 'city'),
        body: ZSubmitPlanRequest,
        response: { 201: ZPlanView },
      },
      ...allow('enterprise', 'county', 'city'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => submitApprenticeshipPlan(tx, req.actor, req.body))),
  );
  app.post(
    '/plans/:id/status',
    {
      schema: {
        tags: ['plans'],
        summary: '列入计划、退回、重新报送或报告结果',
        description: who('enterprise', 'county', 'city'),
        params: idParam,
        body: ZPlanStatusRequest,
        response: { 200: ZPlanView },
      },
      ...allow('enterprise', 'county', 'city'),
    },
    (req) => run(db, (tx) => changePlanStatus(tx, req.actor, req.params.id, req.body)),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof listPlans, typeof ZPlanViewPage>>, // GET /plans
  Assert<Conforms<typeof submitApprenticeshipPlan, typeof ZPlanView>>, // POST /plans
  Assert<Conforms<typeof changePlanStatus, typeof ZPlanView>>, // POST /plans/:id/status
];
