// 领取养老金人员参训 (§4.0 R5; §5.2 虚假培训: retirees are the commonest fake trainee): a trainee on a
// class, or the person of a claim without a class, entitled to a monthly pension on the start date
// (the latest pensionEntitled fact dated on or before it). A person whose fact is unknown on that
// date is NOT flagged and NOT cleared: the rule counts them as unknown and the scan reports the count
// (a missing fact is never read as false, nor as true).
import { sql } from 'kysely';
import { liveClaim, liveClass, type RiskRule } from './rule-kit.ts';

interface Row {
  kind: 'class' | 'claim';
  ref: string;
  provider_id: string | null;
  resident_id: string;
  person_name: string;
  start_date: string;
  value: boolean | null;
  as_of: string | null;
  source: string | null;
}

export const pensionTrainee: RiskRule = {
  code: 'pension_trainee',
  title: '具有养老金领取资格的人员参训',
  clause: '§4.0 R5',
  async run(tx) {
    const { rows } = await sql<Row>`
      with subjects as (
        select 'class' as kind, c.id as ref, c.provider_id, t.resident_id, c.start_date
        from class_trainees t join classes c on c.id = t.class_id where ${liveClass('c')}
        union all
        select 'claim', cl.id, cl.provider_id, cl.resident_id, cl.start_date
        from claims cl where cl.class_id is null and ${liveClaim('cl')}
      )
      select s.kind, s.ref, s.provider_id, s.resident_id, pe.name as person_name, s.start_date::text as start_date,
        f.value, f.as_of::text as as_of, f.source
      from subjects s
      join people pe on pe.resident_id = s.resident_id
      left join lateral (
        select pf.value, pf.as_of, pf.source from person_facts pf
        where pf.resident_id = s.resident_id and pf.fact = 'pensionEntitled' and pf.as_of <= s.start_date
        order by pf.as_of desc, pf.recorded_at desc, pf.id desc limit 1
      ) f on true
      where f.value is distinct from false
      order by s.kind, s.ref, s.resident_id`.execute(tx);
    const flagged = rows.filter((r) => r.value === true);
    const unknown = rows.length - flagged.length;
    return {
      findings: flagged.map((r) => ({
        explanation:
          r.kind === 'class'
            ? `培训班 ${r.ref} 的学员 ${r.person_name} 在开班日 ${r.start_date} 已具有按月领取养老金资格（${r.as_of} 起，来源：${r.source}），不属于补贴对象，疑为虚假学员。`
            : `申领 ${r.ref} 的培训对象 ${r.person_name} 在培训开始日 ${r.start_date} 已具有按月领取养老金资格（${r.as_of} 起，来源：${r.source}）。`,
        evidence: {
          residentId: r.resident_id,
          personName: r.person_name,
          [r.kind === 'class' ? 'classId' : 'claimId']: r.ref,
          startDate: r.start_date,
          fact: { fact: 'pensionEntitled', value: true, asOf: r.as_of, source: r.source },
        },
        subjects: r.kind === 'class' ? { classes: [{ id: r.ref, residentId: r.resident_id }] } : { claims: [r.ref] },
      })),
      unknown:
        unknown > 0
          ? {
              count: unknown,
              note: `${unknown} 名学员（或申领对象）在开班日的养老金领取资格未知：未判定为风险，也不视为非养老金领取者，请补录该事实后重新扫描。`,
            }
          : undefined,
    };
  },
};
