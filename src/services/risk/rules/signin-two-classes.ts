// 同时在两个班签到 (§5.2 虚假培训): one person's QR sign-ins to sessions of two different classes that
// overlap in time on the same day (sessions that only touch do not). Unlike overlapping_attendance,
// which reads the rosters and schedules, this reads what was signed: someone was signed in where they
// could not have been.
import { sql } from 'kysely';
import { liveClass, type RawFinding, type RiskRule } from './rule-kit.ts';

interface Row {
  resident_id: string;
  person_name: string;
  a: string;
  b: string;
  day: string;
  a_time: string;
  b_time: string;
  a_signed: string;
  b_signed: string;
}

export const signinTwoClasses: RiskRule = {
  code: 'signin_two_classes',
  title: '同一人同时在两个班扫码签到',
  clause: '§5.2',
  async run(tx) {
    const { rows } = await sql<Row>`
      select a1.resident_id, pe.name as person_name, sa.class_id as a, sb.class_id as b, sa.day::text as day,
        to_char(sa.starts_at, 'HH24:MI') || '–' || to_char(sa.ends_at, 'HH24:MI') as a_time,
        to_char(sb.starts_at, 'HH24:MI') || '–' || to_char(sb.ends_at, 'HH24:MI') as b_time,
        to_char(a1.signed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as a_signed,
        to_char(a2.signed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as b_signed
      from attendance a1
      join class_sessions sa on sa.id = a1.session_id
      join attendance a2 on a2.resident_id = a1.resident_id and not a2.manual and a2.present
      join class_sessions sb on sb.id = a2.session_id and sb.class_id > sa.class_id and sb.day = sa.day
        and sa.starts_at < sb.ends_at and sb.starts_at < sa.ends_at
      join classes ca on ca.id = sa.class_id
      join classes cb on cb.id = sb.class_id
      join people pe on pe.resident_id = a1.resident_id
      where not a1.manual and a1.present and ${liveClass('ca')} and ${liveClass('cb')}
      order by sa.class_id, sb.class_id, a1.resident_id, sa.day, sa.starts_at`.execute(tx);
    const byPair = new Map<string, Row[]>();
    for (const r of rows) byPair.set(`${r.a}|${r.b}`, [...(byPair.get(`${r.a}|${r.b}`) ?? []), r]);
    const findings: RawFinding[] = [];
    for (const rs of byPair.values()) {
      const r = rs[0]!;
      const people = [...new Set(rs.map((x) => x.resident_id))];
      findings.push({
        explanation: `${people.length} 名学员在同一时间扫码签到了培训班 ${r.a} 和 ${r.b} 的课次（如 ${r.person_name} 在 ${r.day}，${r.a_time} 的课次于 ${r.a_signed.slice(11)} 签到，${r.b_time} 的课次于 ${r.b_signed.slice(11)} 签到），一人不可能同时在两处上课。`,
        evidence: {
          classes: [r.a, r.b],
          signIns: rs.map((x) => ({
            residentId: x.resident_id,
            personName: x.person_name,
            day: x.day,
            sessions: [
              { classId: x.a, time: x.a_time, signedAt: x.a_signed },
              { classId: x.b, time: x.b_time, signedAt: x.b_signed },
            ],
          })),
        },
        subjects: {
          classes: people.flatMap((residentId) => [
            { id: r.a, residentId },
            { id: r.b, residentId },
          ]),
        },
      });
    }
    return { findings };
  },
};
