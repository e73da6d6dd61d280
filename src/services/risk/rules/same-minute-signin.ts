// 集中签到 (§5.3 过程监督; audits found attendance signed at once by one hand): a session whose every
// QR sign-in — the server's real time of each trainee's scan; manual marks have no sign-in time and
// are judged by manual_marks_share — falls within signInSpreadSeconds, with at least
// signInMinSigners sign-ins (risk-parameters.ts). Sign-ins spread over minutes are ordinary.
import { sql } from 'kysely';
import { liveClass, type RawFinding, type RiskRule } from './rule-kit.ts';

interface Row {
  class_id: string;
  session_id: number;
  day: string;
  signers: number;
  first: string;
  last: string;
  spread: number;
}

export const sameMinuteSignin: RiskRule = {
  code: 'same_minute_signin',
  title: '全体学员在同一分钟内签到',
  clause: '§5.3',
  async run(tx, p) {
    const { rows } = await sql<Row>`
      select s.class_id, s.id::int as session_id, s.day::text as day, count(*)::int as signers,
        to_char(min(a.signed_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as first,
        to_char(max(a.signed_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as last,
        extract(epoch from max(a.signed_at) - min(a.signed_at))::float8 as spread
      from attendance a
      join class_sessions s on s.id = a.session_id
      join classes c on c.id = s.class_id
      where a.present and not a.manual and a.signed_at is not null and ${liveClass('c')}
      group by s.class_id, s.id, s.day
      having count(*) >= ${p.signInMinSigners} and extract(epoch from max(a.signed_at) - min(a.signed_at)) <= ${p.signInSpreadSeconds}
      order by s.class_id, s.day, s.id`.execute(tx);
    const byClass = new Map<string, Row[]>();
    for (const r of rows) byClass.set(r.class_id, [...(byClass.get(r.class_id) ?? []), r]);
    const findings: RawFinding[] = [];
    for (const [classId, rs] of byClass) {
      findings.push({
        explanation: `培训班 ${classId} 有 ${rs.length} 个课次全体学员在 ${p.signInSpreadSeconds} 秒内完成扫码签到（如 ${rs[0]!.day} 的课次，${rs[0]!.signers} 人在 ${rs[0]!.first} 至 ${rs[0]!.last.slice(11)} 间签到），不符合实际到课情况，疑为代签或补录考勤。`,
        evidence: {
          classId,
          sessions: rs.map((r) => ({
            sessionId: r.session_id,
            day: r.day,
            signers: r.signers,
            firstSignIn: r.first,
            lastSignIn: r.last,
            spreadSeconds: r.spread,
          })),
        },
        subjects: { classes: [{ id: classId }] },
      });
    }
    return { findings };
  },
};
