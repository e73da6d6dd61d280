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
} from './people.types.ts';

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  const ALL = ['city', 'county', 'department', 'enterprise', 'provider', 'trainee'] as const;
  app.get(
    '/people',
    {
      schema: { tags: ['people'], summary: '人员列表（分页）', description: who(...ALL), querystring: ZListPeopleQuery },
      ...allow(...ALL),
    },
    (req) => run(db, (tx) => listPeople(tx, req.actor, req.query)),
  );
  app.post(
    '/people',
    {
      schema: { tags: ['people'], summary: '登记人员（实名制）', description: who('city', 'county'), body: ZCreatePersonRequest },
      ...allow('city', 'county'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => createPerson(tx, req.actor, req.body))),
  );
  app.get(
    '/people/:id',
    { schema: { tags: ['people'], summary: '人员信息', description: who(...ALL), params: ZPersonParams }, ...allow(...ALL) },
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
      },
      ...allow(...FACT_READERS),
    },
    (req) => run(db, (tx) => listPersonFacts(tx, req.actor, req.params.id, req.query.asOf ?? businessToday())),
  );
};
