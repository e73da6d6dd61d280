import { z } from 'zod';
import { PERSON_FACTS } from '../../services/people/person-facts.ts';
import { PEOPLE_SORTS } from '../../services/people/list-people.ts';
import { areaCode, isoDate, optionalText, pageQuery, residentId, sortKeys, text } from './fields.types.ts';

export const ZCreatePersonRequest = z.strictObject({
  residentId,
  name: text(50),
  areaCode,
  phone: z
    .string()
    .regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不正确')
    .nullish(),
});
export const ZUpdatePersonRequest = z.strictObject({
  name: text(50).optional(),
  areaCode: areaCode.optional(),
  phone: z
    .string()
    .regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不正确')
    .nullish(),
});
export const ZPersonParams = z.object({ id: z.string().min(1).max(18) });
export const ZRecordFactRequest = z.strictObject({
  fact: z.enum(PERSON_FACTS),
  value: z.boolean(),
  source: text(200),
  asOf: isoDate,
  /** Preview: list the decisions the fact would change, save nothing (docs/facts-in-time.md). */
  dryRun: z.boolean().optional(),
});
export const ZFactsQuery = z.object({ asOf: isoDate.optional() });
export const ZListPeopleQuery = z.object({
  ...pageQuery(sortKeys(PEOPLE_SORTS)),
  areaCode: areaCode.optional(),
  name: optionalText(50).optional(),
  residentId: z.string().max(18).optional(),
});
export type TCreatePersonRequest = z.infer<typeof ZCreatePersonRequest>;
