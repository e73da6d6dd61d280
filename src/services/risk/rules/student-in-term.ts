// 在校学生学期内以企业职工身份参训 (§2; §5.2 虚假培训): a person recorded as a full-time college
// student (in_school_student true on the class start date) on the roster of a class of a program
// that trains enterprise employees (R11: §4.2, §4.3, §4.4, §4.5, §4.10), with sessions in term time
// (TERM_PERIODS, risk-parameters.ts), or, for a class without sessions, with dates overlapping a term.
// Reading: in-school students are subsidised as students (§4.6, 80%); one trained as an employee
// while term runs is either not a real employee or not really in class. A person with no student
// fact is simply not known to be a student: nothing to count (most people have no such record).
import { sql } from 'kysely';
import { EMPLOYEE_CLASS_PROGRAMS, TERM_PERIODS } from '../risk-parameters.ts';
import { liveClass, sqlList, type RawFinding, type RiskRule } from './rule-kit.ts';

interface Row {
  class_id: string;
  program: string;
  start_date: string;
  end_date: string;
  resident_id: string;
  person_name: string;
  as_of: string;
  source: string;
  term_days: string[] | null;
  terms: string[] | null;
  has_sessions: boolean;
}

export const studentInTerm: RiskRule = {
  code: 'student_in_term',
  title: '在校学生学期内以企业职工身份参训',
  clause: '§2',
  async run(tx) {
    const terms = sql.join(TERM_PERIODS.map((t) => sql`(${t.from}::date, ${t.to}::date, ${t.name}::text)`));
    const { rows } = await sql<Row>`
      with terms(from_d, to_d, name) as (values ${terms}),
      ct as (
        select c.id as class_id, c.program, c.start_date, c.end_date, t.resident_id
        from class_trainees t join classes c on c.id = t.class_id
        where ${liveClass('c')} and c.program in (${sqlList(EMPLOYEE_CLASS_PROGRAMS)})
      )
      select ct.class_id, ct.program, ct.start_date::text as start_date, ct.end_date::text as end_date, ct.resident_id, pe.name as person_name,
        f.as_of::text as as_of, f.source,
        (select array_agg(distinct s.day::text order by s.day::text) from class_sessions s join terms on s.day between terms.from_d and terms.to_d
         where s.class_id = ct.class_id) as term_days,
        (select array_agg(terms.name order by terms.from_d) from terms where terms.from_d <= ct.end_date and ct.start_date <= terms.to_d) as terms,
        exists (select 1 from class_sessions s where s.class_id = ct.class_id) as has_sessions
      from ct
      join people pe on pe.resident_id = ct.resident_id
      join lateral (
        select pf.value, pf.as_of, pf.source from person_facts pf
        where pf.resident_id = ct.resident_id and pf.fact = 'in_school_student' and pf.as_of <= ct.start_date
        order by pf.as_of desc, pf.recorded_at desc, pf.id desc limit 1
      ) f on f.value = true
      order by ct.class_id, ct.resident_id`.execute(tx);
    const byClass = new Map<string, Row[]>();
    for (const r of rows) {
      if (r.has_sessions ? !r.term_days : !r.terms) continue;
      byClass.set(r.class_id, [...(byClass.get(r.class_id) ?? []), r]);
    }
    const findings: RawFinding[] = [];
    for (const [classId, rs] of byClass) {
      const first = rs[0]!;
      findings.push({
        explanation: first.has_sessions
          ? `培训班 ${classId}（企业职工培训）有 ${rs.length} 名全日制在校大学生，在学期内的 ${first.term_days!.length} 天上课（如 ${first.term_days![0]}），以企业职工身份参训，疑为虚假学员或未实际参训。`
          : `培训班 ${classId}（企业职工培训，${first.start_date}至${first.end_date}）有 ${rs.length} 名全日制在校大学生，培训期与学期（${first.terms!.join('、')}）重叠，且没有课次安排可供核对。`,
        evidence: {
          classId,
          program: first.program,
          startDate: first.start_date,
          endDate: first.end_date,
          termDays: first.term_days ?? [],
          terms: first.terms ?? [],
          trainees: rs.map((r) => ({
            residentId: r.resident_id,
            personName: r.person_name,
            fact: { fact: 'in_school_student', value: true, asOf: r.as_of, source: r.source },
          })),
        },
        subjects: { classes: rs.map((r) => ({ id: classId, residentId: r.resident_id })) },
      });
    }
    return { findings };
  },
};
