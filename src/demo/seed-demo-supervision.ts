// Demo supervision data (#6 §1, §5.3), after the activity: main-post headcounts of every enterprise,
// employment figures per area, the annual training tasks the city set for 2020 and 2021 (through the
// real use case, audited), and one flagged major matter (重大事项) on a planted irregularity.
// Deterministic: targets follow from the demo's own trainings with fixed factors, so some tasks are
// ahead and some lag behind (通报) in the third quarter of 2021, the last full one before 2021-11-15.
import type { Actor, Department, Role } from '../services/access.ts';
import { LIVE_STATUSES, TRAINING_PROGRAMS } from '../services/reports/report-period.ts';
import { recordEmploymentFigures } from '../services/targets/record-employment-figures.ts';
import { setAnnualTask } from '../services/targets/set-annual-task.ts';
import { flagMajorMatter } from '../services/reports/major-matters.ts';
import { COUNTY_AREA_CODES } from '../services/targets/task-units.ts';
import type { Tx } from '../store/transaction.ts';
import type { DemoActivity } from './seed-demo-activity.ts';
import type { DemoWorld } from './seed-demo.ts';

/** Target = trainings of the year × factor (cycled), so the demo has tasks ahead of and behind pace. */
const FACTORS = [0.9, 1.2, 1.8, 1.05, 2.2];
const DEPARTMENT_TASKS: { department: Department; program: string }[] = [
  { department: 'emergency', program: 'safety' },
  { department: 'veterans', program: 'employment_skill' },
  { department: 'disabled_federation', program: 'employment_skill' },
  { department: 'civil_affairs', program: 'employment_skill' },
  { department: 'education', program: 'skill_upgrade' },
  { department: 'development_reform', program: 'project_based' },
];
/** Employment figures per area (employed, skilled ‰, high-skilled ‰ of skilled) for 2020; 2021 grows. */
const EMPLOYMENT: Record<string, [number, number, number]> = {
  '510402': [212_000, 352, 318],
  '510403': [96_000, 341, 297],
  '510411': [121_000, 298, 262],
  '510421': [118_000, 271, 244],
  '510422': [104_000, 262, 236],
};

export async function seedDemoSupervision(tx: Tx, world: DemoWorld, activity: DemoActivity): Promise<void> {
  const users = await tx.selectFrom('users').selectAll().where('role', '=', 'city').where('username', '=', 'city').execute();
  const u = users[0]!;
  const city: Actor = {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    areaCode: u.area_code,
    department: null,
    enterpriseUscc: null,
    providerId: null,
    residentId: null,
  };

  // Headcounts: the big four are large, the rest 20–160 main-post employees; 2021 a little higher.
  const r = world.random;
  await tx
    .insertInto('enterprise_headcounts')
    .values(
      world.enterprises.flatMap((e, i) => {
        const base = i < 4 ? 300 + r.int(0, 200) : r.int(20, 160);
        return [
          { uscc: e.uscc, year: 2020, main_post_employees: base },
          { uscc: e.uscc, year: 2021, main_post_employees: base + r.int(0, 12) },
        ];
      }),
    )
    .execute();

  for (const [area, [employed, skilledPm, highPm]] of Object.entries(EMPLOYMENT)) {
    for (const year of [2020, 2021]) {
      const grow = year === 2021 ? 1.02 : 1;
      const e = Math.round(employed * grow);
      const skilled = Math.floor((e * (skilledPm + (year === 2021 ? 14 : 0))) / 1000);
      await recordEmploymentFigures(tx, city, {
        areaCode: area,
        year,
        employed: e,
        skilled,
        highSkilled: Math.floor((skilled * (highPm + (year === 2021 ? 12 : 0))) / 1000),
        source: `${year}年全市就业统计（演示数据）`,
      });
    }
  }

  // Annual tasks: for each area its three largest training programs of the year; the departments theirs.
  let n = 0;
  for (const year of [2020, 2021]) {
    const counts = await tx
      .selectFrom('claims')
      .select(['area_code', 'program', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', [...LIVE_STATUSES])
      .where('program', 'in', TRAINING_PROGRAMS)
      .where('end_date', '>=', `${year}-01-01`)
      .where('end_date', '<=', `${year}-12-31`)
      .groupBy(['area_code', 'program'])
      .execute();
    for (const area of COUNTY_AREA_CODES) {
      const top = counts
        .filter((c) => c.area_code === area)
        .sort((a, b) => Number(b.n) - Number(a.n) || a.program.localeCompare(b.program))
        .slice(0, 3);
      for (const c of top) {
        const target = Math.max(5, Math.ceil(Number(c.n) * FACTORS[n++ % FACTORS.length]!));
        await setAnnualTask(tx, city, { year, unitKind: 'area', unit: area, program: c.program, target, note: `${year}年初下达` });
      }
    }
    for (const t of DEPARTMENT_TASKS) {
      const target = 10 + ((n++ * 7) % 30);
      await setAnnualTask(tx, city, {
        year,
        unitKind: 'department',
        unit: t.department,
        program: t.program,
        target,
        note: `${year}年初下达`,
      });
    }
  }

  // One flagged matter: the class where every trainee signed in within the same minute.
  const planted = activity.planted.find((p) => p.id === 'PLANT-SAME-MINUTE');
  if (planted && planted.classIds.length) {
    const cls = await tx
      .selectFrom('classes')
      .select(['area_code', 'provider_id'])
      .where('id', '=', planted.classIds[0]!)
      .executeTakeFirstOrThrow();
    await flagMajorMatter(tx, city, {
      title: '疑似虚假培训：全部学员同一分钟签到',
      areaCode: cls.area_code,
      flaggedOn: '2021-11-10',
      summary:
        '风险扫描发现该就业技能培训班每次课全部学员在同一分钟内签到，疑似代签。已安排现场核查，暂停该班相关申领的支付，核实后依规处理（§5.2、§5.3）。',
      claimIds: planted.claimIds.slice(0, 50),
      classIds: planted.classIds,
      providerIds: [cls.provider_id],
    });
  }
}
