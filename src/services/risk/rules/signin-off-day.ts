// 非上课日签到 (§5.3 过程监督): an attendance sign-in whose date (Asia/Shanghai) is not the day of the
// session it signs for: attendance recorded on a day the class did not run.
import { sql } from 'kysely';
import { liveClass, type RawFinding, type RiskRule } from './rule-kit.ts';

interface Row {
  class_id: string;
  session_id: number;
  day: string;
  resident_id: string;
  person_name: string;
  signed_at: string;
}

export const signinOffDay: RiskRule = {
  code: 'signin_off_day',
  title: '签到日期与课次日期不符',
  clause: '§5.3',
  async run(tx) {
    const { rows } = await sql<Row>`
      select s.class_id, s.id::int as session_id, s.day::text as day, a.resident_id, pe.name as person_name,
        to_char(a.signed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as signed_at
      from attendance a
      join class_sessions s on s.id = a.session_id
      join classes c on c.id = s.class_id
      join people pe on pe.resident_id = a.resident_id
      where a.signed_at is not null and (a.signed_at at time zone 'Asia/Shanghai')::date <> s.day and ${liveClass('c')}
      order by s.class_id, s.day, s.id, a.resident_id`.execute(tx);
    const byClass = new Map<string, Row[]>();
    for (const r of rows) byClass.set(r.class_id, [...(byClass.get(r.class_id) ?? []), r]);
    const findings: RawFinding[] = [];
    for (const [classId, rs] of byClass) {
      findings.push({
        explanation: `培训班 ${classId} 有 ${rs.length} 条签到记录的签到日期不是课次当天（如 ${rs[0]!.person_name} 为 ${rs[0]!.day} 的课次在 ${rs[0]!.signed_at} 签到），疑为事后补签或虚构考勤。`,
        evidence: {
          classId,
          signIns: rs.map((r) => ({
            sessionId: r.session_id,
            day: r.day,
            residentId: r.resident_id,
            personName: r.person_name,
            signedAt: r.signed_at,
          })),
        },
        subjects: { classes: [...new Set(rs.map((r) => r.resident_id))].map((residentId) => ({ id: classId, residentId })) },
      });
    }
    return { findings };
  },
};
