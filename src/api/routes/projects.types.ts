import { z } from 'zod';
import { SELECTIONS } from '../../services/projects/create-project.ts';
import { PROJECT_SORTS } from '../../services/projects/list-projects.ts';
import { areaCode, code, fen, level, pageQuery, sortKeys, text } from './fields.types.ts';

export const ZCreateProjectRequest = z.strictObject({
  name: text(200),
  providerId: code,
  areaCode,
  selection: z.enum(SELECTIONS),
  perTraineeFen: fen,
  traineeCount: z.number().int().positive().max(100_000),
  totalFen: fen,
  occupationCode: code.nullable(),
  level: level.nullable(),
});
export const ZListProjectsQuery = z.object({
  ...pageQuery(sortKeys(PROJECT_SORTS)),
  areaCode: areaCode.optional(),
  providerId: z.string().max(40).optional(),
  q: z.string().trim().min(1).max(40).optional(),
});

// Responses.
export const ZProjectView = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  providerId: z.string(),
  providerName: z.string().nullable(),
  areaCode: z.string(),
  selection: z.string(),
  perTraineeFen: z.number(),
  traineeCount: z.number(),
  totalFen: z.number(),
  occupationCode: z.string().nullable(),
  level: z.string().nullable(),
  status: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const ZProjectViewPage = z.object({ items: z.array(ZProjectView), total: z.number(), page: z.number(), pageSize: z.number() });

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TProjectView = z.infer<typeof ZProjectView>;
