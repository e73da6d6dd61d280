// 网络学习与课堂签到同时 (§5.2 虚假培训, §5.4): online study time counted while the same person was
// marked present in a classroom session (a QR sign-in or a manual mark) — one person cannot study on
// a phone and sit in a classroom at once. Reads the counted spans (online_study_spans), which only
// the server's heartbeats write; spans that only touch a session do not overlap it.
import { sql } from 'kysely';
import { liveClass, type RawFinding, type RiskRule } from './rule-kit.ts';

interface Row {
  resident_id: string;
  person_name: string;
  online_class: string;
  session_class: string;
  day: string;
  session_time: string;
  method: string;
  online_from: string;
  online_to: string;
  overlap_minutes: number;
}

export const onlineDuringSession: RiskRule = {
  code: 'online_during_session',
  title: '网络学习与课堂出勤时间重叠',
  clause: '§5.2',
  async run(tx) {
    const { rows } = await sql<Row>`
      with sessions as (
        select s.id, s.class_id, s.day, s.starts_at, s.ends_at,
          (s.day + s.starts_at) at time zone 'Asia/Shanghai' as s_from,
          (s.day + s.ends_at) at time zone 'Asia/Shanghai' as s_to
        from class_sessions s join classes c on c.id = s.class_id where ${liveClass('c')}
      )
      select o.resident_id, pe.name as person_name, o.class_id as online_class, se.class_id as session_class,
        se.day::text as day, to_char(se.starts_at, 'HH24:MI') || '–' || to_char(se.ends_at, 'HH24:MI') as session_time,
        case when a.manual then '手工补录' else '扫码签到' end as method,
        to_char(greatest(o.from_at, se.s_from) at time zone 'Asia/Shanghai', 'HH24:MI:SS') as online_from,
        to_char(least(o.to_at, se.s_to) at time zone 'Asia/Shanghai', 'HH24:MI:SS') as online_to,
        round(extract(epoch from least(o.to_at, se.s_to) - greatest(o.from_at, se.s_from)) / 60.0, 1)::float8 as overlap_minutes
      from online_study_spans o
      join classes oc on oc.id = o.class_id
      join attendance a on a.resident_id = o.resident_id and a.present
      join sessions se on se.id = a.session_id and o.from_at < se.s_to and se.s_from < o.to_at
      join people pe on pe.resident_id = o.resident_id
      where ${liveClass('oc')}
      order by o.resident_id, se.day, se.starts_at, o.from_at`.execute(tx);
    const byPerson = new Map<string, Row[]>();
    for (const r of rows) byPerson.set(r.resident_id, [...(byPerson.get(r.resident_id) ?? []), r]);
    const findings: RawFinding[] = [];
    for (const rs of byPerson.values()) {
      const r = rs[0]!;
      findings.push({
        explanation: `${r.person_name} 的网络学习计时与课堂出勤有 ${rs.length} 处时间重叠（如 ${r.day} 培训班 ${r.session_class} ${r.session_time} 的课次${r.method}，同时在培训班 ${r.online_class} 网络学习 ${r.online_from}–${r.online_to}），一人不可能同时在课堂和线上学习。`,
        evidence: {
          residentId: r.resident_id,
          personName: r.person_name,
          overlaps: rs.map((x) => ({
            day: x.day,
            sessionClassId: x.session_class,
            sessionTime: x.session_time,
            method: x.method,
            onlineClassId: x.online_class,
            online: `${x.online_from}–${x.online_to}`,
            minutes: x.overlap_minutes,
          })),
        },
        subjects: {
          classes: [...new Set(rs.flatMap((x) => [x.online_class, x.session_class]))].map((id) => ({ id, residentId: r.resident_id })),
        },
      });
    }
    return { findings };
  },
};
