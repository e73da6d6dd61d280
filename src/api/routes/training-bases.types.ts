import { z } from 'zod';
import { BASE_SORTS } from '../../services/bases/list-training-bases.ts';
import { COMPETITION_SORTS } from '../../services/skills/list-competitions.ts';
import { TEXTBOOK_SORTS } from '../../services/skills/list-textbooks.ts';
import { BOOKER_ROLE_NAMES, TEXTBOOK_KIND_NAMES } from '../../vocabulary/enrolment.ts';
import { areaCode, code, isoDate, okList, optionalText, pageQuery, residentId, sortKeys, text } from './fields.types.ts';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间应写作 HH:MM（如 08:30）');
export const ZTrainingBaseRequest = z.object({
  name: text(100),
  address: text(200),
  areaCode,
  equipment: optionalText(2000),
  capacity: z.number().int().min(1).max(10000),
  consumables: z
    .array(z.object({ name: text(50), unit: text(10), priceFen: z.number().int().min(1, '单价应为正整数（分）').max(100_000_000) }))
    .max(100),
});
export const ZBasesQuery = z.object({ ...pageQuery(sortKeys(BASE_SORTS)) });
// 'false' must read as false (a coerced boolean reads any non-empty text as true).
export const ZCalendarQuery = z.object({
  from: isoDate,
  to: isoDate,
  includeCancelled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const ZBookingRequest = z.object({
  baseId: z.string().min(1).max(64),
  classId: z.string().min(1).max(64).nullable(),
  day: isoDate,
  startsAt: time,
  endsAt: time,
  seats: z.number().int().min(1).max(10000),
  purpose: optionalText(200),
  items: z.array(z.object({ consumableId: z.number().int().positive(), quantity: z.number().int().min(1).max(1_000_000) })).max(50),
});
export const ZCancelRequest = z.object({ reason: text(200) });
export const ZTextbookRequest = z.object({
  occupationCode: code,
  title: text(100),
  kind: z.enum(sortKeys(TEXTBOOK_KIND_NAMES)),
  publisher: optionalText(100).nullable(),
  edition: optionalText(50).nullable(),
});
export const ZTextbooksQuery = z.object({
  ...pageQuery(sortKeys(TEXTBOOK_SORTS)),
  occupationCode: code.optional(),
  kind: z.enum(sortKeys(TEXTBOOK_KIND_NAMES)).optional(),
});
export const ZClassTextbookRequest = z.object({ textbookId: z.number().int().positive().nullable() });
export const ZCompetitionRequest = z.object({ name: text(100), heldOn: isoDate, occupationCode: code, organiser: text(100), areaCode });
export const ZCompetitionsQuery = z.object({ ...pageQuery(sortKeys(COMPETITION_SORTS)) });
export const ZCompetitionParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53),
});
export const ZCompetitionResultRequest = z.object({ residentId, rank: z.number().int().min(1).max(100000).nullable(), award: text(50) });

// Responses (what the class page's bases tab and the person's records read).
export const ZTrainingBase = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  areaCode: z.string(),
  equipment: z.string(),
  capacity: z.number(),
  consumables: z.array(z.object({ id: z.number(), name: z.string(), unit: z.string(), priceFen: z.number() })),
});
export const ZBaseBooking = z.object({
  id: z.string(),
  number: z.string(),
  baseId: z.string(),
  baseName: z.string(),
  classId: z.string().nullable(),
  classNumber: z.string().nullable(),
  bookerRole: z.enum(sortKeys(BOOKER_ROLE_NAMES)),
  bookerName: z.string(),
  day: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  seats: z.number(),
  purpose: z.string(),
  consumablesFen: z.number(),
  items: z.array(z.object({ name: z.string(), unit: z.string(), unitPriceFen: z.number(), quantity: z.number(), lineFen: z.number() })),
  status: z.enum(['booked', 'cancelled']),
  cancelReason: z.string().nullable(),
  mine: z.boolean(),
});
export const ZBaseBookings = z.object({ items: z.array(ZBaseBooking) });
export const ZTextbook = z.object({
  id: z.number(),
  occupationCode: z.string(),
  occupationName: z.string().nullable(),
  title: z.string(),
  kind: z.enum(sortKeys(TEXTBOOK_KIND_NAMES)),
  publisher: z.string().nullable(),
  edition: z.string().nullable(),
});
export const ZClassTextbook = z.object({
  classId: z.string(),
  occupationCode: z.string().nullable(),
  textbook: ZTextbook.nullable(),
  /** Whether the reader may change it now (the class's provider or an office over it, before closing). */
  changeable: z.boolean(),
});
export const ZTextbookSet = z.object({ classId: z.string(), textbookId: z.number().nullable(), title: z.string().nullable() });
export const ZMyCompetitionResults = z.object({
  items: z.array(
    z.object({
      competition: z.string(),
      heldOn: z.string(),
      occupationCode: z.string(),
      occupationName: z.string().nullable(),
      organiser: z.string(),
      rank: z.number().nullable(),
      award: z.string(),
    }),
  ),
});
export const ZCompetitionView = z.object({
  id: z.number(),
  name: z.string(),
  heldOn: z.string(),
  occupationCode: z.string(),
  occupationName: z.string().nullable(),
  organiser: z.string(),
  areaCode: z.string(),
  results: z.number(),
});
export const ZTrainingBasePage = okList(ZTrainingBase);
export const ZTextbookPage = okList(ZTextbook);
export const ZCompetitionViewPage = z.object({
  items: z.array(ZCompetitionView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ZCreateCompetitionResult = z.object({
  id: z.number(),
  name: z.string(),
  heldOn: z.string(),
  occupationCode: z.string(),
  organiser: z.string(),
  areaCode: z.string(),
});
export const ZListCompetitionResultsResult = z.object({
  items: z.array(z.object({ residentId: z.string(), name: z.string(), rank: z.number().nullable(), award: z.string() })),
});
export const ZRecordCompetitionResultResult = z.object({
  competitionId: z.number(),
  residentId: z.string(),
  rank: z.number().nullable(),
  award: z.string(),
});

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TTrainingBase = z.infer<typeof ZTrainingBase>;
export type TTrainingBasePage = z.infer<typeof ZTrainingBasePage>;
export type TBaseBooking = z.infer<typeof ZBaseBooking>;
export type TBaseBookings = z.infer<typeof ZBaseBookings>;
export type TTextbook = z.infer<typeof ZTextbook>;
export type TTextbookPage = z.infer<typeof ZTextbookPage>;
export type TClassTextbook = z.infer<typeof ZClassTextbook>;
export type TCompetitionViewPage = z.infer<typeof ZCompetitionViewPage>;
export type TCompetitionResults = z.infer<typeof ZListCompetitionResultsResult>;
export type TTextbookSet = z.infer<typeof ZTextbookSet>;
export type TMyCompetitionResults = z.infer<typeof ZMyCompetitionResults>;
