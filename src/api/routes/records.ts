// /records/:number: a record number (SQ-…, BJ-…, GS-…, BF-…, BA-…, XT-…, XM-…, BM-…, YY-…) → the kind of record and
// its page in the web app, within the caller's scope (a record outside it is "未找到", like one never issued).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ROLES } from '../../vocabulary/roles.ts';
import { lookupRecord } from '../../services/records/lookup-record.ts';
import { allow, run, who } from './route-access.ts';
import { ZRecordLookup, ZRecordNumberParams } from './records.types.ts';
import type { Assert, Conforms } from './conforms.ts';

export const recordRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  app.get(
    '/records/:number',
    {
      schema: {
        tags: ['records'],
        summary: '按编号查找记录（申领、培训班、公示、支付批次、备案、学徒计划、项目、培训报名、实训基地预约）',
        description: `${who(...ROLES)}。只在调用者的办理范围内查找；范围外的编号与不存在的编号得到同样的“未找到”。`,
        params: ZRecordNumberParams,
        response: { 200: ZRecordLookup },
      },
      ...allow(...ROLES),
    },
    (req) => run(db, (tx) => lookupRecord(tx, req.actor, req.params.number)),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof lookupRecord, typeof ZRecordLookup>>, // GET /records/:number
];
