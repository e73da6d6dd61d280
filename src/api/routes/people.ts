// /people: the real-name register of trainees (§5.2) and the facts the rules read about them (§2).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createPerson } from '../../services/people/create-person.ts';
import { getPerson } from '../../services/people/get-person.ts';
import { listPeople } from '../../services/people/list-people.ts';
import { listPersonFacts } from '../../services/people/list-person-facts.ts';
import { recordPersonFact } from '../../services/people/record-person-fact.ts';
import { updatePerson } from '../../services/people/update-person.ts';
import { businessToday } from '../../services/business-date.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZCreatePersonRequest,
  ZFactsQuery,
  ZListPeopleQuery,
  ZPersonParams,
  ZRecordFactRequest,
  ZUpdatePersonRequest,
  ZPersonViewPage,
  ZPersonView,
  ZRecordPersonFactResult,
  ZPersonFacts,
} from './people.types.ts';
import type { Assert, Conforms } from './conforms.ts';

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  const ALL = ['city', 'county', 'department', 'enterprise', 'provider', 'trainee'] as const;
  app.get(
    '/people',
    {
      schema: {
        tags: ['people'],
        summary: '人员列表（分页）',
        description: who(...ALL),
        querystring: ZListPeopleQuery,
        response: { 200: ZPersonViewPage },
      },
      ...allow(...ALL),
    },
    (req) => run(db, (tx) => listPeople(tx, req.actor, req.query)),
  );
  app.post(
    '/people',
    {
      schema: {
        tags: ['people'],
        summary: '登记人员（实名制）',
        description: who('city', 'county'),
        body: ZCreatePersonRequest,
        response: { 201: ZPersonView },
      },
      ...allow('city', 'county'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => createPerson(tx, req.actor, req.body))),
  );
  app.get(
    '/people/:id',
    {
      schema: { tags: ['people'], summary: '人员信息', description: who(...ALL), params: ZPersonParams, response: { 200: ZPersonView } },
      ...allow(...ALL),
    },
    (req) => run(db, (tx) => getPerson(tx, req.actor, req.params.id)),
  );
  app.patch(
    '/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: '更正人员信息',
        description: who('city', 'county'),
        params: ZPersonParams,
        body: ZUpdatePersonRequest,
        response: { 200: ZPersonView },
      },
      ...allow('city', 'county'),
    },
    (req) => run(db, (tx) => updatePerson(tx, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/people/:id/facts',
    {
      schema: {
        tags: ['people'],
        summary: '登记人员属性（带来源和日期）',
        description: who('city', 'county'),
        params: ZPersonParams,
        body: ZRecordFactRequest,
        response: { 200: ZRecordPersonFactResult, 201: ZRecordPersonFactResult },
      },
      ...allow('city', 'county'),
    },
    async (req, reply) =>
      reply
        .status(req.body.dryRun === true ? 200 : 201)
        .send(await run(db, (tx) => recordPersonFact(tx, req.actor, req.params.id, req.body))),
  );
  // §2 facts: never to a party (enterprise, provider), whatever its relationship to the person.
  const FACT_READERS = ['city', 'county', 'department', 'trainee'] as const;
  app.get(
    '/people/:id/facts',
    {
      schema: {
        tags: ['people'],
        summary: '人员属性及历史',
        description: who(...FACT_READERS),
        params: ZPersonParams,
        querystring: ZFactsQuery,
        response: { 200: ZPersonFacts },
      },
      ...allow(...FACT_READERS),
    },
    (req) => run(db, (tx) => listPersonFacts(tx, req.actor, req.params.id, req.query.asOf ?? businessToday())),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof listPeople, typeof ZPersonViewPage>>, // GET /people
  Assert<Conforms<typeof createPerson, typeof ZPersonView>>, // POST /people
  Assert<Conforms<typeof getPerson, typeof ZPersonView>>, // GET /people/:id
  Assert<Conforms<typeof updatePerson, typeof ZPersonView>>, // PATCH /people/:id
  Assert<Conforms<typeof recordPersonFact, typeof ZRecordPersonFactResult>>, // POST /people/:id/facts
  Assert<Conforms<typeof listPersonFacts, typeof ZPersonFacts>>, // GET /people/:id/facts
];
