import { z } from 'zod';
import { NOTICE_CLAIM_SORTS, NOTICE_SORTS } from '../../services/public/public-notices.ts';
import { areaCode, isoDate, optionalText, pageQuery, sortKeys } from './fields.types.ts';

export const ZPublicNoticesQuery = z.object({
  ...pageQuery(sortKeys(NOTICE_SORTS)),
  areaCode: areaCode.optional(),
  state: z.enum(['current', 'past']).optional(),
  title: optionalText(100).optional(),
});
export const ZPublicNoticeClaimsQuery = z.object({ ...pageQuery(sortKeys(NOTICE_CLAIM_SORTS)), program: z.string().max(40).optional() });
export const ZProgramsQuery = z.object({ onDate: isoDate.optional() });
