// §4.9 项目制培训: the public employment service picks an institution by open tender (公开招标) or
// comparison (比选) and contracts a per-trainee price, a trainee count and a total. The total is the
// ceiling settlement never exceeds, so it may not be more than price × count, nor less than one trainee.
import { sql } from 'kysely';
import { newUuid } from '../../store/ids.ts';
import { businessToday } from '../business-date.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { requireOwnArea } from '../record-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { projectView, type ProjectView } from './project-view.ts';

export const SELECTIONS = ['open_tender', 'comparison'] as const;
export const SELECTION_NAMES = { open_tender: '公开招标', comparison: '比选' } as const;

export interface CreateProjectInput {
  name: string;
  providerId: string;
  areaCode: string;
  selection: (typeof SELECTIONS)[number];
  perTraineeFen: number;
  traineeCount: number;
  totalFen: number;
  occupationCode: string | null;
  level: string | null;
}

export async function createProject(tx: Tx, actor: Actor | null, input: CreateProjectInput): Promise<ProjectView> {
  const a = requireRole(actor, 'city', 'county');
  requireOwnArea(a, input.areaCode, 'areaCode');
  if (!SELECTIONS.includes(input.selection))
    throw new AppError('invalid_input', 'selection: 承训机构应通过公开招标或比选确定（§4.9）', 'selection');
  for (const [field, v] of [
    ['perTraineeFen', input.perTraineeFen],
    ['traineeCount', input.traineeCount],
    ['totalFen', input.totalFen],
  ] as const) {
    if (!Number.isSafeInteger(v) || v <= 0) throw new AppError('invalid_input', `${field}: 应为正整数`, field);
  }
  if (input.totalFen > input.perTraineeFen * input.traineeCount) {
    throw new AppError('invalid_input', 'totalFen: 合同总额不得超过人均单价 × 培训人数（§4.9）', 'totalFen');
  }
  if (input.totalFen < input.perTraineeFen) throw new AppError('invalid_input', 'totalFen: 合同总额不足一名学员的单价', 'totalFen');
  const area = await tx.selectFrom('areas').select('code').where('code', '=', input.areaCode).executeTakeFirst();
  if (!area) throw new AppError('invalid_input', `areaCode: 没有这个行政区划：${input.areaCode}`, 'areaCode');
  const p = await tx.selectFrom('providers').select(['status']).where('id', '=', input.providerId).executeTakeFirst();
  if (!p) throw new AppError('invalid_input', `providerId: 没有这个培训机构：${input.providerId}`, 'providerId');
  if (p.status !== 'listed')
    throw new AppError('invalid_input', 'providerId: 该培训机构不在目录清单内，不能承接项目（§5.5）', 'providerId');
  // The number counts under the year of the business day it is contracted (migration 2026-12-06T1220).
  await sql`select set_config('upskill.business_date', ${businessToday()}, true)`.execute(tx);
  const row = await tx
    .insertInto('projects')
    .values({
      id: newUuid(),
      name: input.name,
      provider_id: input.providerId,
      area_code: input.areaCode,
      selection: input.selection,
      per_trainee_fen: input.perTraineeFen,
      trainee_count: input.traineeCount,
      total_fen: input.totalFen,
      occupation_code: input.occupationCode,
      level: input.level,
      status: 'contracted',
      created_by: actorLabel(a),
      updated_by: null,
      updated_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'project.create',
    entity: 'project',
    entityId: row.id,
    data: { number: row.number, ...input },
  });
  return projectView(row);
}
