// The provider's Excel files for a class: the roster template and the roster import, the
// class's attendance sheet and its import. Uploads are the raw .xlsx bytes (Content-Type
// application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, within the limits of
// services/limits.ts), parsed on the server outside any transaction so every client gets the same
// row-by-row validation; a file with any problem writes nothing.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attendanceTemplate, importAttendance } from '../../services/classes/import-attendance.ts';
import { listAttendance } from '../../services/classes/list-attendance.ts';
import { listProviderPayments } from '../../services/classes/list-provider-payments.ts';
import { importRoster, rosterTemplate } from '../../services/classes/import-roster.ts';
import { XLSX_MIME } from '../../services/classes/sheet-file.ts';
import { bytesText, limits } from '../../services/limits.ts';
import { idParam, ZFile } from './fields.types.ts';
import { allow, run, who } from './route-access.ts';
import { acceptXlsxBodies, sendXlsx } from './uploads.ts';
import {
  ROW_ERRORS_DOC,
  ZAttendanceImportResult,
  ZListProviderPaymentsQuery,
  ZListAttendanceResult,
  ZProviderPaymentPage,
} from './class-files.types.ts';
import { ZClassView } from './classes.types.ts';
import type { Assert, Conforms } from './conforms.ts';

const RUNNERS = ['provider', 'county', 'city'] as const;
const tags = ['classes'];
const upload = () =>
  `请求体为 .xlsx 文件本身（Content-Type: ${XLSX_MIME}，不超过 ${bytesText(limits().xlsxBytes)}；限制见 docs/imports.md）。${ROW_ERRORS_DOC}`;

export const classFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  acceptXlsxBodies(app);

  app.get(
    '/classes/roster-template',
    {
      schema: { tags, summary: '下载花名册模板（.xlsx，含表头和一行示例）', description: who(...RUNNERS), response: { 200: ZFile } },
      ...allow(...RUNNERS),
    },
    async (_req, reply) => sendXlsx(reply, '花名册模板.xlsx', await rosterTemplate()),
  );

  app.post(
    '/classes/:id/roster',
    {
      schema: {
        tags,
        summary: '上传 Excel 花名册（整表校验通过才导入，替换草稿或被退回申请的花名册）',
        description: `${who(...RUNNERS)}。${upload()}`,
        params: idParam,
        response: { 200: ZClassView },
      },
      ...allow(...RUNNERS),
    },
    (req) => importRoster(db, req.actor, req.params.id, req.body),
  );

  app.get(
    '/classes/:id/attendance',
    {
      schema: {
        tags,
        summary: '本班各课次的考勤（学员 × 课次）',
        description: who(...RUNNERS),
        params: idParam,
        response: { 200: ZListAttendanceResult },
      },
      ...allow(...RUNNERS),
    },
    (req) => run(db, (tx) => listAttendance(tx, req.actor, req.params.id)),
  );

  app.get(
    '/classes/:id/attendance-sheet',
    {
      schema: {
        tags,
        summary: '下载本班考勤表（.xlsx：学员 × 课次，已登记的考勤已填入；开班审查通过后提供）',
        description: who(...RUNNERS),
        params: idParam,
        response: { 200: ZFile },
      },
      ...allow(...RUNNERS),
    },
    async (req, reply) => sendXlsx(reply, '考勤表.xlsx', await attendanceTemplate(db, req.actor, req.params.id)),
  );

  app.post(
    '/classes/:id/attendance-import',
    {
      schema: {
        tags,
        summary: '上传 Excel 考勤表（整表校验通过才登记）',
        description: `${who(...RUNNERS)}。${upload()}`,
        params: idParam,
        response: { 200: ZAttendanceImportResult },
      },
      ...allow(...RUNNERS),
    },
    (req) => importAttendance(db, req.actor, req.params.id, req.body),
  );

  app.get(
    '/provider-payments',
    {
      schema: {
        tags: ['payments'],
        summary: '本机构培训班申领的拨付记录（分页）',
        description: who('provider'),
        querystring: ZListProviderPaymentsQuery,
        response: { 200: ZProviderPaymentPage },
      },
      ...allow('provider'),
    },
    (req) => run(db, (tx) => listProviderPayments(tx, req.actor, req.query)),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
// ZFile is not tied: the roster template's and attendance sheet's bytes go out as they are, without the serializer.
export type ResponsesConform = [
  Assert<Conforms<typeof importRoster, typeof ZClassView>>, // POST /classes/:id/roster
  Assert<Conforms<typeof listAttendance, typeof ZListAttendanceResult>>, // GET /classes/:id/attendance
  Assert<Conforms<typeof listProviderPayments, typeof ZProviderPaymentPage>>, // GET /provider-payments
  Assert<Conforms<typeof importAttendance, typeof ZAttendanceImportResult>>, // POST /classes/:id/attendance-import
];
