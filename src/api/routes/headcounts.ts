// Main-post headcounts (§1: the 钒钛 and 康养 rotation is measured against them). An enterprise records
// its own; the city and the county that manages it enter or correct it; departments read their slice.
// The city also downloads a template of every enterprise and imports it back (.xlsx, whole-file check).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { XLSX_MIME } from '../../services/classes/sheet-file.ts';
import { bytesText, limits } from '../../services/limits.ts';
import { headcountTemplate, importHeadcounts } from '../../services/targets/import-headcounts.ts';
import { listHeadcounts } from '../../services/targets/list-headcounts.ts';
import { recordHeadcount } from '../../services/targets/record-headcount.ts';
import { ROW_ERRORS_DOC } from './class-files.types.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZHeadcountImportResult,
  ZHeadcountParams,
  ZHeadcountTemplateQuery,
  ZListHeadcountsQuery,
  ZRecordHeadcountRequest,
  ZRecordHeadcountResult,
  ZHeadcountPage,
} from './headcounts.types.ts';
import type { Assert, Conforms } from './conforms.ts';
import { ZFile } from './fields.types.ts';

export const headcountRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  const tags = ['supervision'];
  const READERS = ['city', 'county', 'department', 'enterprise'] as const;
  app.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: limits().xlsxBytes }, (_req, body, done) => done(null, body));

  app.put(
    '/enterprises/:uscc/headcounts/:year',
    {
      schema: {
        tags,
        summary: '登记或更正企业某年度的主要岗位职工人数（§1 轮训目标）',
        params: ZHeadcountParams,
        body: ZRecordHeadcountRequest,
        description: `${who('city', 'county', 'enterprise')}（企业登记本企业；县区登记本辖区所管企业；部门只读）。年度应在方案有效期内。`,
        response: { 200: ZRecordHeadcountResult },
      },
      ...allow('city', 'county', 'enterprise'),
    },
    (req) => run(db, (tx) => recordHeadcount(tx, req.actor, req.params.uscc, req.params.year, req.body)),
  );

  app.get(
    '/enterprise-headcounts',
    {
      schema: {
        tags,
        summary: '某年度各企业主要岗位职工人数（未登记的为 null，不按 0 计；分页）',
        description: `${who(...READERS)}（各按可见的企业）`,
        querystring: ZListHeadcountsQuery,
        response: { 200: ZHeadcountPage },
      },
      ...allow(...READERS),
    },
    (req) => listHeadcounts(db, req.actor, req.query),
  );

  app.get(
    '/enterprise-headcounts/template',
    {
      schema: {
        tags,
        summary: '下载主要岗位职工人数导入模板（.xlsx：全部企业及该年度已登记的人数）',
        description: who('city'),
        querystring: ZHeadcountTemplateQuery,
        response: { 200: ZFile },
      },
      ...allow('city'),
    },
    async (req, reply) => {
      const name = `主要岗位职工人数-${req.query.year}年.xlsx`;
      const body = await headcountTemplate(db, req.actor, req.query.year);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(body);
    },
  );

  app.post(
    '/enterprise-headcounts/import',
    {
      schema: {
        tags,
        summary: '导入主要岗位职工人数（Excel，整表校验通过才导入）',
        response: { 200: ZHeadcountImportResult },
        description: `${who('city')}。请求体为 .xlsx 文件本身（Content-Type: ${XLSX_MIME}，不超过 ${bytesText(limits().xlsxBytes)}）；人数留空的行不导入。${ROW_ERRORS_DOC}`,
      },
      ...allow('city'),
    },
    (req) => importHeadcounts(db, req.actor, req.body),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
// ZFile is not tied: the template's bytes go out as they are, without the serializer.
export type ResponsesConform = [
  Assert<Conforms<typeof recordHeadcount, typeof ZRecordHeadcountResult>>, // PUT /enterprises/:uscc/headcounts/:year
  Assert<Conforms<typeof listHeadcounts, typeof ZHeadcountPage>>, // GET /enterprise-headcounts
  Assert<Conforms<typeof importHeadcounts, typeof ZHeadcountImportResult>>, // POST /enterprise-headcounts/import
];
