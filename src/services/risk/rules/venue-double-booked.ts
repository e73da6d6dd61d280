// 场地重复使用 (§5.3 过程监督; audits found venues "rented" on paper for several classes): the same
// venue (text compared without spaces and case) given for two different classes with sessions on the
// same day that overlap in time. A venue with several rooms should name the room in the class's
// venue; sessions that only touch do not overlap.
import { sql } from 'kysely';
import { liveClass, type RiskRule } from './rule-kit.ts';
import { normVenue } from './teacher-double-booked.ts';

interface Row {
  venue: string;
  a: string;
  b: string;
  a_provider: string;
  b_provider: string;
  sessions: { day: string; a: string; b: string }[];
}

export const venueDoubleBooked: RiskRule = {
  code: 'venue_double_booked',
  title: '同一场地同一时间举办两个培训班',
  clause: '§5.3',
  async run(tx) {
    const { rows } = await sql<Row>`
      select a.venue, a.id as a, b.id as b, a.provider_id as a_provider, b.provider_id as b_provider,
        json_agg(json_build_object(
          'day', sa.day::text,
          'a', to_char(sa.starts_at, 'HH24:MI') || '–' || to_char(sa.ends_at, 'HH24:MI'),
          'b', to_char(sb.starts_at, 'HH24:MI') || '–' || to_char(sb.ends_at, 'HH24:MI')) order by sa.day, sa.starts_at) as sessions
      from classes a
      join classes b on b.id > a.id and ${normVenue('b.venue')} = ${normVenue('a.venue')}
      join class_sessions sa on sa.class_id = a.id
      join class_sessions sb on sb.class_id = b.id and sb.day = sa.day and sa.starts_at < sb.ends_at and sb.starts_at < sa.ends_at
      where ${liveClass('a')} and ${liveClass('b')}
      group by a.venue, a.id, b.id, a.provider_id, b.provider_id
      order by a.id, b.id`.execute(tx);
    return {
      findings: rows.map((r) => ({
        explanation: `场地“${r.venue}”同一时间被两个培训班使用：培训班 ${r.a}（${r.a_provider}）与 ${r.b}（${r.b_provider}）有 ${r.sessions.length} 个课次时间重叠（如 ${r.sessions[0]!.day}），疑为虚报场地。`,
        evidence: {
          venue: r.venue,
          classes: [
            { classId: r.a, providerId: r.a_provider },
            { classId: r.b, providerId: r.b_provider },
          ],
          overlappingSessions: r.sessions,
        },
        subjects: { classes: [{ id: r.a }, { id: r.b }] },
      })),
    };
  },
};
