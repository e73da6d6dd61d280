// 花名册套用 (§5.2 虚假培训): two classes whose rosters overlap by Jaccard |A∩B| / |A∪B| at or above the
// threshold, both with at least the minimum number of trainees (risk-parameters.ts). The shared
// trainees are the evidence; the later class is named as the likely copy.
import { sql } from 'kysely';
import { liveClass, type RiskRule } from './rule-kit.ts';

interface Row {
  a: string;
  b: string;
  shared: number;
  na: number;
  nb: number;
  jaccard: number;
  a_start: string;
  b_start: string;
  a_provider: string;
  b_provider: string;
  people: { residentId: string; personName: string }[];
}

export const copiedRoster: RiskRule = {
  code: 'copied_roster',
  title: '花名册与其他培训班高度重合',
  clause: '§5.2',
  async run(tx, p) {
    const { rows } = await sql<Row>`
      with sizes as (
        select t.class_id, count(*)::int as n from class_trainees t join classes c on c.id = t.class_id
        where ${liveClass('c')} group by t.class_id having count(*) >= ${p.rosterMinTrainees}
      ), shared as (
        select t1.class_id as a, t2.class_id as b, count(*)::int as k, array_agg(t1.resident_id order by t1.resident_id) as people
        from class_trainees t1
        join class_trainees t2 on t2.resident_id = t1.resident_id and t2.class_id > t1.class_id
        join sizes sa on sa.class_id = t1.class_id join sizes sb on sb.class_id = t2.class_id
        group by t1.class_id, t2.class_id
      )
      select s.a, s.b, s.k as shared, sa.n as na, sb.n as nb, round(s.k::numeric / (sa.n + sb.n - s.k), 4)::float8 as jaccard,
        ca.start_date::text as a_start, cb.start_date::text as b_start, ca.provider_id as a_provider, cb.provider_id as b_provider,
        (select json_agg(json_build_object('residentId', pe.resident_id, 'personName', pe.name) order by pe.resident_id)
         from people pe where pe.resident_id = any(s.people)) as people
      from shared s join sizes sa on sa.class_id = s.a join sizes sb on sb.class_id = s.b
      join classes ca on ca.id = s.a join classes cb on cb.id = s.b
      where s.k::numeric / (sa.n + sb.n - s.k) >= ${p.rosterJaccard}
      order by s.a, s.b`.execute(tx);
    return {
      findings: rows.map((r) => {
        const [earlier, later] = r.a_start <= r.b_start ? [r.a, r.b] : [r.b, r.a];
        return {
          explanation: `培训班 ${later} 的花名册与培训班 ${earlier} 高度重合：两班共有 ${r.shared} 名相同学员（分别为 ${r.na} 人和 ${r.nb} 人，重合度 ${Math.round(r.jaccard * 100)}%），疑为套用名单。`,
          evidence: {
            classes: [
              { classId: r.a, providerId: r.a_provider, startDate: r.a_start, trainees: r.na },
              { classId: r.b, providerId: r.b_provider, startDate: r.b_start, trainees: r.nb },
            ],
            shared: r.shared,
            jaccard: r.jaccard,
            likelyCopy: later,
            sharedTrainees: r.people,
          },
          subjects: {
            classes: r.people.flatMap((pe) => [
              { id: r.a, residentId: pe.residentId },
              { id: r.b, residentId: pe.residentId },
            ]),
          },
        };
      }),
    };
  },
};
