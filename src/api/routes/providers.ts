// /providers: training providers, their licence scopes (§3) and listing (§5.3, §5.5). The list of
// listed providers and their programs is public.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addProviderScope } from '../../services/providers/add-provider-scope.ts';
import { changeProviderStatus } from '../../services/providers/change-provider-status.ts';
import { createProvider } from '../../services/providers/create-provider.ts';
import { getProvider } from '../../services/providers/get-provider.ts';
import { listProviders } from '../../services/providers/list-providers.ts';
import { setEntrepreneurshipQualification } from '../../services/providers/set-entrepreneurship-qualification.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZAddScopeRequest,
  ZCreateProviderRequest,
  ZEntrepreneurshipRequest,
  ZListProvidersQuery,
  ZProviderParams,
  ZProviderStatusRequest,
  ZProviderViewPage,
  ZProviderView,
} from './providers.types.ts';
import type { Assert, Conforms } from './conforms.ts';

export const providerRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  app.get(
    '/providers',
    {
      schema: {
        tags: ['providers'],
        summary: '培训机构目录清单（公开：在册机构及其项目）',
        querystring: ZListProvidersQuery,
        response: { 200: ZProviderViewPage },
      },
    },
    (req) => run(db, (tx) => listProviders(tx, req.actor, req.query)),
  );
  app.get(
    '/providers/:id',
    {
      schema: {
        tags: ['providers'],
        summary: '培训机构及其资质范围（公开：在册机构）',
        params: ZProviderParams,
        response: { 200: ZProviderView },
      },
    },
    (req) => run(db, (tx) => getProvider(tx, req.actor, req.params.id)),
  );
  app.post(
    '/providers',
    {
      schema: {
        tags: ['providers'],
        summary: '登记培训机构',
        description: who('city', 'county'),
        body: ZCreateProviderRequest,
        response: { 201: ZProviderView },
      },
      ...allow('city', 'county'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => createProvider(tx, req.actor, req.body))),
  );
  app.post(
    '/providers/:id/scopes',
    {
      schema: {
        tags: ['providers'],
        summary: '增加资质范围（项目 × 工种 × 等级，含有效期）',
        description: who('city', 'county'),
        params: ZProviderParams,
        body: ZAddScopeRequest,
        response: { 201: ZProviderView },
      },
      ...allow('city', 'county'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => addProviderScope(tx, req.actor, req.params.id, req.body))),
  );
  app.post(
    '/providers/:id/status',
    {
      schema: {
        tags: ['providers'],
        summary: '列入、暂停或除名',
        description: who('city', 'county'),
        params: ZProviderParams,
        body: ZProviderStatusRequest,
        response: { 200: ZProviderView },
      },
      ...allow('city', 'county'),
    },
    (req) => run(db, (tx) => changeProviderStatus(tx, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/providers/:id/entrepreneurship',
    {
      schema: {
        tags: ['providers'],
        summary: '创业培训资质（§4.7）',
        description: who('city'),
        params: ZProviderParams,
        body: ZEntrepreneurshipRequest,
        response: { 200: ZProviderView },
      },
      ...allow('city'),
    },
    (req) => run(db, (tx) => setEntrepreneurshipQualification(tx, req.actor, req.params.id, req.body)),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof listProviders, typeof ZProviderViewPage>>, // GET /providers
  Assert<Conforms<typeof getProvider, typeof ZProviderView>>, // GET /providers/:id
  Assert<Conforms<typeof createProvider, typeof ZProviderView>>, // POST /providers
  Assert<Conforms<typeof addProviderScope, typeof ZProviderView>>, // POST /providers/:id/scopes
  Assert<Conforms<typeof changeProviderStatus, typeof ZProviderView>>, // POST /providers/:id/status
  Assert<Conforms<typeof setEntrepreneurshipQualification, typeof ZProviderView>>, // POST /providers/:id/entrepreneurship
];
