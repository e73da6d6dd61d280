// 两家机构为同一人申领同一时期的补贴 (§5.2 虚假培训): two claims for the same person, by different
// providers, whose training periods overlap. Living allowances and appraisal subsidies are left out:
// they go with a training rather than compete with it (SPEC §4.6, R6).
import { sql } from 'kysely';
import { liveClaim, type RiskRule } from './rule-kit.ts';

interface Row {
  resident_id: string;
  person_name: string;
  a: string;
  b: string;
  a_provider: string;
  b_provider: string;
  a_class: string | null;
  b_class: string | null;
  a_program: string;
  b_program: string;
  a_start: string;
  a_end: string;
  b_start: string;
  b_end: string;
  a_status: string;
  b_status: string;
}

export const overlappingClaims: RiskRule = {
  code: 'overlapping_claims',
  title: '不同机构为同一人申领同期培训补贴',
  clause: '§5.2',
  async run(tx) {
    const { rows } = await sql<Row>`
      select c1.resident_id, pe.name as person_name, c1.id as a, c2.id as b, c1.provider_id as a_provider, c2.provider_id as b_provider,
        c1.class_id as a_class, c2.class_id as b_class, c1.program as a_program, c2.program as b_program,
        c1.start_date::text as a_start, c1.end_date::text as a_end, c2.start_date::text as b_start, c2.end_date::text as b_end,
        c1.status as a_status, c2.status as b_status
      from claims c1
      join claims c2 on c2.resident_id = c1.resident_id and c2.id > c1.id
        and c2.provider_id <> c1.provider_id and c1.start_date <= c2.end_date and c2.start_date <= c1.end_date
      join people pe on pe.resident_id = c1.resident_id
      where c1.provider_id is not null and ${liveClaim('c1')} and ${liveClaim('c2')}
        and c1.program not in ('living_allowance', 'appraisal') and c2.program not in ('living_allowance', 'appraisal')
      order by c1.resident_id, c1.id, c2.id`.execute(tx);
    return {
      findings: rows.map((r) => ({
        explanation: `${r.person_name} 在同一时期被两家机构申领培训补贴：${r.a_provider} 的申领 ${r.a}（${r.a_start}至${r.a_end}）与 ${r.b_provider} 的申领 ${r.b}（${r.b_start}至${r.b_end}）培训期重叠。`,
        evidence: {
          residentId: r.resident_id,
          personName: r.person_name,
          claims: [
            {
              claimId: r.a,
              providerId: r.a_provider,
              classId: r.a_class,
              program: r.a_program,
              startDate: r.a_start,
              endDate: r.a_end,
              status: r.a_status,
            },
            {
              claimId: r.b,
              providerId: r.b_provider,
              classId: r.b_class,
              program: r.b_program,
              startDate: r.b_start,
              endDate: r.b_end,
              status: r.b_status,
            },
          ],
        },
        subjects: {
          claims: [r.a, r.b],
          providers: [r.a_provider, r.b_provider],
          classes: [r.a_class, r.b_class].filter((c): c is string => c !== null).map((id) => ({ id, residentId: r.resident_id })),
        },
      })),
    };
  },
};
