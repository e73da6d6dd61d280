// /risk: fraud-risk detection and supervision (§5.2 虚假培训/缩水培训, §5.3 过程监督): the full scan, its
// findings and scores, inspection sampling and results, sanctions with the public sanction list, and
// third-party evaluations of providers. Findings and scores: the city, a county (its area) and the
// finance bureau (masked personal data); the other departments are not admitted (risk-scope.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listEvaluations } from '../../services/risk/list-evaluations.ts';
import { listFindings } from '../../services/risk/list-findings.ts';
import { listInspections } from '../../services/risk/list-inspections.ts';
import { listScans } from '../../services/risk/list-scans.ts';
import { listScores } from '../../services/risk/list-scores.ts';
import { recordEvaluation } from '../../services/risk/record-evaluation.ts';
import { recordInspection } from '../../services/risk/record-inspection.ts';
import { sampleInspections } from '../../services/risk/sample-inspections.ts';
import { publicSanctions, sanction } from '../../services/risk/sanction.ts';
import { runScanAs } from '../../services/risk/scan-risks.ts';
import { idParam } from './fields.types.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZEvaluationRequest,
  ZEvaluationsQuery,
  ZFindingsQuery,
  ZInspectionResultRequest,
  ZInspectionsQuery,
  ZPublicSanctionsQuery,
  ZSampleRequest,
  ZSanctionRequest,
  ZScansQuery,
  ZScoresQuery,
  ZScanSummary,
  ZScanViewPage,
  ZListFindingsResult,
  ZListScoresResult,
  ZSampleResult,
  ZInspectionViewPage,
  ZRecordInspectionResult,
  ZSanctionView,
  ZPublicSanctionsResult,
  ZEvaluationViewPage,
  ZRecordEvaluationResult,
} from './risk.types.ts';
import type { Assert, Conforms } from './conforms.ts';

export const riskRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  const tags = ['risk'];
  const READERS = ['city', 'county', 'department'] as const;
  const OFFICES = ['city', 'county'] as const;
  const readers = `${who('city', 'county')}、市财政局（个人信息脱敏）`;
  app.post(
    '/risk/scans',
    {
      schema: { tags, summary: '全量风险扫描（虚假培训、缩水培训线索）', description: who('city'), response: { 201: ZScanSummary } },
      ...allow('city'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => runScanAs(tx, req.actor))),
  );
  app.get(
    '/risk/scans',
    {
      schema: {
        tags,
        summary: '风险扫描记录（每条规则的线索数、无法判定的记录）',
        description: readers,
        querystring: ZScansQuery,
        response: { 200: ZScanViewPage },
      },
      ...allow(...READERS),
    },
    (req) => run(db, (tx) => listScans(tx, req.actor, req.query)),
  );
  app.get(
    '/risk/findings',
    {
      schema: {
        tags,
        summary: '风险线索（默认最近一次扫描）',
        description: readers,
        querystring: ZFindingsQuery,
        response: { 200: ZListFindingsResult },
      },
      ...allow(...READERS),
    },
    (req) => run(db, (tx) => listFindings(tx, req.actor, req.query)),
  );
  app.get(
    '/risk/scores',
    {
      schema: {
        tags,
        summary: '风险评分（培训班、申领、培训机构）',
        description: readers,
        querystring: ZScoresQuery,
        response: { 200: ZListScoresResult },
      },
      ...allow(...READERS),
    },
    (req) => run(db, (tx) => listScores(tx, req.actor, req.query)),
  );
  app.post(
    '/risk/samples',
    {
      schema: {
        tags,
        summary: '按风险抽取过程监督检查对象（可用种子复现）',
        description: who(...OFFICES),
        body: ZSampleRequest,
        response: { 201: ZSampleResult },
      },
      ...allow(...OFFICES),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => sampleInspections(tx, req.actor, req.body))),
  );
  app.get(
    '/risk/inspections',
    {
      schema: {
        tags,
        summary: '过程监督检查任务（抽中概率、抽样值、检查结果）',
        description: who(...OFFICES),
        querystring: ZInspectionsQuery,
        response: { 200: ZInspectionViewPage },
      },
      ...allow(...OFFICES),
    },
    (req) => run(db, (tx) => listInspections(tx, req.actor, req.query)),
  );
  app.post(
    '/risk/inspections/:id/result',
    {
      schema: {
        tags,
        summary: '登记检查发现',
        description: who(...OFFICES),
        params: idParam,
        body: ZInspectionResultRequest,
        response: { 200: ZRecordInspectionResult },
      },
      ...allow(...OFFICES),
    },
    (req) => run(db, (tx) => recordInspection(tx, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/risk/sanctions',
    {
      schema: {
        tags,
        summary: '查处：驳回申领、追回补贴、暂停或取消机构资格',
        description: who(...OFFICES),
        body: ZSanctionRequest,
        response: { 201: ZSanctionView },
      },
      ...allow(...OFFICES),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => sanction(tx, req.actor, req.body))),
  );
  app.get(
    '/risk/sanctions',
    { schema: { tags, summary: '查处公示名单（公开）', querystring: ZPublicSanctionsQuery, response: { 200: ZPublicSanctionsResult } } },
    (req) => run(db, (tx) => publicSanctions(tx, req.query)),
  );
  app.get(
    '/risk/evaluations',
    {
      schema: {
        tags,
        summary: '第三方评估记录（含机构当前状态）',
        description: who(...OFFICES),
        querystring: ZEvaluationsQuery,
        response: { 200: ZEvaluationViewPage },
      },
      ...allow(...OFFICES),
    },
    (req) => run(db, (tx) => listEvaluations(tx, req.actor, req.query)),
  );
  app.post(
    '/risk/evaluations',
    {
      schema: {
        tags,
        summary: '登记第三方评估结果（不合格自动暂停补贴性培训资格）',
        description: who(...OFFICES),
        body: ZEvaluationRequest,
        response: { 201: ZRecordEvaluationResult },
      },
      ...allow(...OFFICES),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => recordEvaluation(tx, req.actor, req.body))),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof runScanAs, typeof ZScanSummary>>, // POST /risk/scans
  Assert<Conforms<typeof listScans, typeof ZScanViewPage>>, // GET /risk/scans
  Assert<Conforms<typeof listFindings, typeof ZListFindingsResult>>, // GET /risk/findings
  Assert<Conforms<typeof listScores, typeof ZListScoresResult>>, // GET /risk/scores
  Assert<Conforms<typeof sampleInspections, typeof ZSampleResult>>, // POST /risk/samples
  Assert<Conforms<typeof listInspections, typeof ZInspectionViewPage>>, // GET /risk/inspections
  Assert<Conforms<typeof recordInspection, typeof ZRecordInspectionResult>>, // POST /risk/inspections/:id/result
  Assert<Conforms<typeof sanction, typeof ZSanctionView>>, // POST /risk/sanctions
  Assert<Conforms<typeof publicSanctions, typeof ZPublicSanctionsResult>>, // GET /risk/sanctions
  Assert<Conforms<typeof listEvaluations, typeof ZEvaluationViewPage>>, // GET /risk/evaluations
  Assert<Conforms<typeof recordEvaluation, typeof ZRecordEvaluationResult>>, // POST /risk/evaluations
];
