// 开放报名 (§5.5): classes open for enrolment (public), a person's application and its outcome, and the
// provider's acceptance or refusal with a reason.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptClassApplication } from '../../services/enrolment/accept-class-application.ts';
import { applyToClass } from '../../services/enrolment/apply-to-class.ts';
import { declineClassApplication } from '../../services/enrolment/decline-class-application.ts';
import { listClassApplications } from '../../services/enrolment/list-class-applications.ts';
import { listMyClassApplications } from '../../services/enrolment/list-my-class-applications.ts';
import { getOpenClass, listOpenClasses } from '../../services/enrolment/list-open-classes.ts';
import { setClassEnrolment } from '../../services/enrolment/set-class-enrolment.ts';
import { withdrawClassApplication } from '../../services/enrolment/withdraw-class-application.ts';
import { idParam } from './fields.types.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZApplyRequest,
  ZClassApplicationsQuery,
  ZDeclineRequest,
  ZEnrolmentRequest,
  ZMyApplicationsQuery,
  ZOpenClass,
  ZOpenClassesPage,
  ZOpenClassesQuery,
  ZMyClassApplication,
  ZMyClassApplicationPage,
  ZClassApplicationsPage,
  ZClassEnrolmentView,
  ZAcceptedApplication,
  ZDeclineClassApplicationResult,
} from './enrolment.types.ts';
import type { Assert, Conforms } from './conforms.ts';

export const enrolmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  const tags = ['enrolment'];
  const RUNNERS = ['provider', 'county', 'city'] as const;
  app.get(
    '/public/open-classes',
    {
      schema: {
        tags: ['public'],
        summary: '开放报名的培训班（公开，不含任何个人信息）',
        querystring: ZOpenClassesQuery,
        response: { 200: ZOpenClassesPage },
      },
    },
    (req) => run(db, (tx) => listOpenClasses(tx, req.query)),
  );
  app.get(
    '/public/open-classes/:id',
    { schema: { tags: ['public'], summary: '一个开放报名的培训班（公开）', params: idParam, response: { 200: ZOpenClass } } },
    (req) => run(db, (tx) => getOpenClass(tx, req.params.id)),
  );
  app.post(
    '/classes/:id/applications',
    {
      schema: {
        tags,
        summary: '报名参加开放报名的培训班（本人）',
        description: who('trainee'),
        params: idParam,
        body: ZApplyRequest,
        response: { 201: ZMyClassApplication },
      },
      ...allow('trainee'),
    },
    async (req, reply) =>
      reply.status(201).send(await run(db, (tx) => applyToClass(tx, req.actor, req.params.id, { note: req.body.note ?? null }))),
  );
  app.get(
    '/my/class-applications',
    {
      schema: {
        tags,
        summary: '我的报名及结果',
        description: who('trainee'),
        querystring: ZMyApplicationsQuery,
        response: { 200: ZMyClassApplicationPage },
      },
      ...allow('trainee'),
    },
    (req) => run(db, (tx) => listMyClassApplications(tx, req.actor, req.query)),
  );
  app.post(
    '/class-applications/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回尚未处理的报名（本人）',
        description: who('trainee'),
        params: idParam,
        response: { 200: ZMyClassApplication },
      },
      ...allow('trainee'),
    },
    (req) => run(db, (tx) => withdrawClassApplication(tx, req.actor, req.params.id)),
  );
  app.get(
    '/classes/:id/applications',
    {
      schema: {
        tags,
        summary: '培训班收到的报名（分页）',
        description: who(...RUNNERS),
        params: idParam,
        querystring: ZClassApplicationsQuery,
        response: { 200: ZClassApplicationsPage },
      },
      ...allow(...RUNNERS),
    },
    (req) => run(db, (tx) => listClassApplications(tx, req.actor, req.params.id, req.query)),
  );
  app.put(
    '/classes/:id/enrolment',
    {
      schema: {
        tags,
        summary: '设置培训班公开报名（名额、报名截止日期）',
        description: who(...RUNNERS),
        params: idParam,
        body: ZEnrolmentRequest,
        response: { 200: ZClassEnrolmentView },
      },
      ...allow(...RUNNERS),
    },
    (req) => run(db, (tx) => setClassEnrolment(tx, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/class-applications/:id/accept',
    {
      schema: {
        tags,
        summary: '录取报名人员（加入花名册，经学员审查，不超过名额）',
        description: who(...RUNNERS),
        params: idParam,
        response: { 200: ZAcceptedApplication },
      },
      ...allow(...RUNNERS),
    },
    (req) => run(db, (tx) => acceptClassApplication(tx, req.actor, req.params.id)),
  );
  app.post(
    '/class-applications/:id/decline',
    {
      schema: {
        tags,
        summary: '不予录取（须说明原因）',
        description: who(...RUNNERS),
        params: idParam,
        body: ZDeclineRequest,
        response: { 200: ZDeclineClassApplicationResult },
      },
      ...allow(...RUNNERS),
    },
    (req) =>
      run(db, (tx) => declineClassApplication(tx, req.actor, req.params.id, { reason: req.body.reason, note: req.body.note ?? null })),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof applyToClass, typeof ZMyClassApplication>>, // POST /classes/:id/applications
  Assert<Conforms<typeof listMyClassApplications, typeof ZMyClassApplicationPage>>, // GET /my/class-applications
  Assert<Conforms<typeof withdrawClassApplication, typeof ZMyClassApplication>>, // POST /class-applications/:id/withdraw
  Assert<Conforms<typeof listClassApplications, typeof ZClassApplicationsPage>>, // GET /classes/:id/applications
  Assert<Conforms<typeof setClassEnrolment, typeof ZClassEnrolmentView>>, // PUT /classes/:id/enrolment
  Assert<Conforms<typeof acceptClassApplication, typeof ZAcceptedApplication>>, // POST /class-applications/:id/accept
  Assert<Conforms<typeof declineClassApplication, typeof ZDeclineClassApplicationResult>>, // POST /class-applications/:id/decline
  Assert<Conforms<typeof listOpenClasses, typeof ZOpenClassesPage>>, // GET /public/open-classes
  Assert<Conforms<typeof getOpenClass, typeof ZOpenClass>>, // GET /public/open-classes/:id
];
