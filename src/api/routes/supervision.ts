// Supervision (#6 §1, §5.2, §5.3): fund accounts with spending by program and the R9 enterprise
// share; the public fund-use disclosure (and its Excel); annual tasks set by the city, their quarterly
// progress and the laggards (通报); employment figures and the §1 goals.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fundDisclosure } from '../../services/funds/fund-disclosure.ts';
import { listEnterpriseShares, listFundAccounts } from '../../services/funds/fund-spending.ts';
import { disclosureWorkbook } from '../../services/reports/report-files.ts';
import { readCityGoals } from '../../services/targets/city-goals.ts';
import { recordEmploymentFigures } from '../../services/targets/record-employment-figures.ts';
import { changeAnnualTask } from '../../services/targets/change-annual-task.ts';
import { setAnnualTask } from '../../services/targets/set-annual-task.ts';
import { listTaskProgress } from '../../services/targets/task-progress.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZChangeTaskRequest,
  ZDisclosureQuery,
  ZEmploymentFiguresRequest,
  ZEnterpriseShareQuery,
  ZFundAccountsQuery,
  ZGoalsQuery,
  ZSetTaskRequest,
  ZTaskIdParams,
  ZTaskProgressQuery,
  ZListFundAccountsResult,
  ZListEnterpriseSharesResult,
  ZFundDisclosure,
  ZListTaskProgressResult,
  ZSetAnnualTaskResult,
  ZChangeAnnualTaskResult,
  ZRecordEmploymentFiguresResult,
} from './supervision.types.ts';
import { ZCityGoals } from './reports.types.ts';
import type { Assert, Conforms } from './conforms.ts';
import { ZFile } from './fields.types.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const attachment = (name: string) => `attachment; filename="report"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  const tags = ['supervision'];
  const READERS = ['city', 'county', 'department'] as const;
  const fundReaders = `${who('city', 'county')}、市财政局`;

  app.get(
    '/supervision/funds',
    {
      schema: {
        tags,
        summary: '资金账户：预算、预留、已付、预支、追回、余额，及分项目支出（§5.2）',
        description: fundReaders,
        querystring: ZFundAccountsQuery,
        response: { 200: ZListFundAccountsResult },
      },
      ...allow(...READERS),
    },
    (req) => listFundAccounts(db, req.actor, req.query),
  );
  app.get(
    '/supervision/enterprise-share',
    {
      schema: {
        tags,
        summary: 'R9 企业职工培训补贴占专账资金支出比例（低于 60% 预警）',
        description: `${who('city')}、市财政局`,
        querystring: ZEnterpriseShareQuery,
        response: { 200: ZListEnterpriseSharesResult },
      },
      ...allow('city', 'department'),
    },
    (req) => listEnterpriseShares(db, req.actor, req.query),
  );
  app.get(
    '/public/fund-disclosure',
    {
      schema: {
        tags,
        summary: '资金使用公开：分项目、地区、培训机构（公开）',
        querystring: ZDisclosureQuery,
        response: { 200: ZFundDisclosure },
      },
    },
    (req) => fundDisclosure(db, req.query),
  );
  app.get(
    '/public/fund-disclosure/xlsx',
    { schema: { tags, summary: '资金使用定期公开（Excel，公开）', querystring: ZDisclosureQuery, response: { 200: ZFile } } },
    async (req, reply) => {
      const d = await fundDisclosure(db, req.query);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`资金使用公开-${d.period.label}.xlsx`))
        .send(await disclosureWorkbook(d));
    },
  );

  app.get(
    '/targets',
    {
      schema: {
        tags,
        summary: '年度培训任务及季度进度；lagging=true 为本季度通报名单',
        description: `${who(...READERS)}（县区本辖区、部门本部门）`,
        querystring: ZTaskProgressQuery,
        response: { 200: ZListTaskProgressResult },
      },
      ...allow(...READERS),
    },
    (req) => listTaskProgress(db, req.actor, req.query),
  );
  app.post(
    '/targets',
    {
      schema: {
        tags,
        summary: '下达年度培训任务（市人社局）',
        description: who('city'),
        body: ZSetTaskRequest,
        response: { 201: ZSetAnnualTaskResult },
      },
      ...allow('city'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => setAnnualTask(tx, req.actor, req.body))),
  );
  app.patch(
    '/targets/:id',
    {
      schema: {
        tags,
        summary: '调整年度培训任务（写明原因）',
        description: who('city'),
        params: ZTaskIdParams,
        body: ZChangeTaskRequest,
        response: { 200: ZChangeAnnualTaskResult },
      },
      ...allow('city'),
    },
    (req) => run(db, (tx) => changeAnnualTask(tx, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/employment-figures',
    {
      schema: {
        tags,
        summary: '登记就业人员、技能劳动者、高技能人才人数（§1）',
        description: who('city', 'county'),
        body: ZEmploymentFiguresRequest,
        response: { 201: ZRecordEmploymentFiguresResult },
      },
      ...allow('city', 'county'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => recordEmploymentFigures(tx, req.actor, req.body))),
  );
  app.get(
    '/goals',
    {
      schema: {
        tags,
        summary: '§1 目标：技能劳动者占比、高技能人才占比、钒钛和康养产业轮训',
        description: who(...READERS),
        querystring: ZGoalsQuery,
        response: { 200: ZCityGoals },
      },
      ...allow(...READERS),
    },
    (req) => readCityGoals(db, req.actor, req.query.year),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
// ZFile is not tied: the disclosure workbook's bytes go out as they are, without the serializer.
export type ResponsesConform = [
  Assert<Conforms<typeof listFundAccounts, typeof ZListFundAccountsResult>>, // GET /supervision/funds
  Assert<Conforms<typeof listEnterpriseShares, typeof ZListEnterpriseSharesResult>>, // GET /supervision/enterprise-share
  Assert<Conforms<typeof fundDisclosure, typeof ZFundDisclosure>>, // GET /public/fund-disclosure
  Assert<Conforms<typeof listTaskProgress, typeof ZListTaskProgressResult>>, // GET /targets
  Assert<Conforms<typeof setAnnualTask, typeof ZSetAnnualTaskResult>>, // POST /targets
  Assert<Conforms<typeof changeAnnualTask, typeof ZChangeAnnualTaskResult>>, // PATCH /targets/:id
  Assert<Conforms<typeof recordEmploymentFigures, typeof ZRecordEmploymentFiguresResult>>, // POST /employment-figures
  Assert<Conforms<typeof readCityGoals, typeof ZCityGoals>>, // GET /goals
];
