import { z } from 'zod';

import { USER_SORTS } from '../../services/users/list-users.ts';
import { PARAMETER_NAMES } from '../../services/policy/parameter-change.ts';
import { WHAT_IF_CLAIM_SORTS } from '../../services/what-if/what-if-jobs.ts';
import { areaCode, isoDate, optionalText, pageQuery, sortKeys, text } from './fields.types.ts';
import { DEPARTMENTS, ROLES } from '../../vocabulary/roles.ts';

const username = z
  .string()
  .min(2, '用户名至少 2 个字符')
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字和 - _ .');
const password = z.string().max(200);
const departments = Object.keys(DEPARTMENTS) as [keyof typeof DEPARTMENTS, ...(keyof typeof DEPARTMENTS)[]];

export const ZListUsersQuery = z.object({
  ...pageQuery(sortKeys(USER_SORTS)),
  role: z.enum(ROLES).optional(),
  areaCode: areaCode.optional(),
  department: z.enum(departments).optional(),
  active: z.enum(['true', 'false']).optional(),
  q: optionalText(60).optional(),
});
export const ZCreateUserRequest = z.strictObject({
  username,
  displayName: text(60),
  password,
  role: z.enum(ROLES),
  areaCode: areaCode.nullish(),
  department: z.enum(departments).nullish(),
  enterpriseUscc: z.string().max(18).nullish(),
  providerId: z.string().max(64).nullish(),
  residentId: z.string().max(18).nullish(),
  issuerId: z.string().max(64).nullish().describe('评价机构账号所属的发证机构（证书库中的评价机构）'),
  paymentDuties: z
    .array(z.enum(['build', 'confirm', 'pay']))
    .max(3)
    .nullish()
    .describe('支付职责：build 经办（编制、取消批次）、confirm 复核（确认批次）、pay 支付；省略或 null 即不承担'),
});
export const ZUserPaymentDutiesRequest = z.strictObject({
  paymentDuties: z
    .array(z.enum(['build', 'confirm', 'pay']))
    .max(3)
    .describe('支付职责：build 经办、confirm 复核、pay 支付；空数组即不承担支付职责'),
  reason: text(500),
});
export const ZUserActiveRequest = z.strictObject({ active: z.boolean(), reason: text(500) });
export const ZResetPasswordRequest = z.strictObject({ password });

export const ZParameterChangeRequest = z.strictObject({
  parameter: z.enum(PARAMETER_NAMES as [string, ...string[]]),
  value: z.unknown(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  reason: text(500),
});
export const ZWhatIfRequest = z.strictObject({
  parameter: z.enum(PARAMETER_NAMES as [string, ...string[]]),
  value: z.unknown(),
  from: isoDate,
  to: isoDate,
});
export const ZWhatIfClaimsQuery = z.object({
  ...pageQuery(sortKeys(WHAT_IF_CLAIM_SORTS)),
  program: z.string().max(40).optional(),
  areaCode: areaCode.optional(),
});

// Responses.
export const ZUserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  areaCode: z.string().nullable(),
  department: z.string().nullable(),
  enterpriseUscc: z.string().nullable(),
  providerId: z.string().nullable(),
  residentId: z.string().nullable(),
  issuerId: z.string().nullable(),
  active: z.boolean(),
  paymentDuties: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const ZUserViewPage = z.object({ items: z.array(ZUserView), total: z.number(), page: z.number(), pageSize: z.number() });
export const ZPackageSummary = z.object({
  id: z.string(),
  title: z.string(),
  precedence: z.number(),
  local: z.boolean(),
  programs: z.array(z.string()),
  inForce: z.object({ from: z.string(), to: z.string() }),
});
export const ZParameterValueView = z.object({
  from: z.string(),
  to: z.string().nullable(),
  value: z.unknown(),
  changeId: z.string().nullable(),
});
export const ZPolicyChangeView = z.object({
  id: z.string(),
  packageId: z.string(),
  basePackageId: z.string(),
  parameter: z.string(),
  value: z.unknown(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const ZParameterView = z.object({
  name: z.string(),
  clause: z.string(),
  clauseHeading: z.string(),
  description: z.string(),
  values: z.array(ZParameterValueView),
  changes: z.array(ZPolicyChangeView),
});
export const ZPolicyParametersView = z.object({
  governing: ZPackageSummary,
  packages: z.array(ZPackageSummary),
  items: z.array(ZParameterView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ZWhatIfInput = z.object({ parameter: z.string(), value: z.unknown(), from: z.string(), to: z.string() });
export const ZWhatIfTotals = z.object({
  claims: z.number(),
  changed: z.number(),
  beforeFen: z.number(),
  afterFen: z.number(),
  deltaFen: z.number(),
});
export const ZWhatIfJobView = z.object({
  id: z.string(),
  status: z.string(),
  input: ZWhatIfInput,
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  progress: z.object({ done: z.number(), total: z.number(), percent: z.number() }),
  error: z.string().nullable(),
  result: z
    .object({
      input: ZWhatIfInput,
      basePackageId: z.string(),
      totals: ZWhatIfTotals,
      byProgram: z.array(
        z.object({
          claims: z.number(),
          changed: z.number(),
          beforeFen: z.number(),
          afterFen: z.number(),
          deltaFen: z.number(),
          program: z.string(),
        }),
      ),
      byArea: z.array(
        z.object({
          claims: z.number(),
          changed: z.number(),
          beforeFen: z.number(),
          afterFen: z.number(),
          deltaFen: z.number(),
          areaCode: z.string(),
        }),
      ),
    })
    .nullable(),
});
export const ZWhatIfChangedClaim = z.object({
  id: z.string(),
  number: z.string(),
  program: z.string(),
  areaCode: z.string(),
  residentId: z.string(),
  status: z.string(),
  startDate: z.string(),
  frozenOutcome: z.string().nullable(),
  frozenAmountFen: z.number().nullable(),
  beforeOutcome: z.string(),
  beforeAmountFen: z.number(),
  afterOutcome: z.string(),
  afterAmountFen: z.number(),
  deltaFen: z.number(),
});
export const ZWhatIfChangedClaimPage = z.object({
  items: z.array(ZWhatIfChangedClaim),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TUserView = z.infer<typeof ZUserView>;
export type TParameterView = z.infer<typeof ZParameterView>;
export type TPolicyParametersView = z.infer<typeof ZPolicyParametersView>;
export type TWhatIfJobView = z.infer<typeof ZWhatIfJobView>;
export type TWhatIfTotals = z.infer<typeof ZWhatIfTotals>;
export type TWhatIfChangedClaim = z.infer<typeof ZWhatIfChangedClaim>;
