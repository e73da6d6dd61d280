// 缩水培训 (§5.2; SPEC §4.0 Decision: catalog hours feed the risk rules, not the engine): a class whose
// declared hours, or the hours of its sessions on record, are below catalogHoursShare of the hours of
// the catalog entry in force on its start date (the program's own section first: §4.2 upgrade,
// §4.5/§4.6 employment; otherwise upgrade before employment, as R6 reads the catalog). A class whose
// entry has no hours on record cannot be judged: counted as unknown, not cleared.
import { sql } from 'kysely';
import { CATALOG_SECTION_OF } from '../../classes/class-application.ts';
import { liveClass, type RiskRule } from './rule-kit.ts';

interface Row {
  class_id: string;
  provider_id: string;
  program: string;
  occupation_code: string;
  level: string;
  start_date: string;
  declared: number;
  scheduled: number | null;
  entry_id: number;
  section: string;
  name: string;
  catalog_hours: number | null;
}

export const shortCourse: RiskRule = {
  code: 'short_course',
  title: '课时远低于目录标准课时',
  clause: '§5.2',
  async run(tx, p) {
    const sectionOf = sql.join(
      Object.entries(CATALOG_SECTION_OF).map(([program, section]) => sql`when ${program} then ${section}`),
      sql` `,
    );
    const { rows } = await sql<Row>`
      select c.id as class_id, c.provider_id, c.program, c.occupation_code, c.level, c.start_date::text as start_date, c.hours::float8 as declared,
        (select sum(s.hours)::float8 from class_sessions s where s.class_id = c.id) as scheduled,
        e.id::int as entry_id, e.section, e.name, e.hours::float8 as catalog_hours
      from classes c
      join lateral (
        select e.* from catalog_entries e
        where e.code = c.occupation_code and e.level = c.level
          and (e.effective_from is null or e.effective_from <= c.start_date) and (e.effective_to is null or e.effective_to >= c.start_date)
        order by (e.section = (case c.program ${sectionOf} else 'upgrade' end)) desc, (e.section = 'upgrade') desc, e.id
        limit 1
      ) e on true
      where ${liveClass('c')} and c.occupation_code is not null and c.level is not null
      order by c.id`.execute(tx);
    const unknown = rows.filter((r) => r.catalog_hours === null).length;
    const flagged = rows.filter(
      (r) =>
        r.catalog_hours !== null &&
        (r.declared < r.catalog_hours * p.catalogHoursShare ||
          (r.scheduled !== null && r.scheduled < r.catalog_hours * p.catalogHoursShare)),
    );
    return {
      findings: flagged.map((r) => {
        const delivered = r.scheduled !== null ? Math.min(r.declared, r.scheduled) : r.declared;
        return {
          explanation:
            `培训班 ${r.class_id}（${r.name} ${r.level}级）${r.scheduled !== null && r.scheduled < r.declared ? `排课合计 ${r.scheduled} 学时（申报 ${r.declared} 学时）` : `申报 ${r.declared} 学时`}，` +
            `不足开班日（${r.start_date}）适用目录标准课时 ${r.catalog_hours} 学时的 ${Math.round(p.catalogHoursShare * 100)}%（仅 ${Math.round((delivered / r.catalog_hours!) * 100)}%），疑为缩水培训。`,
          evidence: {
            classId: r.class_id,
            providerId: r.provider_id,
            program: r.program,
            occupationCode: r.occupation_code,
            level: r.level,
            startDate: r.start_date,
            declaredHours: r.declared,
            scheduledHours: r.scheduled,
            catalogEntry: { id: r.entry_id, section: r.section, name: r.name, hours: r.catalog_hours },
            share: p.catalogHoursShare,
          },
          subjects: { classes: [{ id: r.class_id }] },
        };
      }),
      unknown:
        unknown > 0
          ? { count: unknown, note: `${unknown} 个培训班适用的目录条目未登记标准课时，无法判断是否缩水培训（未判定，不视为正常）。` }
          : undefined,
    };
  },
};
