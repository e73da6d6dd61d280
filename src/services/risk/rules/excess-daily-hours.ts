// 日课时超限 (§5.2 缩水培训: "one-day courses reported as months" inflate hours per day): more class
// hours scheduled on one day of a class than maxHoursPerDay (risk-parameters.ts). Exactly the limit
// is not flagged.
import { sql } from 'kysely';
import { liveClass, type RawFinding, type RiskRule } from './rule-kit.ts';

interface Row {
  class_id: string;
  day: string;
  hours: number;
  sessions: { sessionId: number; time: string; hours: number }[];
}

export const excessDailyHours: RiskRule = {
  code: 'excess_daily_hours',
  title: '单日课时超过可能的上限',
  clause: '§5.2',
  async run(tx, p) {
    const { rows } = await sql<Row>`
      select s.class_id, s.day::text as day, sum(s.hours)::float8 as hours,
        json_agg(json_build_object('sessionId', s.id, 'time', to_char(s.starts_at, 'HH24:MI') || '–' || to_char(s.ends_at, 'HH24:MI'), 'hours', s.hours::float8) order by s.starts_at) as sessions
      from class_sessions s join classes c on c.id = s.class_id
      where ${liveClass('c')}
      group by s.class_id, s.day
      having sum(s.hours) > ${p.maxHoursPerDay}
      order by s.class_id, s.day`.execute(tx);
    const byClass = new Map<string, Row[]>();
    for (const r of rows) byClass.set(r.class_id, [...(byClass.get(r.class_id) ?? []), r]);
    const findings: RawFinding[] = [];
    for (const [classId, rs] of byClass) {
      findings.push({
        explanation: `培训班 ${classId} 有 ${rs.length} 天的课时超过每天 ${p.maxHoursPerDay} 学时（如 ${rs[0]!.day} 排课 ${rs[0]!.hours} 学时），学员不可能实际完成，疑为虚报课时。`,
        evidence: { classId, limitHours: p.maxHoursPerDay, days: rs.map((r) => ({ day: r.day, hours: r.hours, sessions: r.sessions })) },
        subjects: { classes: [{ id: classId }] },
      });
    }
    return { findings };
  },
};
