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
