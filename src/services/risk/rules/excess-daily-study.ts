// 单人单日学时超限 (§5.2 虚假培训, §5.4): one person's study on one day — online time counted from
// heartbeats plus the hours of their present classroom marks — above maxHoursPerDay, the most a
// person can really attend in a day (the same setting excess_daily_hours reads for a class's
// schedule). Days are Beijing calendar days; an online span across midnight counts on each side.
import { sql } from 'kysely';
import { liveClass, type RawFinding, type RiskRule } from './rule-kit.ts';

interface Row {
  resident_id: string;
  person_name: string;
  day: string;
  online_hours: number;
  classroom_hours: number;
  classes: string[];
}

export const excessDailyStudy: RiskRule = {
  code: 'excess_daily_study',
  title: '一人单日学习时间超过可能的上限',
  clause: '§5.2',
  async run(tx, p) {
    const { rows } = await sql<Row>`
      with days as (
        select o.resident_id, o.class_id, d::date as day,
          extract(epoch from least(o.to_at, (d + interval '1 day') at time zone 'Asia/Shanghai')
            - greatest(o.from_at, d at time zone 'Asia/Shanghai')) / 3600.0 * (o.counted_ms / 1000.0)
            / greatest(extract(epoch from o.to_at - o.from_at), 0.001) as hours
        from online_study_spans o
        join classes c on c.id = o.class_id and ${liveClass('c')}
        cross join lateral generate_series(date_trunc('day', o.from_at at time zone 'Asia/Shanghai'),
          date_trunc('day', o.to_at at time zone 'Asia/Shanghai'), interval '1 day') d
      ),
      online as (select resident_id, day, sum(hours) as hours, array_agg(distinct class_id) as classes from days group by resident_id, day),
      classroom as (
        select a.resident_id, s.day, sum(coalesce(a.hours, s.hours)) as hours, array_agg(distinct s.class_id) as classes
        from attendance a join class_sessions s on s.id = a.session_id join classes c on c.id = s.class_id
        where a.present and ${liveClass('c')}
        group by a.resident_id, s.day
      )
      select o.resident_id, pe.name as person_name, o.day::text as day,
        round(o.hours::numeric, 2)::float8 as online_hours, round(coalesce(cl.hours, 0)::numeric, 2)::float8 as classroom_hours,
        array(select distinct x from unnest(o.classes || coalesce(cl.classes, '{}')) x order by x) as classes
      from online o
      left join classroom cl on cl.resident_id = o.resident_id and cl.day = o.day
      join people pe on pe.resident_id = o.resident_id
      -- Compared to the hundredth: a day's share of a span is computed in floating point.
      where round((o.hours + coalesce(cl.hours, 0))::numeric, 2) > ${p.maxHoursPerDay}
      order by o.resident_id, o.day`.execute(tx);
    const byPerson = new Map<string, Row[]>();
    for (const r of rows) byPerson.set(r.resident_id, [...(byPerson.get(r.resident_id) ?? []), r]);
    const findings: RawFinding[] = [];
    for (const rs of byPerson.values()) {
      const r = rs[0]!;
      findings.push({
        explanation: `${r.person_name} 有 ${rs.length} 天的学习时间超过每天 ${p.maxHoursPerDay} 小时（如 ${r.day} 网络学习 ${r.online_hours} 小时、课堂出勤 ${r.classroom_hours} 学时），一人不可能实际完成，疑为挂机刷时或虚报。`,
        evidence: {
          residentId: r.resident_id,
          personName: r.person_name,
          limitHours: p.maxHoursPerDay,
          days: rs.map((x) => ({ day: x.day, onlineHours: x.online_hours, classroomHours: x.classroom_hours, classes: x.classes })),
        },
        subjects: { classes: [...new Set(rs.flatMap((x) => x.classes))].map((id) => ({ id, residentId: r.resident_id })) },
      });
    }
    return { findings };
  },
};
