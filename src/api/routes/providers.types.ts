import { z } from 'zod';
import { PROGRAMS } from '../../policy/codes.ts';

import { PROVIDER_SORTS } from '../../services/providers/list-providers.ts';
import { areaCode, code, isoDate, level, optionalText, pageQuery, sortKeys, text, uscc } from './fields.types.ts';
import { PROVIDER_KINDS, PROVIDER_STATUSES } from '../../vocabulary/statuses.ts';

export const ZCreateProviderRequest = z.strictObject({
  id: code,
  name: text(100),
  kind: z.enum(PROVIDER_KINDS),
  uscc: uscc.nullish(),
  areaCode,
  entrepreneurshipQualified: z.boolean().optional(),
});
export const ZProviderParams = z.object({ id: z.string().min(1).max(40) });
export const ZAddScopeRequest = z.strictObject({
  program: z.enum(PROGRAMS),
  occupationCode: code.nullable(),
  level: level.nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
});
export const ZProviderStatusRequest = z.strictObject({ status: z.enum(PROVIDER_STATUSES), reason: text(500) });
export const ZEntrepreneurshipRequest = z.strictObject({ qualified: z.boolean(), reason: text(500) });
export const ZListProvidersQuery = z.object({
  ...pageQuery(sortKeys(PROVIDER_SORTS)),
  areaCode: areaCode.optional(),
  kind: z.enum(PROVIDER_KINDS).optional(),
  status: z.enum(PROVIDER_STATUSES).optional(),
  program: z.enum(PROGRAMS).optional(),
  name: optionalText(100).optional(),
});

// Responses.
export const ZProviderScopeView = z.object({
  id: z.number(),
  program: z.string(),
  occupationCode: z.string().nullable(),
  level: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export const ZProviderView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  uscc: z.string().nullable(),
  areaCode: z.string(),
  status: z.string(),
  entrepreneurshipQualified: z.boolean(),
  scopes: z.array(ZProviderScopeView),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const ZProviderViewPage = z.object({ items: z.array(ZProviderView), total: z.number(), page: z.number(), pageSize: z.number() });

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TProviderView = z.infer<typeof ZProviderView>;
