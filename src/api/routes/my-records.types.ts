import { z } from 'zod';
import { PROGRAMS } from '../../policy/codes.ts';
import { ADVANCE_SORTS } from '../../services/parties/list-my-advances.ts';
import { CERTIFICATE_SORTS } from '../../services/parties/list-my-certificates.ts';
import { PAYMENT_SORTS } from '../../services/parties/list-my-payments.ts';
import { pageQuery, sortKeys } from './fields.types.ts';

export const ZMyPaymentsQuery = z.object({ ...pageQuery(sortKeys(PAYMENT_SORTS)), program: z.enum(PROGRAMS).optional() });
export const ZMyAdvancesQuery = z.object({
  ...pageQuery(sortKeys(ADVANCE_SORTS)),
  status: z.enum(['paid', 'settled', 'recovering', 'recovered']).optional(),
});
export const ZMyCertificatesQuery = z.object({ ...pageQuery(sortKeys(CERTIFICATE_SORTS)) });
export const ZUsccParam = z.object({ id: z.string().min(1).max(18) });
