// /classes: the class lifecycle (draft → submitted → approved/returned → running → assessed → closed),
// with the opening review (开班审查), attendance, assessment results and certificates.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { approveClass } from '../../services/classes/approve-class.ts';
import { claimClassSubsidies } from '../../services/classes/claim-class-subsidies.ts';
import { closeClass } from '../../services/classes/close-class.ts';
import { completeAssessment } from '../../services/classes/complete-assessment.ts';
import { createClass } from '../../services/classes/create-class.ts';
import { getClass } from '../../services/classes/get-class.ts';
import { listClasses } from '../../services/classes/list-classes.ts';
import { previewClassReview } from '../../services/classes/preview-class-review.ts';
import { recordAssessment } from '../../services/classes/record-assessment.ts';
import { recordAttendance } from '../../services/classes/record-attendance.ts';
import { recordCertificate } from '../../services/classes/record-certificate.ts';
import { returnClass } from '../../services/classes/return-class.ts';
import { startClass } from '../../services/classes/start-class.ts';
import { submitClass } from '../../services/classes/submit-class.ts';
import { updateClass } from '../../services/classes/update-class.ts';
import { allow, run, who } from './route-access.ts';
import { idParam } from './fields.types.ts';
import {
  ZAssessmentRequest,
  ZAttendanceRequest,
  ZCertificateRequest,
  ZClassApplication,
  ZClassClaimsRequest,
  ZClassClaimsResult,
  ZListClassesQuery,
  ZNoteRequest,
  ZReturnRequest,
  ZClassSummaryPage,
  ZClassView,
  ZOpeningReview,
  ZRecordAttendanceResult,
  ZRecordAssessmentResult,
  ZRecordCertificateResult,
} from './classes.types.ts';
import type { Assert, Conforms } from './conforms.ts';

export const classRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  const ALL = ['city', 'county', 'department', 'enterprise', 'provider', 'trainee'] as const;
  const RUNNERS = ['provider', 'county', 'city'] as const;
  const REVIEWERS = ['county', 'city'] as const;
  const tags = ['classes'];
  app.get(
    '/classes',
    {
      schema: {
        tags,
        summary: '培训班列表（分页）',
        description: who(...ALL),
        querystring: ZListClassesQuery,
        response: { 200: ZClassSummaryPage },
      },
      ...allow(...ALL),
    },
    (req) => run(db, (tx) => listClasses(tx, req.actor, req.query)),
  );
  app.post(
    '/classes',
    {
      schema: {
        tags,
        summary: '新建开班申请（草稿）',
        description: who(...RUNNERS),
        body: ZClassApplication,
        response: { 201: ZClassView },
      },
      ...allow(...RUNNERS),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => createClass(tx, req.actor, req.body))),
  );
  app.get(
    '/classes/:id',
    { schema: { tags, summary: '培训班详情', description: who(...ALL), params: idParam, response: { 200: ZClassView } }, ...allow(...ALL) },
    (req) => run(db, (tx) => getClass(tx, req.actor, req.params.id)),
  );
  app.put(
    '/classes/:id',
    {
      schema: {
        tags,
        summary: '修改草稿或被退回的开班申请',
        description: who(...RUNNERS),
        params: idParam,
        body: ZClassApplication,
        response: { 200: ZClassView },
      },
      ...allow(...RUNNERS),
    },
    (req) => run(db, (tx) => updateClass(tx, req.actor, req.params.id, req.body)),
  );
  app.get(
    '/classes/:id/review',
    {
      schema: {
        tags,
        summary: '开班审查预检（不改变数据）',
        description: who(...RUNNERS),
        params: idParam,
        response: { 200: ZOpeningReview },
      },
      ...allow(...RUNNERS),
    },
    (req) => run(db, (tx) => previewClassReview(tx, req.actor, req.params.id)),
  );
  app.post(
    '/classes/:id/submit',
    {
      schema: { tags, summary: '提交开班申请', description: who(...RUNNERS), params: idParam, response: { 200: ZClassView } },
      ...allow(...RUNNERS),
    },
    (req) => run(db, (tx) => submitClass(tx, req.actor, req.params.id)),
  );
  app.post(
    '/classes/:id/approve',
    {
      schema: {
        tags,
        summary: '开班审查通过',
        description: who(...REVIEWERS),
        params: idParam,
        body: ZNoteRequest,
        response: { 200: ZClassView },
      },
      ...allow(...REVIEWERS),
    },
    (req) => run(db, (tx) => approveClass(tx, req.actor, req.params.id, { note: req.body.note ?? null })),
  );
  app.post(
    '/classes/:id/return',
    {
      schema: {
        tags,
        summary: '退回开班申请',
        description: who(...REVIEWERS),
        params: idParam,
        body: ZReturnRequest,
        response: { 200: ZClassView },
      },
      ...allow(...REVIEWERS),
    },
    (req) => run(db, (tx) => returnClass(tx, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/classes/:id/start',
    {
      schema: { tags, summary: '开班', description: who(...RUNNERS), params: idParam, response: { 200: ZClassView } },
      ...allow(...RUNNERS),
    },
    (req) => run(db, (tx) => startClass(tx, req.actor, req.params.id)),
  );
  app.post(
    '/classes/:id/attendance',
    {
      schema: {
        tags,
        summary: '登记一个课次的考勤',
        description: who(...RUNNERS),
        params: idParam,
        body: ZAttendanceRequest,
        response: { 200: ZRecordAttendanceResult },
      },
      ...allow(...RUNNERS),
    },
    (req) => run(db, (tx) => recordAttendance(tx, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/classes/:id/assessment',
    {
      schema: {
        tags,
        summary: '登记结业考核结果',
        description: who(...RUNNERS),
        params: idParam,
        body: ZAssessmentRequest,
        response: { 200: ZRecordAssessmentResult },
      },
      ...allow(...RUNNERS),
    },
    (req) => run(db, (tx) => recordAssessment(tx, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/classes/:id/assess',
    {
      schema: {
        tags,
        summary: '完成结业考核（每名学员都有结果）',
        description: who(...RUNNERS),
        params: idParam,
        response: { 200: ZClassView },
      },
      ...allow(...RUNNERS),
    },
    (req) => run(db, (tx) => completeAssessment(tx, req.actor, req.params.id)),
  );
  app.post(
    '/classes/:id/certificates',
    {
      schema: {
        tags,
        summary: '登记证书（同类证书编号唯一）',
        description: who(...RUNNERS),
        params: idParam,
        body: ZCertificateRequest,
        response: { 201: ZRecordCertificateResult },
      },
      ...allow(...RUNNERS),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await run(db, (tx) => recordCertificate(tx, req.actor, req.params.id, { ...req.body, issuer: req.body.issuer ?? null }))),
  );
  app.post(
    '/classes/:id/close',
    {
      schema: {
        tags,
        summary: '结业验收、结班',
        description: who(...REVIEWERS),
        params: idParam,
        body: ZNoteRequest,
        response: { 200: ZClassView },
      },
      ...allow(...REVIEWERS),
    },
    (req) => run(db, (tx) => closeClass(tx, req.actor, req.params.id, { note: req.body.note ?? null })),
  );
  app.post(
    '/classes/:id/claims',
    {
      schema: {
        tags,
        summary: '为结班的学员申领补贴（按本班考勤、考核和证书，每名学员一笔；已有申领的跳过）',
        description: who('provider'),
        params: idParam,
        body: ZClassClaimsRequest,
        response: { 200: ZClassClaimsResult },
      },
      ...allow('provider'),
    },
    (req) => run(db, (tx) => claimClassSubsidies(tx, req.actor, req.params.id, req.body)),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof listClasses, typeof ZClassSummaryPage>>, // GET /classes
  Assert<Conforms<typeof createClass, typeof ZClassView>>, // POST /classes
  Assert<Conforms<typeof getClass, typeof ZClassView>>, // GET /classes/:id
  Assert<Conforms<typeof updateClass, typeof ZClassView>>, // PUT /classes/:id
  Assert<Conforms<typeof previewClassReview, typeof ZOpeningReview>>, // GET /classes/:id/review
  Assert<Conforms<typeof submitClass, typeof ZClassView>>, // POST /classes/:id/submit
  Assert<Conforms<typeof approveClass, typeof ZClassView>>, // POST /classes/:id/approve
  Assert<Conforms<typeof returnClass, typeof ZClassView>>, // POST /classes/:id/return
  Assert<Conforms<typeof startClass, typeof ZClassView>>, // POST /classes/:id/start
  Assert<Conforms<typeof recordAttendance, typeof ZRecordAttendanceResult>>, // POST /classes/:id/attendance
  Assert<Conforms<typeof recordAssessment, typeof ZRecordAssessmentResult>>, // POST /classes/:id/assessment
  Assert<Conforms<typeof completeAssessment, typeof ZClassView>>, // POST /classes/:id/assess
  Assert<Conforms<typeof recordCertificate, typeof ZRecordCertificateResult>>, // POST /classes/:id/certificates
  Assert<Conforms<typeof closeClass, typeof ZClassView>>, // POST /classes/:id/close
  Assert<Conforms<typeof claimClassSubsidies, typeof ZClassClaimsResult>>, // POST /classes/:id/claims
];
