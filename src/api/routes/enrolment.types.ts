import { z } from 'zod';
import { OPEN_CLASS_SORTS } from '../../services/enrolment/list-open-classes.ts';
import { MY_APPLICATION_SORTS } from '../../services/enrolment/list-my-class-applications.ts';
import { CLASS_APPLICATION_SORTS } from '../../services/enrolment/list-class-applications.ts';
import { DECLINE_REASONS } from '../../services/enrolment/open-class-rules.ts';
import { APPLICATION_STATUS_NAMES } from '../../vocabulary/enrolment.ts';
import { areaCode, isoDate, okList, optionalText, pageQuery, sortKeys } from './fields.types.ts';

export const ZOpenClassesQuery = z.object({
  ...pageQuery(sortKeys(OPEN_CLASS_SORTS)),
  program: z.string().max(40).optional(),
  areaCode: areaCode.optional(),
  q: optionalText(50).optional(),
});
export const ZOpenClass = z.object({
  id: z.string(),
  number: z.string(),
  program: z.string(),
  occupationCode: z.string().nullable(),
  occupationName: z.string().nullable(),
  level: z.string().nullable(),
  providerName: z.string(),
  areaCode: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number(),
  venue: z.string(),
  seats: z.number(),
  seatsLeft: z.number(),
  enrolBy: z.string().nullable(),
  textbook: z.string().nullable(),
  freeFor: z.string().nullable(),
});
export const ZOpenClassesPage = okList(ZOpenClass);
export type TOpenClass = z.infer<typeof ZOpenClass>;

export const ZApplyRequest = z.object({ note: optionalText(200).nullable().optional() });
export const ZMyApplicationsQuery = z.object({ ...pageQuery(sortKeys(MY_APPLICATION_SORTS)) });
export const ZClassApplicationsQuery = z.object({
  ...pageQuery(sortKeys(CLASS_APPLICATION_SORTS)),
  status: z.enum(['applied', 'accepted', 'declined', 'withdrawn']).optional(),
});
export const ZDeclineRequest = z.object({
  reason: z.enum(DECLINE_REASONS, { message: '请选择不予录取的原因' }),
  note: optionalText(200).nullable().optional(),
});
export const ZEnrolmentRequest = z.object({
  publicEnrolment: z.boolean(),
  seats: z.number().int().min(1, '名额至少 1 名').max(2000).nullable(),
  enrolBy: isoDate.nullable(),
});

// Responses.
export const ZMyClassApplication = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(sortKeys(APPLICATION_STATUS_NAMES)),
  note: z.string().nullable(),
  declineReason: z.string().nullable(),
  appliedAt: z.string(),
  decidedAt: z.string().nullable(),
  classId: z.string(),
  classNumber: z.string(),
  program: z.string(),
  occupationCode: z.string().nullable(),
  occupationName: z.string().nullable(),
  level: z.string().nullable(),
  providerName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  venue: z.string(),
});
export const ZMyClassApplicationPage = z.object({
  items: z.array(ZMyClassApplication),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ZClassApplicationView = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(sortKeys(APPLICATION_STATUS_NAMES)),
  residentId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  declineReason: z.string().nullable(),
  appliedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export const ZClassApplicationsPage = z.object({
  classNumber: z.string(),
  publicEnrolment: z.boolean(),
  seats: z.number().nullable(),
  enrolBy: z.string().nullable(),
  rosterSize: z.number(),
  pending: z.number(),
  items: z.array(ZClassApplicationView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ZClassEnrolmentView = z.object({
  classId: z.string(),
  number: z.string(),
  rosterSize: z.number(),
  publicEnrolment: z.boolean(),
  seats: z.number().nullable(),
  enrolBy: z.string().nullable(),
});
export const ZProblem = z.object({ rule: z.string(), clause: z.string(), severity: z.string(), message: z.string() });
export const ZAcceptedApplication = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  rosterSize: z.number(),
  seats: z.number(),
  warnings: z.array(ZProblem),
});
export const ZDeclineClassApplicationResult = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  declineReason: z.string(),
});

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TMyClassApplication = z.infer<typeof ZMyClassApplication>;
export type TMyClassApplicationPage = z.infer<typeof ZMyClassApplicationPage>;
export type TOpenClassesPage = z.infer<typeof ZOpenClassesPage>;
export type TClassApplicationsPage = z.infer<typeof ZClassApplicationsPage>;
export type TAcceptedApplication = z.infer<typeof ZAcceptedApplication>;
