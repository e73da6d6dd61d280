// The city's administration: users and roles, policy parameters with their dated changes
// (each a local package of higher precedence), and the what-if (re-decide the stored claims of a period
// under a changed parameter, nothing saved). City only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listPolicyParameters } from '../../services/policy/list-policy-parameters.ts';
import { recordParameterChange } from '../../services/policy/record-parameter-change.ts';
import { createUser } from '../../services/users/create-user.ts';
import { listUsers } from '../../services/users/list-users.ts';
import { resetUserPassword } from '../../services/users/reset-user-password.ts';
import { setUserActive } from '../../services/users/set-user-active.ts';
import { setUserPaymentDuties } from '../../services/users/set-user-payment-duties.ts';
import { getWhatIf, listWhatIfClaims, startWhatIf } from '../../services/what-if/what-if-jobs.ts';
import { idParam } from './fields.types.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZCreateUserRequest,
  ZListUsersQuery,
  ZParameterChangeRequest,
  ZResetPasswordRequest,
  ZUserActiveRequest,
  ZUserPaymentDutiesRequest,
  ZWhatIfClaimsQuery,
  ZWhatIfRequest,
  ZUserViewPage,
  ZUserView,
  ZPolicyParametersView,
  ZPolicyChangeView,
  ZWhatIfJobView,
  ZWhatIfChangedClaimPage,
} from './admin.types.ts';
import type { Assert, Conforms } from './conforms.ts';

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  const city = who('city');
  app.get(
    '/users',
    {
      schema: {
        tags: ['admin'],
        summary: '用户与角色列表',
        description: city,
        querystring: ZListUsersQuery,
        response: { 200: ZUserViewPage },
      },
      ...allow('city'),
    },
    (req) => run(db, (tx) => listUsers(tx, req.actor, req.query)),
  );
  app.post(
    '/users',
    {
      schema: {
        tags: ['admin'],
        summary: '创建用户（按角色指定所属县区、部门、企业、培训机构或劳动者）',
        description: city,
        body: ZCreateUserRequest,
        response: { 201: ZUserView },
      },
      ...allow('city'),
    },
    async (req, reply) => reply.status(201).send(await run(db, (tx) => createUser(tx, req.actor, req.body))),
  );
  app.post(
    '/users/:id/active',
    {
      schema: {
        tags: ['admin'],
        summary: '停用或启用用户（停用即结束其登录会话）',
        description: city,
        params: idParam,
        body: ZUserActiveRequest,
        response: { 200: ZUserView },
      },
      ...allow('city'),
    },
    (req) => run(db, (tx) => setUserActive(tx, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/users/:id/password',
    {
      schema: {
        tags: ['admin'],
        summary: '重置用户密码',
        description: city,
        params: idParam,
        body: ZResetPasswordRequest,
        response: { 200: ZUserView },
      },
      ...allow('city'),
    },
    (req) => run(db, (tx) => resetUserPassword(tx, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/users/:id/payment-duties',
    {
      schema: {
        tags: ['admin'],
        summary: '设置用户的支付职责（经办、复核、支付；编制人不得复核，复核人不得支付）',
        description: city,
        params: idParam,
        body: ZUserPaymentDutiesRequest,
        response: { 200: ZUserView },
      },
      ...allow('city'),
    },
    (req) => run(db, (tx) => setUserPaymentDuties(tx, req.actor, req.params.id, req.body)),
  );

  app.get(
    '/policy/parameters',
    {
      schema: {
        tags: ['admin'],
        summary: '政策参数（条款、取值及有效期）与已登记的调整',
        description: city,
        response: { 200: ZPolicyParametersView },
      },
      ...allow('city'),
    },
    (req) => run(db, (tx) => listPolicyParameters(tx, req.actor)),
  );
  app.post(
    '/policy/changes',
    {
      schema: {
        tags: ['admin'],
        summary: '登记参数调整（生成优先级更高的本地政策包，此后判定的申领适用）',
        description: city,
        body: ZParameterChangeRequest,
        response: { 201: ZPolicyChangeView },
      },
      ...allow('city'),
    },
    async (req, reply) =>
      reply.status(201).send(await run(db, (tx) => recordParameterChange(tx, req.actor, { ...req.body, value: req.body.value }))),
  );

  app.post(
    '/what-if',
    {
      schema: {
        tags: ['admin'],
        summary: '参数测算：按调整后的参数重新判定期间内的申领（不保存）',
        description: city,
        body: ZWhatIfRequest,
        response: { 202: ZWhatIfJobView },
      },
      ...allow('city'),
    },
    async (req, reply) => reply.status(202).send(await startWhatIf(db, req.actor, { ...req.body, value: req.body.value })),
  );
  app.get(
    '/what-if/:id',
    {
      schema: {
        tags: ['admin'],
        summary: '测算进度与结果（按项目、按地区）',
        description: city,
        params: idParam,
        response: { 200: ZWhatIfJobView },
      },
      ...allow('city'),
    },
    async (req) => getWhatIf(db, req.actor, req.params.id),
  );
  app.get(
    '/what-if/:id/claims',
    {
      schema: {
        tags: ['admin'],
        summary: '测算中金额或结果发生变化的申领',
        description: city,
        params: idParam,
        querystring: ZWhatIfClaimsQuery,
        response: { 200: ZWhatIfChangedClaimPage },
      },
      ...allow('city'),
    },
    async (req) => listWhatIfClaims(db, req.actor, req.params.id, req.query),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof listUsers, typeof ZUserViewPage>>, // GET /users
  Assert<Conforms<typeof createUser, typeof ZUserView>>, // POST /users
  Assert<Conforms<typeof setUserActive, typeof ZUserView>>, // POST /users/:id/active
  Assert<Conforms<typeof resetUserPassword, typeof ZUserView>>, // POST /users/:id/password
  Assert<Conforms<typeof setUserPaymentDuties, typeof ZUserView>>, // POST /users/:id/payment-duties
  Assert<Conforms<typeof listPolicyParameters, typeof ZPolicyParametersView>>, // GET /policy/parameters
  Assert<Conforms<typeof recordParameterChange, typeof ZPolicyChangeView>>, // POST /policy/changes
  Assert<Conforms<typeof startWhatIf, typeof ZWhatIfJobView>>, // POST /what-if
  Assert<Conforms<typeof getWhatIf, typeof ZWhatIfJobView>>, // GET /what-if/:id
  Assert<Conforms<typeof listWhatIfClaims, typeof ZWhatIfChangedClaimPage>>, // GET /what-if/:id/claims
];
