// 岗前培训对象并非新录用人员 (§4.4 pre-job training is for newly hired staff): a §4.4 class trainee
// (with the employer named on the roster) or a §4.4 claim (with its enterprise) for whom the records
// show the same person already working for the same enterprise preJobEmployedMonths or more before
// the start: an earlier claim naming that enterprise (not rejected or withdrawn), an earlier class
// that listed the person as its employee, or an apprenticeship plan with it. The schema holds no
// employment history of its own; these records are the evidence it has. No such record proves
// nothing either way, so nothing is flagged and nothing counted.
import { sql } from 'kysely';
import { liveClaim, liveClass, type RiskRule } from './rule-kit.ts';

interface Row {
  src: 'class' | 'claim';
  ref: string;
  class_id: string | null;
  claim_id: string | null;
  resident_id: string;
  person_name: string;
  uscc: string;
  enterprise_name: string;
  start_date: string;
  earlier: { source: string; ref: string; program: string; startDate: string }[];
}

export const preJobLongEmployed: RiskRule = {
  code: 'pre_job_long_employed',
  title: '岗前培训对象早已在本企业就业',
  clause: '§4.4',
  async run(tx, p) {
    const { rows } = await sql<Row>`
      with pj as (
        select 'class' as src, c.id as ref, c.id as class_id, null::text as claim_id, t.resident_id, t.employer_uscc as uscc, c.start_date
        from class_trainees t join classes c on c.id = t.class_id
        where ${liveClass('c')} and c.program = 'pre_job' and t.employer_uscc is not null
        union all
        select 'claim', cl.id, cl.class_id, cl.id, cl.resident_id, cl.enterprise_uscc, cl.start_date
        from claims cl
        where cl.program = 'pre_job' and cl.enterprise_uscc is not null and ${liveClaim('cl')}
          and not exists (select 1 from class_trainees t where t.class_id = cl.class_id and t.resident_id = cl.resident_id)
      ), earlier as (
        select 'claim' as src, cl.id as ref, cl.resident_id, cl.enterprise_uscc as uscc, cl.start_date, cl.program
        from claims cl where cl.enterprise_uscc is not null and ${liveClaim('cl')}
        union all
        select 'class', c.id, t.resident_id, t.employer_uscc, c.start_date, c.program
        from class_trainees t join classes c on c.id = t.class_id where t.employer_uscc is not null and ${liveClass('c')}
        union all
        select 'plan', ap.id, ap.resident_id, ap.enterprise_uscc, ap.start_date, 'apprenticeship'
        from apprenticeship_plans ap where ap.status <> 'returned'
      )
      select pj.src, pj.ref, pj.class_id, pj.claim_id, pj.resident_id, pe.name as person_name, pj.uscc, en.name as enterprise_name,
        pj.start_date::text as start_date,
        json_agg(json_build_object('source', e.src, 'ref', e.ref, 'program', e.program, 'startDate', e.start_date::text) order by e.start_date, e.ref) as earlier
      from pj
      join earlier e on e.resident_id = pj.resident_id and e.uscc = pj.uscc
        and e.start_date <= (pj.start_date - make_interval(months => ${p.preJobEmployedMonths}))::date
      join people pe on pe.resident_id = pj.resident_id
      join enterprises en on en.uscc = pj.uscc
      group by pj.src, pj.ref, pj.class_id, pj.claim_id, pj.resident_id, pe.name, pj.uscc, en.name, pj.start_date
      order by pj.ref, pj.resident_id`.execute(tx);
    return {
      findings: rows.map((r) => ({
        explanation:
          `${r.enterprise_name}为 ${r.person_name} 申请岗前技能培训（${r.src === 'class' ? '培训班' : '申领'} ${r.ref}，${r.start_date} 开始），` +
          `但记录显示此人早在 ${r.earlier[0]!.startDate} 已是该企业职工（${r.earlier.length} 条记录，早于开始日 ${p.preJobEmployedMonths} 个月以上），不是新录用人员。`,
        evidence: {
          residentId: r.resident_id,
          personName: r.person_name,
          enterpriseUscc: r.uscc,
          enterpriseName: r.enterprise_name,
          [r.src === 'class' ? 'classId' : 'claimId']: r.ref,
          startDate: r.start_date,
          earlierEmployment: r.earlier,
        },
        subjects: {
          ...(r.claim_id ? { claims: [r.claim_id] } : {}),
          ...(r.class_id ? { classes: [{ id: r.class_id, residentId: r.resident_id }] } : {}),
        },
      })),
    };
  },
};
