// 同一人同时参加两个培训班 (§5.2 虚假培训): the same person on the rosters of two classes whose sessions
// overlap in time on the same day (sessions that only touch, 09:00–12:00 and 12:00–15:00, do not);
// when a class has no sessions on record, overlapping date ranges stand in for them.
import { sql } from 'kysely';
import { liveClass, type RiskRule } from './rule-kit.ts';

interface Row {
  a: string;
  b: string;
  a_provider: string;
  b_provider: string;
  a_start: string;
  a_end: string;
  b_start: string;
  b_end: string;
  by_dates: boolean;
  sessions: { day: string; a: string; b: string }[] | null;
  people: { residentId: string; personName: string }[];
}

export const overlappingAttendance: RiskRule = {
  code: 'overlapping_attendance',
  title: '同一人同时参加两个培训班',
  clause: '§5.2',
  async run(tx) {
    const { rows } = await sql<Row>`
      with pairs as (
        select t1.class_id as a, t2.class_id as b, array_agg(t1.resident_id order by t1.resident_id) as people
        from class_trainees t1
        join class_trainees t2 on t2.resident_id = t1.resident_id and t2.class_id > t1.class_id
        join classes ca on ca.id = t1.class_id
        join classes cb on cb.id = t2.class_id
        where ${liveClass('ca')} and ${liveClass('cb')} and ca.start_date <= cb.end_date and cb.start_date <= ca.end_date
        group by t1.class_id, t2.class_id
      ), judged as (
        select p.a, p.b, p.people,
          (select json_agg(json_build_object(
              'day', sa.day::text,
              'a', to_char(sa.starts_at, 'HH24:MI') || '–' || to_char(sa.ends_at, 'HH24:MI'),
              'b', to_char(sb.starts_at, 'HH24:MI') || '–' || to_char(sb.ends_at, 'HH24:MI')) order by sa.day, sa.starts_at)
           from class_sessions sa
           join class_sessions sb on sb.class_id = p.b and sb.day = sa.day and sa.starts_at < sb.ends_at and sb.starts_at < sa.ends_at
           where sa.class_id = p.a) as sessions,
          (not exists (select 1 from class_sessions s where s.class_id = p.a) or not exists (select 1 from class_sessions s where s.class_id = p.b)) as by_dates
        from pairs p
      )
      select j.a, j.b, j.sessions, j.by_dates, ca.provider_id as a_provider, cb.provider_id as b_provider,
        ca.start_date::text as a_start, ca.end_date::text as a_end, cb.start_date::text as b_start, cb.end_date::text as b_end,
        (select json_agg(json_build_object('residentId', pe.resident_id, 'personName', pe.name) order by pe.resident_id)
         from people pe where pe.resident_id = any(j.people)) as people
      from judged j join classes ca on ca.id = j.a join classes cb on cb.id = j.b
      where j.sessions is not null or j.by_dates
      order by j.a, j.b`.execute(tx);
    return {
      findings: rows.map((r) => ({
        explanation: r.sessions
          ? `${r.people.length} 名学员同时在培训班 ${r.a} 和 ${r.b} 上课：两班有 ${r.sessions.length} 个课次在同一天时间重叠，一人不可能同时出现在两处。`
          : `${r.people.length} 名学员同时在培训班 ${r.a}（${r.a_start}至${r.a_end}）和 ${r.b}（${r.b_start}至${r.b_end}）的花名册上，培训期重叠，且至少一个班没有课次安排可供核对。`,
        evidence: {
          classes: [
            { classId: r.a, providerId: r.a_provider, startDate: r.a_start, endDate: r.a_end },
            { classId: r.b, providerId: r.b_provider, startDate: r.b_start, endDate: r.b_end },
          ],
          overlappingSessions: r.sessions ?? [],
          byDateRangeOnly: !r.sessions,
          trainees: r.people,
        },
        subjects: {
          classes: r.people.flatMap((p) => [
            { id: r.a, residentId: p.residentId },
            { id: r.b, residentId: p.residentId },
          ]),
        },
      })),
    };
  },
};
