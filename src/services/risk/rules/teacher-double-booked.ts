// 教师分身 (§5.3 过程监督; audits found "rented" teachers named on several classes): the same teacher
// (by name, as classes.teachers records them: there is no teacher ID, so a namesake is possible and
// the finding is a risk to inspect, not a verdict) on two classes held at different venues, with
// sessions on the same day that overlap in time. Sessions that only touch do not overlap.
import { sql } from 'kysely';
import { liveClass, type RiskRule } from './rule-kit.ts';

interface Row {
  teacher: string;
  a: string;
  b: string;
  a_venue: string;
  b_venue: string;
  a_provider: string;
  b_provider: string;
  sessions: { day: string; a: string; b: string }[];
}

/** Venue text compared without spaces and case (“东区 基地” = “东区基地”). */
export const normVenue = (col: string) => sql`lower(regexp_replace(${sql.ref(col)}, '\\s+', '', 'g'))`;

export const teacherDoubleBooked: RiskRule = {
  code: 'teacher_double_booked',
  title: '同一教师同一时间在两地授课',
  clause: '§5.3',
  async run(tx) {
    const { rows } = await sql<Row>`
      with tc as (
        select distinct c.id, c.provider_id, c.venue, btrim(t.value->>'name') as teacher
        from classes c
        cross join lateral jsonb_array_elements(case when jsonb_typeof(c.teachers) = 'array' then c.teachers else '[]'::jsonb end) t
        where ${liveClass('c')} and coalesce(btrim(t.value->>'name'), '') <> ''
      )
      select a.teacher, a.id as a, b.id as b, a.venue as a_venue, b.venue as b_venue, a.provider_id as a_provider, b.provider_id as b_provider,
        json_agg(json_build_object(
          'day', sa.day::text,
          'a', to_char(sa.starts_at, 'HH24:MI') || '–' || to_char(sa.ends_at, 'HH24:MI'),
          'b', to_char(sb.starts_at, 'HH24:MI') || '–' || to_char(sb.ends_at, 'HH24:MI')) order by sa.day, sa.starts_at) as sessions
      from tc a
      join tc b on b.teacher = a.teacher and b.id > a.id and ${normVenue('b.venue')} <> ${normVenue('a.venue')}
      join class_sessions sa on sa.class_id = a.id
      join class_sessions sb on sb.class_id = b.id and sb.day = sa.day and sa.starts_at < sb.ends_at and sb.starts_at < sa.ends_at
      group by a.teacher, a.id, b.id, a.venue, b.venue, a.provider_id, b.provider_id
      order by a.teacher, a.id, b.id`.execute(tx);
    return {
      findings: rows.map((r) => ({
        explanation: `教师“${r.teacher}”同一时间出现在两个地点：培训班 ${r.a}（${r.a_venue}）与培训班 ${r.b}（${r.b_venue}）有 ${r.sessions.length} 个课次时间重叠（如 ${r.sessions[0]!.day}），疑为挂名教师。`,
        evidence: {
          teacher: r.teacher,
          classes: [
            { classId: r.a, providerId: r.a_provider, venue: r.a_venue },
            { classId: r.b, providerId: r.b_provider, venue: r.b_venue },
          ],
          overlappingSessions: r.sessions,
        },
        subjects: { classes: [{ id: r.a }, { id: r.b }] },
      })),
    };
  },
};
