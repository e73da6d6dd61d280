// An enterprise's main-post headcount for a year (§1: the rotation of the 钒钛 and 康养 industries is
// measured against it). The enterprise records its own; the city any enterprise's and a county those
// it manages (enterprise-scope.ts: the city runs the directly managed ones, §5.7) enter or correct it;
// departments only read. Another enterprise's record is not found (404). A correction replaces the
// figure and its audit entry keeps the value it replaced.
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { notFound } from '../record-scope.ts';
import { assertPlanYear, headcountProblem, headcountYears, writesHeadcount } from './headcount-rules.ts';
import { headcountView, type HeadcountView } from './list-headcounts.ts';

export interface RecordHeadcountInput {
  mainPostEmployees: number;
}

/** Writes one figure and its audit entry (with the value replaced), unless it is the figure on record. */
export async function writeHeadcount(
  tx: Tx,
  by: string,
  uscc: string,
  year: number,
  n: number,
  via: 'form' | 'import',
): Promise<'created' | 'updated' | 'unchanged'> {
  const before = await tx
    .selectFrom('enterprise_headcounts')
    .select(['main_post_employees', 'recorded_by', 'recorded_at'])
    .where('uscc', '=', uscc)
    .where('year', '=', year)
    .forUpdate()
    .executeTakeFirst();
  if (before && before.main_post_employees === n) return 'unchanged';
  if (before) {
    await tx
      .updateTable('enterprise_headcounts')
      .set({ main_post_employees: n, recorded_by: by, recorded_at: new Date() })
      .where('uscc', '=', uscc)
      .where('year', '=', year)
      .execute();
  } else {
    await tx.insertInto('enterprise_headcounts').values({ uscc, year, main_post_employees: n, recorded_by: by }).execute();
  }
  await appendAudit(tx, {
    actor: by,
    action: 'headcount.record',
    entity: 'enterprise_headcount',
    entityId: `${uscc}-${year}`,
    data: {
      uscc,
      year,
      mainPostEmployees: n,
      via,
      previous: before
        ? {
            mainPostEmployees: before.main_post_employees,
            recordedBy: before.recorded_by,
            recordedAt: new Date(before.recorded_at).toISOString(),
          }
        : null,
    },
  });
  return before ? 'updated' : 'created';
}

export async function recordHeadcount(
  tx: Tx,
  actor: Actor | null,
  uscc: string,
  year: number,
  input: RecordHeadcountInput,
): Promise<HeadcountView & { result: 'created' | 'updated' | 'unchanged' }> {
  const a = requireRole(actor, 'city', 'county', 'enterprise');
  const e = await tx
    .selectFrom('enterprises')
    .select(['uscc', 'area_code', 'directly_managed'])
    .where('uscc', '=', uscc)
    .executeTakeFirst();
  if (!e || !writesHeadcount(a, e)) throw notFound('企业', uscc);
  assertPlanYear(year, await headcountYears(tx), 'params.year');
  const problem = headcountProblem(input.mainPostEmployees);
  if (problem) throw new AppError('invalid_input', `mainPostEmployees: 主要岗位职工人数${problem}`, 'mainPostEmployees');
  const result = await writeHeadcount(tx, actorLabel(a), uscc, year, input.mainPostEmployees, 'form');
  return { ...(await headcountView(tx, a, uscc, year)), result };
}
