// §5.4 shared capacity: public training bases and their bookings (consumables only, double-booking
// refused by the database), textbooks per occupation, and skills competitions with their results.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bookTrainingBase } from '../../services/bases/book-training-base.ts';
import { cancelBaseBooking } from '../../services/bases/cancel-base-booking.ts';
import { createTrainingBase } from '../../services/bases/create-training-base.ts';
import { listBaseBookings, listClassBookings } from '../../services/bases/list-base-bookings.ts';
import { getTrainingBase, listTrainingBases } from '../../services/bases/list-training-bases.ts';
import { createCompetition } from '../../services/skills/create-competition.ts';
import { createTextbook } from '../../services/skills/create-textbook.ts';
import { listCompetitionResults, listCompetitions, listMyCompetitionResults } from '../../services/skills/list-competitions.ts';
import { listTextbooks } from '../../services/skills/list-textbooks.ts';
import { recordCompetitionResult } from '../../services/skills/record-competition-result.ts';
import { setClassTextbook } from '../../services/skills/set-class-textbook.ts';
import { getClassTextbook } from '../../services/skills/get-class-textbook.ts';
import { idParam } from './fields.types.ts';
import { allow, run, who } from './route-access.ts';
import type { Assert, Conforms } from './conforms.ts';
import {
  ZCompetitionViewPage,
  ZCreateCompetitionResult,
  ZListCompetitionResultsResult,
  ZRecordCompetitionResultResult,
  ZTextbookPage,
  ZTrainingBasePage,
  ZBaseBooking,
  ZBaseBookings,
  ZClassTextbook,
  ZMyCompetitionResults,
  ZTextbook,
  ZTextbookSet,
  ZTrainingBase,
  ZBasesQuery,
  ZBookingRequest,
  ZCalendarQuery,
  ZCancelRequest,
  ZClassTextbookRequest,
  ZCompetitionParam,
  ZCompetitionRequest,
  ZCompetitionResultRequest,
  ZCompetitionsQuery,
  ZTextbookRequest,
  ZTextbooksQuery,
  ZTrainingBaseRequest,
} from './training-bases.types.ts';

export const trainingBaseRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  const tags = ['capacity'];
  const USERS = ['city', 'county', 'provider', 'enterprise'] as const;
  const BOOKERS = ['city', 'county', 'provider', 'enterprise'] as const;
  const RUNNERS = ['provider', 'county', 'city'] as const;
  app.get(
    '/training-bases',
    {
      schema: {
        tags,
        summary: '公共实训基地（设备、容量、耗材价格）',
        description: who(...USERS),
        querystring: ZBasesQuery,
        response: { 200: ZTrainingBasePage },
      },
      ...allow(...USERS),
    },
    (req) => run(db, (tx) => listTrainingBases(tx, req.query)),
  );
  app.post(
    '/training-bases',
    {
      schema: { tags, summary: '登记公共实训基地', description: who('city'), body: ZTrainingBaseRequest, response: { 201: ZTrainingBase } },
      ...allow('city'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => createTrainingBase(tx, req.actor, req.body))),
  );
  app.get(
    '/training-bases/:id',
    {
      schema: { tags, summary: '一个公共实训基地', description: who(...USERS), params: idParam, response: { 200: ZTrainingBase } },
      ...allow(...USERS),
    },
    (req) => run(db, (tx) => getTrainingBase(tx, req.params.id)),
  );
  app.get(
    '/training-bases/:id/bookings',
    {
      schema: {
        tags,
        summary: '实训基地日程（某段日期内的预约，最多 62 天）',
        description: who(...USERS),
        params: idParam,
        querystring: ZCalendarQuery,
        response: { 200: ZBaseBookings },
      },
      ...allow(...USERS),
    },
    (req) => run(db, (tx) => listBaseBookings(tx, req.actor, req.params.id, req.query)),
  );
  app.post(
    '/base-bookings',
    {
      schema: {
        tags,
        summary: '预约实训基地（时段、人数、耗材；时段重叠由数据库拒绝）',
        description: who(...BOOKERS),
        body: ZBookingRequest,
        response: { 201: ZBaseBooking },
      },
      ...allow(...BOOKERS),
    },
    async (req, reply) =>
      reply.status(201).send(await run(db, (tx) => bookTrainingBase(tx, req.actor, { ...req.body, purpose: req.body.purpose ?? '' }))),
  );
  app.post(
    '/base-bookings/:id/cancel',
    {
      schema: {
        tags,
        summary: '取消实训基地预约（须说明原因）',
        description: who(...BOOKERS),
        params: idParam,
        body: ZCancelRequest,
        response: { 200: ZBaseBooking },
      },
      ...allow(...BOOKERS),
    },
    (req) => run(db, (tx) => cancelBaseBooking(tx, req.actor, req.params.id, req.body)),
  );
  app.get(
    '/classes/:id/base-bookings',
    {
      schema: { tags, summary: '培训班的实训基地预约', description: who(...USERS), params: idParam, response: { 200: ZBaseBookings } },
      ...allow(...USERS),
    },
    (req) => run(db, (tx) => listClassBookings(tx, req.actor, req.params.id)),
  );
  app.get(
    '/classes/:id/textbook',
    {
      schema: {
        tags,
        summary: '培训班使用的教材（及当前能否更换）',
        description: who(...USERS),
        params: idParam,
        response: { 200: ZClassTextbook },
      },
      ...allow(...USERS),
    },
    (req) => run(db, (tx) => getClassTextbook(tx, req.actor, req.params.id)),
  );
  app.get(
    '/textbooks',
    {
      schema: {
        tags,
        summary: '培训教材（按工种：标准教材、地方开发教材）',
        description: who(...USERS),
        querystring: ZTextbooksQuery,
        response: { 200: ZTextbookPage },
      },
      ...allow(...USERS),
    },
    (req) => run(db, (tx) => listTextbooks(tx, req.query)),
  );
  app.post(
    '/textbooks',
    {
      schema: { tags, summary: '登记培训教材', description: who('city'), body: ZTextbookRequest, response: { 201: ZTextbook } },
      ...allow('city'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => createTextbook(tx, req.actor, req.body))),
  );
  app.put(
    '/classes/:id/textbook',
    {
      schema: {
        tags,
        summary: '设置培训班使用的教材',
        description: who(...RUNNERS),
        params: idParam,
        body: ZClassTextbookRequest,
        response: { 200: ZTextbookSet },
      },
      ...allow(...RUNNERS),
    },
    (req) => run(db, (tx) => setClassTextbook(tx, req.actor, req.params.id, req.body)),
  );
  app.get(
    '/competitions',
    {
      schema: {
        tags,
        summary: '职业技能竞赛',
        description: who('city', 'county'),
        querystring: ZCompetitionsQuery,
        response: { 200: ZCompetitionViewPage },
      },
      ...allow('city', 'county'),
    },
    (req) => run(db, (tx) => listCompetitions(tx, req.actor, req.query)),
  );
  app.post(
    '/competitions',
    {
      schema: {
        tags,
        summary: '登记职业技能竞赛',
        description: who('city'),
        body: ZCompetitionRequest,
        response: { 201: ZCreateCompetitionResult },
      },
      ...allow('city'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => createCompetition(tx, req.actor, req.body))),
  );
  app.get(
    '/competitions/:id/results',
    {
      schema: {
        tags,
        summary: '竞赛成绩',
        description: who('city', 'county'),
        params: ZCompetitionParam,
        response: { 200: ZListCompetitionResultsResult },
      },
      ...allow('city', 'county'),
    },
    (req) => run(db, (tx) => listCompetitionResults(tx, req.actor, req.params.id)),
  );
  app.put(
    '/competitions/:id/results',
    {
      schema: {
        tags,
        summary: '登记个人竞赛成绩（名次、奖项）',
        description: who('city'),
        params: ZCompetitionParam,
        body: ZCompetitionResultRequest,
        response: { 200: ZRecordCompetitionResultResult },
      },
      ...allow('city'),
    },
    (req) => run(db, (tx) => recordCompetitionResult(tx, req.actor, req.params.id, req.body)),
  );
  app.get(
    '/my/competition-results',
    {
      schema: {
        tags: ['parties'],
        summary: '本人的职业技能竞赛成绩',
        description: who('trainee'),
        response: { 200: ZMyCompetitionResults },
      },
      ...allow('trainee'),
    },
    (req) => run(db, (tx) => listMyCompetitionResults(tx, req.actor)),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof listTrainingBases, typeof ZTrainingBasePage>>, // GET /training-bases
  Assert<Conforms<typeof createTrainingBase, typeof ZTrainingBase>>, // POST /training-bases
  Assert<Conforms<typeof getTrainingBase, typeof ZTrainingBase>>, // GET /training-bases/:id
  Assert<Conforms<typeof listBaseBookings, typeof ZBaseBookings>>, // GET /training-bases/:id/bookings
  Assert<Conforms<typeof bookTrainingBase, typeof ZBaseBooking>>, // POST /base-bookings
  Assert<Conforms<typeof cancelBaseBooking, typeof ZBaseBooking>>, // POST /base-bookings/:id/cancel
  Assert<Conforms<typeof listClassBookings, typeof ZBaseBookings>>, // GET /classes/:id/base-bookings
  Assert<Conforms<typeof getClassTextbook, typeof ZClassTextbook>>, // GET /classes/:id/textbook
  Assert<Conforms<typeof listTextbooks, typeof ZTextbookPage>>, // GET /textbooks
  Assert<Conforms<typeof createTextbook, typeof ZTextbook>>, // POST /textbooks
  Assert<Conforms<typeof setClassTextbook, typeof ZTextbookSet>>, // PUT /classes/:id/textbook
  Assert<Conforms<typeof listCompetitions, typeof ZCompetitionViewPage>>, // GET /competitions
  Assert<Conforms<typeof createCompetition, typeof ZCreateCompetitionResult>>, // POST /competitions
  Assert<Conforms<typeof listCompetitionResults, typeof ZListCompetitionResultsResult>>, // GET /competitions/:id/results
  Assert<Conforms<typeof recordCompetitionResult, typeof ZRecordCompetitionResultResult>>, // PUT /competitions/:id/results
  Assert<Conforms<typeof listMyCompetitionResults, typeof ZMyCompetitionResults>>, // GET /my/competition-results
];
