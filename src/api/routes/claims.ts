// /claims: submitting, deciding, reviewing, rejecting, withdrawing, the R3 exception and approval.
// Each route names who may call it; the slice (area, enterprise, provider, own record) is checked in
// the use case. The public sees nothing of claims.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Assert, Conforms } from './conforms.ts';
import { actOnClaims } from '../../services/claims/act-on-claims.ts';
import { approveClaim } from '../../services/claims/approve-claim.ts';
import { decideStoredClaim } from '../../services/claims/decide-stored-claim.ts';
import { decideClaims } from '../../services/claims/decide-claims.ts';
import { getClaim, listClaims } from '../../services/claims/list-claims.ts';
import { describeMissing } from '../../services/claims/missing-facts.ts';
import { loadClaim } from '../../services/claims/claim-scope.ts';
import { recordAnnualCapException } from '../../services/claims/record-annual-cap-exception.ts';
import { rejectClaim } from '../../services/claims/reject-claim.ts';
import { reviewClaim } from '../../services/claims/review-claim.ts';
import { submitClaim } from '../../services/claims/submit-claim.ts';
import { withdrawClaim } from '../../services/claims/withdraw-claim.ts';
import { AppError } from '../../services/app-error.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZClaimIdParams,
  ZClaimPage,
  ZClaimView,
  ZDecideBatchRequest,
  ZDecisionResponse,
  ZListClaimsQuery,
  ZOptionalReasonRequest,
  ZReasonRequest,
  ZReviewRequest,
  ZStatusResponse,
  ZSubmitClaimRequest,
  ZBulkClaimsRequest,
  ZBulkClaimsResponse,
  ZMissingFactsBatchQuery,
  ZMissingFactsResponse,
  ZMissingFactsBatch,
  ZSubmittedClaim,
  ZDecideClaimsResult,
  ZAnnualCapException,
  ZApprovedClaim,
} from './claims.types.ts';

const ALL = ['city', 'county', 'department', 'enterprise', 'provider', 'trainee'] as const;
const APPLICANTS = ['trainee', 'enterprise', 'provider', 'city', 'county'] as const;
const REVIEWERS = ['city', 'county'] as const;
const CITY = ['city'] as const;
const tags = ['claims'];

export const claimRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;

  app.post(
    '/claims',
    {
      ...allow(...APPLICANTS),
      schema: {
        tags,
        description: who(...APPLICANTS),
        summary: '提交补贴申领（劳动者、企业、培训机构；人社部门可代为登记）',
        body: ZSubmitClaimRequest,
        response: {
          201: ZSubmittedClaim,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await run(db, (tx) => submitClaim(tx, request.actor, request.body))),
  );

  app.get(
    '/claims',
    {
      ...allow(...ALL),
      schema: {
        tags,
        description: who(...ALL),
        summary: '申领列表（按角色范围；分页、排序、筛选）',
        querystring: ZListClaimsQuery,
        response: { 200: ZClaimPage },
      },
    },
    async (request) => listClaims(db, request.actor, request.query),
  );

  app.get(
    '/claims/:id',
    {
      ...allow(...ALL),
      schema: {
        tags,
        description: who(...ALL),
        summary: '申领详情（含冻结的判定和判定过程）',
        params: ZClaimIdParams,
        response: { 200: ZClaimView },
      },
    },
    async (request) => getClaim(db, request.actor, request.params.id),
  );

  app.get(
    '/claims/:id/missing-facts',
    {
      ...allow(...ALL),
      schema: {
        tags,
        description: who(...ALL),
        summary: '待补充的事实（待定申领缺少的事实：谁的、哪一项、哪一日期或年度、依据条款、由谁登记）',
        params: ZClaimIdParams,
        response: { 200: ZMissingFactsResponse },
      },
    },
    async (request) =>
      run(db, async (tx) => {
        const claim = await loadClaim(tx, request.actor, request.params.id);
        return { claimId: claim.id, outcome: claim.outcome, items: await describeMissing(tx, request.actor!, claim) };
      }),
  );

  app.get(
    '/claims/missing-facts',
    {
      ...allow(...REVIEWERS),
      schema: {
        tags,
        description: who(...REVIEWERS),
        summary: '多笔申领的待补充事实（批量审核用；逗号分隔的申领编号，一次最多 200 笔；不在办理范围内的申领不列出）',
        querystring: ZMissingFactsBatchQuery,
        response: { 200: ZMissingFactsBatch },
      },
    },
    async (request) =>
      run(db, async (tx) => {
        const a = request.actor!;
        const out = [];
        for (const id of request.query.ids) {
          // A claim outside the slice is left out, as in the lists (its existence does not leak).
          const claim = await loadClaim(tx, a, id).catch((e: unknown) => {
            if (e instanceof AppError && e.code === 'not_found') return null;
            throw e;
          });
          if (claim) out.push({ claimId: claim.id, outcome: claim.outcome, items: await describeMissing(tx, a, claim) });
        }
        return { items: out };
      }),
  );

  app.post(
    '/claims/decide',
    {
      ...allow(...REVIEWERS),
      schema: {
        tags,
        description: who(...REVIEWERS),
        summary: '批量判定所有已提交的申领（市、县区人社局）',
        body: ZDecideBatchRequest,
        response: { 200: ZDecideClaimsResult },
      },
    },
    async (request) => decideClaims(db, request.actor, request.body),
  );

  app.post(
    '/claims/:id/decide',
    {
      ...allow(...REVIEWERS),
      schema: {
        tags,
        description: who(...REVIEWERS),
        summary: '按政策判定申领（与 upskill evaluate 同一引擎；市、县区人社局）',
        params: ZClaimIdParams,
        response: { 200: ZDecisionResponse },
      },
    },
    async (request) => run(db, (tx) => decideStoredClaim(tx, request.actor, { claimId: request.params.id })),
  );

  app.post(
    '/claims/:id/review',
    {
      ...allow(...REVIEWERS),
      schema: {
        tags,
        description: who(...REVIEWERS),
        summary: '审核通过（市、县区人社局）',
        params: ZClaimIdParams,
        body: ZReviewRequest,
        response: { 200: ZStatusResponse },
      },
    },
    async (request) => run(db, (tx) => reviewClaim(tx, request.actor, { claimId: request.params.id, note: request.body.note })),
  );

  app.post(
    '/claims/:id/reject',
    {
      ...allow(...REVIEWERS),
      schema: {
        tags,
        description: who(...REVIEWERS),
        summary: '驳回（市、县区人社局，须写明理由）',
        params: ZClaimIdParams,
        body: ZReasonRequest,
        response: { 200: ZStatusResponse },
      },
    },
    async (request) => run(db, (tx) => rejectClaim(tx, request.actor, { claimId: request.params.id, reason: request.body.reason })),
  );

  app.post(
    '/claims/:id/withdraw',
    {
      ...allow(...APPLICANTS),
      schema: {
        tags,
        description: who(...APPLICANTS),
        summary: '撤回（申请人本人或受理的人社部门，公示前）',
        params: ZClaimIdParams,
        body: ZOptionalReasonRequest,
        response: { 200: ZStatusResponse },
      },
    },
    async (request) => run(db, (tx) => withdrawClaim(tx, request.actor, { claimId: request.params.id, reason: request.body.reason })),
  );

  app.post(
    '/claims/:id/r3-exception',
    {
      ...allow(...CITY),
      schema: {
        tags,
        description: who(...CITY),
        summary: '登记年度补贴次数例外（§4.0“原则上”；仅市人社局，须写明理由）',
        params: ZClaimIdParams,
        body: ZReasonRequest,
        response: { 200: ZAnnualCapException },
      },
    },
    async (request) =>
      run(db, (tx) => recordAnnualCapException(tx, request.actor, { claimId: request.params.id, reason: request.body.reason })),
  );

  app.post(
    '/claims/:id/approve',
    {
      ...allow(...REVIEWERS),
      schema: {
        tags,
        description: who(...REVIEWERS),
        summary: '公示结束后批准，并从相应资金预留金额（市、县区人社局）',
        params: ZClaimIdParams,
        response: {
          200: ZApprovedClaim,
        },
      },
    },
    async (request) => run(db, (tx) => approveClaim(tx, request.actor, { claimId: request.params.id })),
  );

  app.post(
    '/claims/bulk',
    {
      ...allow(...REVIEWERS),
      schema: {
        tags,
        description: who(...REVIEWERS),
        summary: '批量判定、审核通过、驳回或批准（每笔申领单独处理：成功的生效，失败的逐笔说明原因且不作任何改变；一次最多 200 笔）',
        body: ZBulkClaimsRequest,
        response: { 200: ZBulkClaimsResponse },
      },
    },
    async (request) => actOnClaims(db, request.actor, request.body),
  );
};

// Each response schema carries exactly what its use case returns (conforms.ts; `npm run typecheck`).
// The missing facts are built in the handler: one claim's, and a list of them.
type MissingFactsOfClaim = { claimId: string; outcome: string | null; items: Awaited<ReturnType<typeof describeMissing>> };
export type ResponsesConform = [
  Assert<Conforms<typeof submitClaim, typeof ZSubmittedClaim>>,
  Assert<Conforms<typeof listClaims, typeof ZClaimPage>>,
  Assert<Conforms<typeof getClaim, typeof ZClaimView>>,
  Assert<Conforms<MissingFactsOfClaim, typeof ZMissingFactsResponse>>,
  Assert<Conforms<{ items: MissingFactsOfClaim[] }, typeof ZMissingFactsBatch>>,
  Assert<Conforms<typeof decideClaims, typeof ZDecideClaimsResult>>,
  Assert<Conforms<typeof decideStoredClaim, typeof ZDecisionResponse>>,
  Assert<Conforms<typeof reviewClaim, typeof ZStatusResponse>>,
  Assert<Conforms<typeof rejectClaim, typeof ZStatusResponse>>,
  Assert<Conforms<typeof withdrawClaim, typeof ZStatusResponse>>,
  Assert<Conforms<typeof recordAnnualCapException, typeof ZAnnualCapException>>,
  Assert<Conforms<typeof approveClaim, typeof ZApprovedClaim>>,
  Assert<Conforms<typeof actOnClaims, typeof ZBulkClaimsResponse>>,
];
