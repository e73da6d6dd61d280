import { z } from 'zod';
import { ISSUER_SORTS } from '../../services/certificates/list-certificate-issuers.ts';
import { SPEC_SORTS } from '../../services/certificates/list-ability-specifications.ts';
import { REGISTRY_SORTS } from '../../services/certificates/list-registry-certificates.ts';
import { HOLD_SORTS } from '../../services/certificates/list-certificate-holds.ts';
import { ISSUER_KINDS, REGISTRY_TYPES } from '../../services/certificates/registry-rules.ts';
import { areaCode, isoDate, okList, optionalText, pageQuery, sortKeys, text, uscc } from './fields.types.ts';

export const ZListIssuersQuery = z.object({
  kind: z.enum(ISSUER_KINDS).optional(),
  q: optionalText(100).optional(),
  ...pageQuery(sortKeys(ISSUER_SORTS)),
});
export const ZCreateIssuerRequest = z.strictObject({
  kind: z.enum(ISSUER_KINDS),
  name: text(100),
  code: uscc,
  areaCode,
});
export const ZIssuerApprovalRequest = z.strictObject({
  document: text(100),
  occupations: z.array(text(40)).min(1, '至少填写一个职业（工种）或专项职业能力代码').max(200),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
  outsiders: z.boolean(),
});
export const ZListSpecificationsQuery = z.object({
  q: optionalText(100).optional(),
  areaCode: areaCode.optional(),
  inForce: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery(sortKeys(SPEC_SORTS)),
});
export const ZSpecificationRequest = z.strictObject({
  code: text(40),
  name: text(100),
  areaCode,
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
});
export const ZListRegistryQuery = z.object({
  number: optionalText(64).optional(),
  residentId: optionalText(18).optional(),
  issuerId: optionalText(64).optional(),
  type: z.enum(REGISTRY_TYPES).optional(),
  state: z.enum(['valid', 'revoked']).optional().describe('valid 有效（未撤销）；revoked 已撤销'),
  ...pageQuery(sortKeys(REGISTRY_SORTS)),
});
export const ZIssueCertificateRequest = z.strictObject({
  issuerCode: text(18),
  number: text(64),
  type: z.enum(REGISTRY_TYPES),
  residentId: text(18),
  name: text(50),
  occupationCode: optionalText(40).nullable().optional(),
  level: z.enum(['1', '2', '3', '4', '5']).nullable().optional(),
  specificationCode: optionalText(40).nullable().optional(),
  issuedOn: isoDate,
});
export const ZRegistrySettingRequest = z.strictObject({ inForceFrom: isoDate });
export const ZExplainRequest = z.strictObject({ reason: text(500) });
export const ZVerifyQuery = z.object({ number: text(64), name: text(50) });
export const ZListHoldsQuery = z.object({
  status: z.enum(['not_found', 'mismatch', 'outsider', 'revoked']).optional(),
  areaCode: areaCode.optional(),
  ...pageQuery(sortKeys(HOLD_SORTS)),
});

// Revocation (revoke-certificate.ts): the certificate's numeric id, and the reason in Chinese.
export const ZCertificateIdParam = z.object({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('证书库中证书的编号（列表中的 id）'),
});
export const ZRevokeRequest = z.strictObject({
  reason: text(500).describe('撤销原因（中文，5–500 字），如“错发：持证人未参加考核”或“以欺诈手段取得”'),
});

// Responses.
export const ZRegistryCertificate = z.object({
  id: z.number(),
  number: z.string(),
  type: z.string(),
  typeName: z.string(),
  residentId: z.string(),
  name: z.string(),
  occupationCode: z.string().nullable(),
  level: z.string().nullable(),
  levelName: z.string().nullable(),
  specificationCode: z.string().nullable(),
  issuedOn: z.string(),
  issuerId: z.string(),
  issuerName: z.string(),
  stateName: z.enum(['有效', '已撤销']),
  revokedOn: z.string().nullable(),
  revokedReason: z.string().nullable(),
  canRevoke: z.boolean().describe('当前账号可否撤销（发证机构本身或市人社局，且尚未撤销）'),
});
export const ZRegistryCertificatePage = okList(ZRegistryCertificate);
export const ZIssueCertificateResponse = z.object({ id: z.number().nullable(), unchanged: z.boolean() });
export const ZImportCertificatesResponse = z.object({ rows: z.number(), added: z.number(), unchanged: z.number() });
export const ZRevokeResponse = z.object({
  id: z.number(),
  number: z.string(),
  revokedOn: z.string(),
  revokedReason: z.string(),
  claimsHeld: z.number().describe('引用该证书、因撤销而暂缓支付的申领笔数'),
});
export const ZIssuerPage = okList(
  z.object({
    id: z.string(),
    kind: z.enum(ISSUER_KINDS),
    kindName: z.string(),
    name: z.string(),
    code: z.string(),
    areaCode: z.string(),
    certificates: z.number(),
    approvals: z.array(
      z.object({
        id: z.number(),
        document: z.string(),
        occupations: z.array(z.string()),
        validFrom: z.string(),
        validTo: z.string().nullable(),
        outsiders: z.boolean(),
        inForce: z.boolean(),
      }),
    ),
  }),
);
export const ZHoldPage = okList(
  z.object({
    claimId: z.string(),
    claimNumber: z.string(),
    program: z.string(),
    claimStatus: z.string(),
    areaCode: z.string(),
    residentId: z.string(),
    certificate: z.string(),
    status: z.string(),
    statusName: z.string(),
    reasons: z.array(z.string()),
    inForce: z.boolean(),
  }),
);
export const ZClaimCertificateCheck = z.object({
  claimId: z.string(),
  certificate: z.object({ type: z.string(), typeName: z.string(), number: z.string().nullable() }).nullable(),
  inForceFrom: z.string().nullable(),
  applies: z.boolean(),
  status: z.string(),
  statusName: z.string(),
  reasons: z.array(z.string()),
  checkedAt: z.string().nullable(),
  registryCertificate: z
    .object({
      number: z.string(),
      typeName: z.string(),
      sameHolder: z.boolean(),
      occupationCode: z.string().nullable(),
      levelName: z.string().nullable(),
      specificationCode: z.string().nullable(),
      issuedOn: z.string(),
      issuerName: z.string(),
      issuerKindName: z.string(),
      revoked: z.object({ on: z.string(), reason: z.string() }).nullable().describe('撤销日期和原因；未撤销为 null'),
    })
    .nullable(),
  explanation: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
  heldFromPayment: z.boolean(),
  canExplain: z.boolean(),
});
export const ZVerifyResponse = z.union([
  z.object({
    found: z.literal(true),
    status: z.literal('有效'),
    typeName: z.string(),
    occupation: z.string().nullable(),
    levelName: z.string().nullable(),
    specification: z.string().nullable(),
    issuedOn: z.string(),
    issuerName: z.string(),
  }),
  z.object({
    found: z.literal(true),
    status: z.literal('已撤销'),
    typeName: z.string(),
    issuerName: z.string(),
    revokedOn: z.string(),
  }),
  z.object({ found: z.literal(false), status: z.literal('未找到') }),
]);
export const ZSpecificationPage = okList(
  z.object({
    code: z.string(),
    name: z.string(),
    areaCode: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    inForce: z.boolean(),
  }),
);
export const ZCreateIssuerResult = z.object({ id: z.string() });
export const ZRecordIssuerApprovalResult = z.object({ id: z.number() });
export const ZAddAbilitySpecificationResult = z.object({ code: z.string() });
export const ZRegistryInForceFromResult = z.object({ inForceFrom: z.string().nullable() });
export const ZSetRegistryInForceResult = z.object({ inForceFrom: z.string(), checked: z.number(), cases: z.number() });
export const ZExplainClaimCertificateResult = z.object({ claimId: z.string(), explained: z.boolean() });

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TIssuerView = z.infer<typeof ZIssuerPage>['items'][number];
export type TSpecificationView = z.infer<typeof ZSpecificationPage>['items'][number];
export type TRegistryCertificate = z.infer<typeof ZRegistryCertificate>;
export type TCertificateHold = z.infer<typeof ZHoldPage>['items'][number];
export type TClaimCertificateCheck = z.infer<typeof ZClaimCertificateCheck>;
export type TVerifyAnswer = z.infer<typeof ZVerifyResponse>;
export type TIssuerPage = z.infer<typeof ZIssuerPage>;
export type TRegistryInForceFrom = z.infer<typeof ZRegistryInForceFromResult>;
