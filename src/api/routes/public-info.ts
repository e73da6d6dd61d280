// /public: what anyone may read without logging in (§5.5 公开): publicity notices, current and past,
// with their claims (names and resident IDs masked), and the class programs with what each subsidises.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listPrograms } from '../../services/public/list-programs.ts';
import { getPublicNotice, listPublicNoticeClaims, listPublicNotices } from '../../services/public/public-notices.ts';
import { idParam } from './fields.types.ts';
import { run } from './route-access.ts';
import {
  ZProgramsQuery,
  ZPublicNoticeClaimsQuery,
  ZPublicNoticesQuery,
  ZPublicNoticeViewPage,
  ZPublicNoticeView,
  ZPublicNoticeClaimViewPage,
  ZProgramViewPage,
} from './public-info.types.ts';
import type { Assert, Conforms } from './conforms.ts';

export const publicInfoRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  const tags = ['public'];
  app.get(
    '/public/notices',
    { schema: { tags, summary: '公示（公开）：当前与往期', querystring: ZPublicNoticesQuery, response: { 200: ZPublicNoticeViewPage } } },
    (req) => run(db, (tx) => listPublicNotices(tx, req.query)),
  );
  app.get(
    '/public/notices/:id',
    { schema: { tags, summary: '一则公示（公开）', params: idParam, response: { 200: ZPublicNoticeView } } },
    (req) => run(db, (tx) => getPublicNotice(tx, req.params.id)),
  );
  app.get(
    '/public/notices/:id/claims',
    {
      schema: {
        tags,
        summary: '公示中的申领（公开：姓名、身份证号脱敏）',
        params: idParam,
        querystring: ZPublicNoticeClaimsQuery,
        response: { 200: ZPublicNoticeClaimViewPage },
      },
    },
    (req) => run(db, (tx) => listPublicNoticeClaims(tx, req.params.id, req.query)),
  );
  app.get(
    '/public/programs',
    {
      schema: {
        tags,
        summary: '培训项目及补贴内容（公开，取自政策包，含条款）',
        querystring: ZProgramsQuery,
        response: { 200: ZProgramViewPage },
      },
    },
    (req) => run(db, (tx) => listPrograms(tx, req.query)),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof listPublicNotices, typeof ZPublicNoticeViewPage>>, // GET /public/notices
  Assert<Conforms<typeof getPublicNotice, typeof ZPublicNoticeView>>, // GET /public/notices/:id
  Assert<Conforms<typeof listPublicNoticeClaims, typeof ZPublicNoticeClaimViewPage>>, // GET /public/notices/:id/claims
  Assert<Conforms<typeof listPrograms, typeof ZProgramViewPage>>, // GET /public/programs
];
