// /enterprises: employers by USCC (GB 32100), with their education-fund use by year (R8) and
// difficulty recognitions (§4.5). Directly managed enterprises are the city's (§5.7).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createEnterprise } from '../../services/enterprises/create-enterprise.ts';
import { getEnterprise } from '../../services/enterprises/get-enterprise.ts';
import { listEnterprises } from '../../services/enterprises/list-enterprises.ts';
import { recordDifficulty } from '../../services/enterprises/record-difficulty.ts';
import { recordEducationFund } from '../../services/enterprises/record-education-fund.ts';
import { recordInsured } from '../../services/enterprises/record-insured.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZCreateEnterpriseRequest,
  ZDifficultyRequest,
  ZEducationFundRequest,
  ZEnterpriseParams,
  ZInsuredRequest,
  ZListEnterprisesQuery,
  ZEnterpriseSummaryPage,
  ZEnterpriseView,
  ZFactImpactPreview,
  ZEnterpriseWithImpact,
  ZEducationFundResult,
} from './enterprises.types.ts';
import type { Assert, Conforms } from './conforms.ts';

export const enterpriseRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  const READERS = ['city', 'county', 'department', 'enterprise'] as const;
  app.get(
    '/enterprises',
    {
      schema: {
        tags: ['enterprises'],
        summary: '企业列表（分页）',
        description: who(...READERS),
        querystring: ZListEnterprisesQuery,
        response: { 200: ZEnterpriseSummaryPage },
      },
      ...allow(...READERS),
    },
    (req) => run(db, (tx) => listEnterprises(tx, req.actor, req.query)),
  );
  app.post(
    '/enterprises',
    {
      schema: {
        tags: ['enterprises'],
        summary: '登记企业',
        description: who('city', 'county'),
        body: ZCreateEnterpriseRequest,
        response: { 201: ZEnterpriseView },
      },
      ...allow('city', 'county'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => createEnterprise(tx, req.actor, req.body))),
  );
  app.get(
    '/enterprises/:id',
    {
      schema: {
        tags: ['enterprises'],
        summary: '企业信息',
        description: who(...READERS),
        params: ZEnterpriseParams,
        response: { 200: ZEnterpriseView },
      },
      ...allow(...READERS),
    },
    (req) => run(db, (tx) => getEnterprise(tx, req.actor, req.params.id)),
  );
  // Each fact record answers with the enterprise as before, plus what it re-decided (`redecided`) and the
  // cases it raised (`cases`); with `dryRun: true` only `{ dryRun, redecided, cases }`, nothing saved.
  app.post(
    '/enterprises/:id/education-fund',
    {
      schema: {
        tags: ['enterprises'],
        summary: '登记职工教育经费足额提取使用情况（R8）',
        description: who('city', 'county'),
        params: ZEnterpriseParams,
        body: ZEducationFundRequest,
        response: { 200: ZEducationFundResult },
      },
      ...allow('city', 'county'),
    },
    async (req) => {
      const impact = await run(db, (tx) => recordEducationFund(tx, req.actor, req.params.id, req.body));
      if (req.body.dryRun === true) return { dryRun: true, ...impact };
      return { ...(await run(db, (tx) => getEnterprise(tx, req.actor, req.params.id))), ...impact };
    },
  );
  app.post(
    '/enterprises/:id/difficulty',
    {
      schema: {
        tags: ['enterprises'],
        summary: '登记困难企业认定期间（§4.5）',
        description: who('city', 'county'),
        params: ZEnterpriseParams,
        body: ZDifficultyRequest,
        response: { 200: ZFactImpactPreview, 201: ZEnterpriseWithImpact },
      },
      ...allow('city', 'county'),
    },
    async (req, reply) => {
      const { id: _id, ...impact } = await run(db, (tx) => recordDifficulty(tx, req.actor, req.params.id, req.body));
      if (req.body.dryRun === true) return { dryRun: true, ...impact };
      return reply.status(201).send({ ...(await run(db, (tx) => getEnterprise(tx, req.actor, req.params.id))), ...impact });
    },
  );
  app.post(
    '/enterprises/:id/insured',
    {
      schema: {
        tags: ['enterprises'],
        summary: '登记企业参保情况（自某日起，§4.8）',
        description: who('city', 'county'),
        params: ZEnterpriseParams,
        body: ZInsuredRequest,
        response: { 200: ZFactImpactPreview, 201: ZEnterpriseWithImpact },
      },
      ...allow('city', 'county'),
    },
    async (req, reply) => {
      const { id: _id, ...impact } = await run(db, (tx) => recordInsured(tx, req.actor, req.params.id, req.body));
      if (req.body.dryRun === true) return { dryRun: true, ...impact };
      return reply.status(201).send({ ...(await run(db, (tx) => getEnterprise(tx, req.actor, req.params.id))), ...impact });
    },
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
type EnterpriseWithImpact<F extends (...args: never[]) => unknown> = Awaited<ReturnType<typeof getEnterprise>> & Awaited<ReturnType<F>>;
type ImpactPreview<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>> & { dryRun: true };
export type ResponsesConform = [
  Assert<Conforms<typeof listEnterprises, typeof ZEnterpriseSummaryPage>>, // GET /enterprises
  Assert<Conforms<typeof createEnterprise, typeof ZEnterpriseView>>, // POST /enterprises
  Assert<Conforms<typeof getEnterprise, typeof ZEnterpriseView>>, // GET /enterprises/:id
  // The three fact records: the enterprise as before with the impact, or (dryRun) the impact alone.
  Assert<Conforms<EnterpriseWithImpact<typeof recordEducationFund>, typeof ZEnterpriseWithImpact>>,
  Assert<
    Conforms<EnterpriseWithImpact<typeof recordEducationFund> | ImpactPreview<typeof recordEducationFund>, typeof ZEducationFundResult>
  >,
  Assert<Conforms<Awaited<ReturnType<typeof recordEducationFund>> & { dryRun: true }, typeof ZFactImpactPreview>>,
  Assert<Conforms<Omit<Awaited<ReturnType<typeof recordDifficulty>>, 'id'> & { dryRun: true }, typeof ZFactImpactPreview>>,
  Assert<Conforms<Omit<Awaited<ReturnType<typeof recordInsured>>, 'id'> & { dryRun: true }, typeof ZFactImpactPreview>>,
];
