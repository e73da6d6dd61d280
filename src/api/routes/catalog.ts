// /catalog and /entrepreneurship-types: the subsidy catalog (§4.0) and §4.7 types, versioned by
// effective dates; public to read, maintained by the city bureau.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addCatalogEntry } from '../../services/catalog/add-catalog-entry.ts';
import { addEntrepreneurshipType } from '../../services/catalog/add-entrepreneurship-type.ts';
import { listCatalogEntries } from '../../services/catalog/list-catalog-entries.ts';
import { listEntrepreneurshipTypes } from '../../services/catalog/list-entrepreneurship-types.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZAddCatalogEntryRequest,
  ZAddEntrepreneurshipTypeRequest,
  ZListCatalogQuery,
  ZListTypesQuery,
  ZCatalogEntryViewPage,
  ZCatalogEntryView,
  ZListEntrepreneurshipTypesResult,
  ZEntrepreneurshipTypeView,
} from './catalog.types.ts';
import type { Assert, Conforms } from './conforms.ts';

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  app.get(
    '/catalog',
    {
      schema: { tags: ['catalog'], summary: '补贴目录（公开）', querystring: ZListCatalogQuery, response: { 200: ZCatalogEntryViewPage } },
    },
    (req) => run(db, (tx) => listCatalogEntries(tx, { ...req.query, level: req.query.level })),
  );
  app.post(
    '/catalog',
    {
      schema: {
        tags: ['catalog'],
        summary: '发布目录条目新版本（自生效日起替代旧版本）',
        description: who('city'),
        body: ZAddCatalogEntryRequest,
        response: { 201: ZCatalogEntryView },
      },
      ...allow('city'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => addCatalogEntry(tx, req.actor, req.body))),
  );
  app.get(
    '/entrepreneurship-types',
    {
      schema: {
        tags: ['catalog'],
        summary: '创业培训类别（公开）',
        querystring: ZListTypesQuery,
        response: { 200: ZListEntrepreneurshipTypesResult },
      },
    },
    (req) => run(db, (tx) => listEntrepreneurshipTypes(tx, req.query)),
  );
  app.post(
    '/entrepreneurship-types',
    {
      schema: {
        tags: ['catalog'],
        summary: '发布创业培训类别新版本',
        description: who('city'),
        body: ZAddEntrepreneurshipTypeRequest,
        response: { 201: ZEntrepreneurshipTypeView },
      },
      ...allow('city'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => addEntrepreneurshipType(tx, req.actor, req.body))),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof listCatalogEntries, typeof ZCatalogEntryViewPage>>, // GET /catalog
  Assert<Conforms<typeof addCatalogEntry, typeof ZCatalogEntryView>>, // POST /catalog
  Assert<Conforms<typeof listEntrepreneurshipTypes, typeof ZListEntrepreneurshipTypesResult>>, // GET /entrepreneurship-types
  Assert<Conforms<typeof addEntrepreneurshipType, typeof ZEntrepreneurshipTypeView>>, // POST /entrepreneurship-types
];
