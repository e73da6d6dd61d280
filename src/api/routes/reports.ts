// 季报、年报 and 重大事项专报 (§5.3): on screen (JSON) and as files, Excel and PDF. A PDF needs a CJK font
// on the server; without one the answer is a 503 with a Chinese message saying what to install.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { flagMajorMatter, listMajorMatters, majorMatterReport } from '../../services/reports/major-matters.ts';
import { periodReport } from '../../services/reports/period-report.ts';
import {
  FontMissingError,
  matterReportPdf,
  matterReportWorkbook,
  periodReportPdf,
  periodReportWorkbook,
} from '../../services/reports/report-files.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZFlagMatterRequest,
  ZMatterParams,
  ZMattersQuery,
  ZPeriodReportQuery,
  ZMajorMatterView,
  ZListMajorMattersResult,
  ZMajorMatterReport,
  ZPeriodReport,
} from './reports.types.ts';
import { ZFile } from './fields.types.ts';
import { attachment, XLSX } from './supervision.ts';
import type { Assert, Conforms } from './conforms.ts';

async function sendPdf(reply: FastifyReply, name: string, make: () => Promise<Buffer>) {
  try {
    const body = await make();
    return reply.header('content-type', 'application/pdf').header('content-disposition', attachment(name)).send(body);
  } catch (e) {
    if (e instanceof FontMissingError) return reply.status(503).send({ error: { code: e.code, message: e.message, field: null } });
    throw e;
  }
}

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  const tags = ['reports'];
  const READERS = ['city', 'county', 'department'] as const;
  const OFFICES = ['city', 'county'] as const;
  const scope = `${who(...READERS)}（县区本辖区、部门本部门；资金部分仅市人社局和财政局）`;

  app.get(
    '/reports/periodic',
    {
      schema: {
        tags,
        summary: '季报（quarter=1—4）或年报（不带 quarter）',
        description: scope,
        querystring: ZPeriodReportQuery,
        response: { 200: ZPeriodReport },
      },
      ...allow(...READERS),
    },
    (req) => periodReport(db, req.actor, req.query),
  );
  app.get(
    '/reports/periodic/xlsx',
    {
      schema: { tags, summary: '季报或年报（Excel）', description: scope, querystring: ZPeriodReportQuery, response: { 200: ZFile } },
      ...allow(...READERS),
    },
    async (req, reply) => {
      const r = await periodReport(db, req.actor, req.query);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`${r.title}.xlsx`))
        .send(await periodReportWorkbook(r));
    },
  );
  app.get(
    '/reports/periodic/pdf',
    {
      schema: { tags, summary: '季报或年报（PDF）', description: scope, querystring: ZPeriodReportQuery, response: { 200: ZFile } },
      ...allow(...READERS),
    },
    async (req, reply) => {
      const r = await periodReport(db, req.actor, req.query);
      return sendPdf(reply, `${r.title}.pdf`, () => periodReportPdf(r));
    },
  );

  app.post(
    '/major-matters',
    {
      schema: {
        tags,
        summary: '登记重大事项（注明涉及的申领、培训班、培训机构）',
        description: who(...OFFICES),
        body: ZFlagMatterRequest,
        response: { 201: ZMajorMatterView },
      },
      ...allow(...OFFICES),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => flagMajorMatter(tx, req.actor, req.body))),
  );
  app.get(
    '/major-matters',
    {
      schema: {
        tags,
        summary: '重大事项列表',
        description: who(...OFFICES),
        querystring: ZMattersQuery,
        response: { 200: ZListMajorMattersResult },
      },
      ...allow(...OFFICES),
    },
    (req) => listMajorMatters(db, req.actor, req.query),
  );
  app.get(
    '/major-matters/:id/report',
    {
      schema: { tags, summary: '重大事项专报', description: who(...OFFICES), params: ZMatterParams, response: { 200: ZMajorMatterReport } },
      ...allow(...OFFICES),
    },
    (req) => majorMatterReport(db, req.actor, req.params.id),
  );
  app.get(
    '/major-matters/:id/report/xlsx',
    {
      schema: { tags, summary: '重大事项专报（Excel）', description: who(...OFFICES), params: ZMatterParams, response: { 200: ZFile } },
      ...allow(...OFFICES),
    },
    async (req, reply) => {
      const r = await majorMatterReport(db, req.actor, req.params.id);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`${r.title}.xlsx`))
        .send(await matterReportWorkbook(r));
    },
  );
  app.get(
    '/major-matters/:id/report/pdf',
    {
      schema: { tags, summary: '重大事项专报（PDF）', description: who(...OFFICES), params: ZMatterParams, response: { 200: ZFile } },
      ...allow(...OFFICES),
    },
    async (req, reply) => {
      const r = await majorMatterReport(db, req.actor, req.params.id);
      return sendPdf(reply, `${r.title}.pdf`, () => matterReportPdf(r));
    },
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
// ZFile is not tied: the Excel and PDF reports' bytes go out as they are, without the serializer.
export type ResponsesConform = [
  Assert<Conforms<typeof periodReport, typeof ZPeriodReport>>, // GET /reports/periodic
  Assert<Conforms<typeof flagMajorMatter, typeof ZMajorMatterView>>, // POST /major-matters
  Assert<Conforms<typeof listMajorMatters, typeof ZListMajorMattersResult>>, // GET /major-matters
  Assert<Conforms<typeof majorMatterReport, typeof ZMajorMatterReport>>, // GET /major-matters/:id/report
];
