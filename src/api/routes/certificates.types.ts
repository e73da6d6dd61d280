import { z } from 'zod';
import { ISSUER_SORTS } from '../../services/certificates/list-certificate-issuers.ts';
import { SPEC_SORTS } from '../../services/certificates/list-ability-specifications.ts';
import { REGISTRY_SORTS } from '../../services/certificates/list-registry-certificates.ts';
import { HOLD_SORTS } from '../../services/certificates/list-certificate-holds.ts';
import { ISSUER_KINDS, REGISTRY_TYPES } from '../../services/certificates/registry-rules.ts';
import { areaCode, isoDate, optionalText, pageQuery, sortKeys, text, uscc } from './fields.types.ts';

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
  status: z.enum(['not_found', 'mismatch', 'outsider']).optional(),
  areaCode: areaCode.optional(),
  ...pageQuery(sortKeys(HOLD_SORTS)),
});
