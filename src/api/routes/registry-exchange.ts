// /registry-exchange (docs/registry-exchange.md): the other departments' registers imported as files
// (one layout per source, a template and a sample each; checked whole; the same file twice changes
// nothing; a reconciliation report kept per import), conflicts between sources settled by the office,
// and the exports to the social insurance agency, the employment service and the public-credit
// platform. City only: the extracts and the exports cover the whole city.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CSV_MIME, XLSX_MIME } from '../../services/classes/sheet-file.ts';
import { closeRegistryConflict } from '../../services/exchange/close-registry-conflict.ts';
import { importRegistryExtract } from '../../services/exchange/import-registry-extract.ts';
import { getRegistryImport, listRegistryImports } from '../../services/exchange/list-registry-imports.ts';
import { EXPORT_KINDS, EXPORT_LAYOUTS, exportRegistryFile } from '../../services/exchange/registry-exports.ts';
import { extractFactName, REGISTRY_SOURCES, SOURCE_KEYS } from '../../services/exchange/registry-sources.ts';
import { registrySample, registrySampleRows, registryTemplate, type RegistryFile } from '../../services/exchange/registry-templates.ts';
import { requireRole } from '../../services/access.ts';
import { bytesText, limits } from '../../services/limits.ts';
import { ROW_ERRORS_DOC } from './class-files.types.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZCloseConflictRequest,
  ZConflictClosed,
  ZExportLayoutList,
  ZExportParams,
  ZExportQuery,
  ZFormatQuery,
  ZIdParams,
  ZImportDetail,
  ZImportPage,
  ZImportQuery,
  ZImportResult,
  ZListImportsQuery,
  ZSourceList,
  ZSourceParams,
} from './registry-exchange.types.ts';
import { ZFile } from './fields.types.ts';
import type { Assert, Conforms } from './conforms.ts';

const tags = ['registry-exchange'];
const attachment = (name: string) => `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const registryExchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  const fileLimit = { parseAs: 'buffer' as const, bodyLimit: limits().xlsxBytes };
  app.addContentTypeParser(XLSX_MIME, fileLimit, (_req, body, done) => done(null, body));
  app.addContentTypeParser(CSV_MIME, fileLimit, (_req, body, done) => done(null, body));
  const send = (reply: import('fastify').FastifyReply, file: RegistryFile) =>
    reply
      .type(file.contentType)
      .header('cache-control', 'no-store')
      .header('content-disposition', attachment(file.fileName))
      .send(file.body);

  app.get(
    '/registry-exchange/sources',
    {
      ...allow('city'),
      schema: {
        tags,
        summary: '可导入的部门登记数据来源及各自的文件格式（列、是否必填、含义）',
        description: who('city'),
        response: { 200: ZSourceList },
      },
    },
    async () => sourceLayouts(),
  );

  app.get(
    '/registry-exchange/sources/:source/template',
    {
      ...allow('city'),
      schema: {
        tags,
        summary: '下载某一来源的导入模板（Excel 或 CSV：表头、每列说明和一行示例）',
        description: who('city'),
        params: ZSourceParams,
        querystring: ZFormatQuery,
        response: { 200: ZFile },
      },
    },
    async (req, reply) => send(reply, await registryTemplate(req.actor, req.params.source, req.query.format)),
  );

  app.get(
    '/registry-exchange/sources/:source/sample',
    {
      ...allow('city'),
      schema: {
        tags,
        summary: '下载某一来源的示例数据（按本系统已登记的人员生成，可直接导入体验）',
        description: `${who('city')}。示例含几名有待审核申领的人员、一个未登记的身份证号和一个姓名不符的人员。`,
        params: ZSourceParams,
        querystring: ZFormatQuery,
        response: { 200: ZFile },
      },
    },
    async (req, reply) => {
      const { source, rows } = await run(db, (tx) => registrySampleRows(tx, req.actor, req.params.source));
      return send(reply, await registrySample(source, rows, req.query.format));
    },
  );

  app.post(
    '/registry-exchange/imports',
    {
      ...allow('city'),
      schema: {
        tags,
        summary: '导入部门登记数据（整表校验后写入带来源和日期的人员属性；同一文件重复导入不产生变化；返回核对报告）',
        description: `${who('city')}。请求体为文件本身（Content-Type: text/csv（UTF-8 或 GB18030）或 ${XLSX_MIME}，不超过 ${bytesText(limits().xlsxBytes)}）。${ROW_ERRORS_DOC}`,
        querystring: ZImportQuery,
        response: { 200: ZImportResult },
      },
    },
    (req) =>
      importRegistryExtract(db, req.actor, {
        source: req.query.source,
        extractDate: req.query.extractDate,
        format: String(req.headers['content-type'] ?? '').startsWith(CSV_MIME) ? 'csv' : 'xlsx',
        file: req.body,
        fileName: req.query.fileName ?? null,
      }),
  );

  app.get(
    '/registry-exchange/imports',
    {
      ...allow('city'),
      schema: {
        tags,
        summary: '历次导入（最新在前，分页）',
        description: who('city'),
        querystring: ZListImportsQuery,
        response: { 200: ZImportPage },
      },
    },
    (req) => run(db, (tx) => listRegistryImports(tx, req.actor, req.query)),
  );

  app.get(
    '/registry-exchange/imports/:id',
    {
      ...allow('city'),
      schema: {
        tags,
        summary: '某次导入及其核对报告（匹配、未登记的身份证号、姓名不符、新增属性、冲突、重新判定的申领）',
        description: who('city'),
        params: ZIdParams,
        response: { 200: ZImportDetail },
      },
    },
    (req) => run(db, (tx) => getRegistryImport(tx, req.actor, req.params.id)),
  );

  app.post(
    '/registry-exchange/conflicts/:id/close',
    {
      ...allow('city'),
      schema: {
        tags,
        summary: '办结一条来源之间的数据冲突（写明处理结果；需要更正的属性请在人员页登记）',
        description: who('city'),
        params: ZIdParams,
        body: ZCloseConflictRequest,
        response: { 200: ZConflictClosed },
      },
    },
    (req) => run(db, (tx) => closeRegistryConflict(tx, req.actor, req.params.id, req.body.resolution)),
  );

  app.get(
    '/registry-exchange/exports',
    {
      ...allow('city'),
      schema: {
        tags,
        summary: '可导出的数据及其接收单位和列',
        description: who('city'),
        response: { 200: ZExportLayoutList },
      },
    },
    async (req) => {
      requireRole(req.actor, 'city');
      return exportLayouts();
    },
  );

  app.get(
    '/registry-exchange/exports/:kind',
    {
      ...allow('city'),
      schema: {
        tags,
        summary: '导出补贴发放人员名单（按支付日期）或失信行为信息（按处理日期），Excel 或 CSV；每次导出记入审计日志',
        description: `${who('city')}。文件含完整身份证号（接收系统按身份证号归集），导出记录操作人、期间、行数和文件摘要。`,
        params: ZExportParams,
        querystring: ZExportQuery,
        response: { 200: ZFile },
      },
    },
    async (req, reply) => send(reply, await exportRegistryFile(db, req.actor, { kind: req.params.kind, ...req.query })),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
/** Each source's layout: the facts it carries and its columns. */
function sourceLayouts() {
  return SOURCE_KEYS.map((k) => {
    const s = REGISTRY_SOURCES[k];
    return {
      key: s.key,
      name: s.name,
      holder: s.holder,
      facts: s.facts.map((fact) => ({ fact, factName: extractFactName(fact) })),
      columns: s.columns.map((c) => ({ header: c.header, required: c.required, meaning: c.meaning })),
    };
  });
}

/** Each export's receiver and column headers. */
function exportLayouts() {
  return EXPORT_KINDS.map((kind) => ({
    kind,
    name: EXPORT_LAYOUTS[kind].name,
    receiver: EXPORT_LAYOUTS[kind].receiver,
    columns: EXPORT_LAYOUTS[kind].columns.map((c) => c.header),
  }));
}

// ZFile is not tied: templates, samples and exports go out as bytes, without the serializer.
export type ResponsesConform = [
  Assert<Conforms<typeof sourceLayouts, typeof ZSourceList>>, // GET /registry-exchange/sources
  Assert<Conforms<typeof importRegistryExtract, typeof ZImportResult>>, // POST /registry-exchange/imports
  Assert<Conforms<typeof listRegistryImports, typeof ZImportPage>>, // GET /registry-exchange/imports
  Assert<Conforms<typeof getRegistryImport, typeof ZImportDetail>>, // GET /registry-exchange/imports/:id
  Assert<Conforms<typeof closeRegistryConflict, typeof ZConflictClosed>>, // POST /registry-exchange/conflicts/:id/close
  Assert<Conforms<typeof exportLayouts, typeof ZExportLayoutList>>, // GET /registry-exchange/exports
];
