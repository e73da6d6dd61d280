// 一机多签 (§5.3 过程监督; 代签): one device — the hashed id the sign-in page keeps on the phone — signing
// in sharedDeviceMinPeople or more different people to the same session. Each trainee signs in on
// their own phone; one phone for several people is someone signing for the others.
import { sql } from 'kysely';
import { liveClass, type RawFinding, type RiskRule } from './rule-kit.ts';

interface Row {
  class_id: string;
  session_id: number;
  day: string;
  device: string;
  people: { residentId: string; personName: string; signedAt: string }[];
}

export const sharedSigninDevice: RiskRule = {
  code: 'shared_signin_device',
  title: '同一设备为多人扫码签到',
  clause: '§5.3',
  async run(tx, p) {
    const { rows } = await sql<Row>`
      select s.class_id, s.id::int as session_id, s.day::text as day, left(a.device_hash, 12) as device,
        json_agg(json_build_object('residentId', a.resident_id, 'personName', pe.name,
          'signedAt', to_char(a.signed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS')) order by a.signed_at, a.resident_id) as people
      from attendance a
      join class_sessions s on s.id = a.session_id
      join classes c on c.id = s.class_id
      join people pe on pe.resident_id = a.resident_id
      where not a.manual and a.device_hash is not null and ${liveClass('c')}
      group by s.class_id, s.id, s.day, a.device_hash
      having count(distinct a.resident_id) >= ${p.sharedDeviceMinPeople}
      order by s.class_id, s.day, s.id, a.device_hash`.execute(tx);
    const byClass = new Map<string, Row[]>();
    for (const r of rows) byClass.set(r.class_id, [...(byClass.get(r.class_id) ?? []), r]);
    const findings: RawFinding[] = [];
    for (const [classId, rs] of byClass) {
      const r = rs[0]!;
      findings.push({
        explanation: `培训班 ${classId} 有 ${rs.length} 个课次出现同一台设备为多人扫码签到（如 ${r.day} 的课次，同一设备为 ${r.people.map((x) => x.personName).join('、')} 共 ${r.people.length} 人签到），疑为代签。`,
        evidence: {
          classId,
          sessions: rs.map((x) => ({ sessionId: x.session_id, day: x.day, device: x.device, signIns: x.people })),
        },
        subjects: {
          classes: [...new Set(rs.flatMap((x) => x.people.map((y) => y.residentId)))].map((residentId) => ({ id: classId, residentId })),
        },
      });
    }
    return { findings };
  },
};
