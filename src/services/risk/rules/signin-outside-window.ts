// 课次时间外签到 (§5.3 过程监督): a trainee's QR sign-in (the server's real time of the scan) earlier than
// signInEarlyMinutes before its session starts, or after it ended — a code scanned by someone who was
// not there for the session (a photo of the screen passed on, a sign-in on another day). Manual marks
// have no sign-in time of their own and are judged by manual_marks_share.
import { sql } from 'kysely';
import { liveClass, type RawFinding, type RiskRule } from './rule-kit.ts';

interface Row {
  class_id: string;
  session_id: number;
  day: string;
  starts: string;
  ends: string;
  resident_id: string;
  person_name: string;
  signed_at: string;
}

export const signinOutsideWindow: RiskRule = {
  code: 'signin_outside_window',
  title: '扫码签到时间不在课次时间内',
  clause: '§5.3',
  async run(tx, p) {
    const { rows } = await sql<Row>`
      select s.class_id, s.id::int as session_id, s.day::text as day, to_char(s.starts_at, 'HH24:MI') as starts,
        to_char(s.ends_at, 'HH24:MI') as ends, a.resident_id, pe.name as person_name,
        to_char(a.signed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as signed_at
      from attendance a
      join class_sessions s on s.id = a.session_id
      join classes c on c.id = s.class_id
      join people pe on pe.resident_id = a.resident_id
      where not a.manual and a.signed_at is not null and ${liveClass('c')}
        and ((a.signed_at at time zone 'Asia/Shanghai') < (s.day + s.starts_at) - make_interval(mins => ${p.signInEarlyMinutes})
          or (a.signed_at at time zone 'Asia/Shanghai') > (s.day + s.ends_at))
      order by s.class_id, s.day, s.id, a.resident_id`.execute(tx);
    const byClass = new Map<string, Row[]>();
    for (const r of rows) byClass.set(r.class_id, [...(byClass.get(r.class_id) ?? []), r]);
    const findings: RawFinding[] = [];
    for (const [classId, rs] of byClass) {
      const r = rs[0]!;
      findings.push({
        explanation: `培训班 ${classId} 有 ${rs.length} 条扫码签到不在课次时间内（如 ${r.person_name} 为 ${r.day} ${r.starts}–${r.ends} 的课次在 ${r.signed_at} 签到；签到应在开课前 ${p.signInEarlyMinutes} 分钟内至下课前），疑为不在场签到。`,
        evidence: {
          classId,
          signIns: rs.map((x) => ({
            sessionId: x.session_id,
            day: x.day,
            session: `${x.starts}–${x.ends}`,
            residentId: x.resident_id,
            personName: x.person_name,
            signedAt: x.signed_at,
          })),
        },
        subjects: { classes: [...new Set(rs.map((x) => x.resident_id))].map((residentId) => ({ id: classId, residentId })) },
      });
    }
    return { findings };
  },
};
