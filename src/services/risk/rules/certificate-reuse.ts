// 证书编号重复使用 (§5.2 虚假培训; R13 a subsidy rests on a certificate): one certificate number
// (compared trimmed, case-insensitive) recorded or claimed for different people, or under different
// certificate types, across the certificate register and the claims that still count. The same
// person citing one certificate on two claims of the same type (a training claim and its appraisal
// claim) is ordinary and not flagged.
import { sql } from 'kysely';
import { liveClaim, type RawFinding, type RiskRule } from './rule-kit.ts';

interface Row {
  num: string;
  type: string | null;
  resident_id: string;
  person_name: string;
  src: 'certificate' | 'claim';
  ref: string;
  class_id: string | null;
  claim_id: string | null;
  on_date: string;
}

export const certificateReuse: RiskRule = {
  code: 'certificate_reuse',
  title: '证书编号重复使用',
  clause: '§5.2',
  async run(tx) {
    const { rows } = await sql<Row>`
      with uses as (
        select upper(btrim(ce.number)) as num, ce.type, ce.resident_id, 'certificate' as src, ce.id::text as ref, ce.class_id, null::text as claim_id, ce.issued_on as on_date
        from certificates ce
        union all
        select upper(btrim(cl.certificate_number)), cl.certificate_type, cl.resident_id, 'claim', cl.id, cl.class_id, cl.id, cl.end_date
        from claims cl where cl.certificate_number is not null and btrim(cl.certificate_number) <> '' and ${liveClaim('cl')}
      ), reused as (
        select num from uses group by num having count(distinct resident_id) > 1 or count(distinct type) > 1
      )
      select u.num, u.type, u.resident_id, pe.name as person_name, u.src, u.ref, u.class_id, u.claim_id, u.on_date::text as on_date
      from uses u join reused r on r.num = u.num join people pe on pe.resident_id = u.resident_id
      order by u.num, u.src, u.ref`.execute(tx);
    const byNumber = new Map<string, Row[]>();
    for (const r of rows) byNumber.set(r.num, [...(byNumber.get(r.num) ?? []), r]);
    const findings: RawFinding[] = [];
    for (const [num, rs] of byNumber) {
      const people = new Set(rs.map((r) => r.resident_id));
      const types = new Set(rs.map((r) => r.type).filter((t) => t !== null));
      const what = [people.size > 1 ? `用于 ${people.size} 个不同的人` : '', types.size > 1 ? `出现在 ${types.size} 种证书类型下` : '']
        .filter(Boolean)
        .join('，且');
      findings.push({
        explanation: `证书编号 ${num} ${what}（共 ${rs.length} 处登记或申领），同一证书不应重复使用，疑为伪造或冒用证书。`,
        evidence: {
          number: num,
          uses: rs.map((r) => ({
            source: r.src,
            ref: r.ref,
            type: r.type,
            residentId: r.resident_id,
            personName: r.person_name,
            classId: r.class_id,
            date: r.on_date,
          })),
        },
        subjects: {
          claims: rs.flatMap((r) => (r.claim_id ? [r.claim_id] : [])),
          classes: rs.flatMap((r) => (r.class_id ? [{ id: r.class_id, residentId: r.resident_id }] : [])),
        },
      });
    }
    return { findings };
  },
};
