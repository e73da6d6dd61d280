// Issue #6 follow-up: enterprise main-post headcounts can be entered (by the enterprise, the offices,
// or an Excel import), so each row keeps who recorded it and when, and a count is never negative.
// The §1 goal thresholds and rotation industries became dated parameters of the policy package
// (`goals.*`); a store created earlier holds packages without them, which the engine would refuse
// at load. They are added here with the values the plan states (§1: 33%, 33%, 钒钛 and 康养), over the
// shipped package's parameter dates; a parameter a package already has is left as it is. Decisions
// are unaffected: no rule of the engine reads these parameters.
import { sql, type Kysely, type QueryExecutorProvider } from 'kysely';

const GOAL_PARAMETERS = {
  'goals.skilledShareOfEmployedPercent': {
    clause: '§1',
    description: '目标：全市技能劳动者占就业人员的最低比例（到年底）',
    values: [{ from: '2020-01-01', to: '2021-12-31', value: 33 }],
  },
  'goals.highSkilledShareOfSkilledPercent': {
    clause: '§1',
    description: '目标：高技能人才占技能劳动者的最低比例（到年底）',
    values: [{ from: '2020-01-01', to: '2021-12-31', value: 33 }],
  },
  'goals.rotationIndustries': {
    clause: '§1',
    description: '目标：主要岗位职工全部轮训一遍的产业',
    values: [{ from: '2020-01-01', to: '2021-12-31', value: ['vanadium_titanium', 'health_care'] }],
  },
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table enterprise_headcounts
    add column recorded_by text,
    add column recorded_at timestamptz not null default now(),
    add constraint enterprise_headcounts_non_negative check (main_post_employees >= 0)`,
    )
    .execute(db);
  await addGoalParameters(db);
}

/** Gives every stored package the §1 parameters it lacks (idempotent). */
export async function addGoalParameters(db: QueryExecutorProvider): Promise<void> {
  // The package's own value wins where it has one (jsonb ||: the right-hand keys prevail).
  await sql`update policy_packages set data = jsonb_set(data, '{parameters}', ${JSON.stringify(GOAL_PARAMETERS)}::jsonb || (data -> 'parameters'))`.execute(
    db,
  );
}
