// 手工补录比例过高 (§5.3 过程监督): attendance is proven by each trainee's own QR sign-in; a presence the
// provider enters by hand (忘带手机, 设备故障…) is an exception. A class — or a provider over all its
// classes — whose manual presences exceed manualShareMax of all presences (with at least
// manualShareMinMarks presences) is judged. Marks migrated from before sign-in existed (历史数据) are
// not counted either way: they were all typed in, and say nothing of the provider's habits now.
import { sql } from 'kysely';
import { HISTORIC_REASON } from '../../classes/record-attendance.ts';
import { liveClass, type RawFinding, type RiskRule } from './rule-kit.ts';

interface ClassRow {
  class_id: string;
  provider_id: string;
  presences: number;
  manual: number;
  reasons: Record<string, number>;
}
interface ProviderRow {
  provider_id: string;
  provider_name: string;
  classes: number;
  presences: number;
  manual: number;
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

export const manualMarksShare: RiskRule = {
  code: 'manual_marks_share',
  title: '手工补录考勤比例过高',
  clause: '§5.3',
  async run(tx, p) {
    const counted = sql`a.present and a.manual_reason is distinct from ${HISTORIC_REASON} and ${liveClass('c')}`;
    const { rows: classes } = await sql<ClassRow>`
      with marks as (
        select c.id as class_id, c.provider_id, a.manual, a.manual_reason
        from attendance a join class_sessions s on s.id = a.session_id join classes c on c.id = s.class_id
        where ${counted}
      ), judged as (
        select class_id, provider_id, count(*)::int as presences, count(*) filter (where manual)::int as manual
        from marks group by class_id, provider_id
        having count(*) >= ${p.manualShareMinMarks} and count(*) filter (where manual) > ${p.manualShareMax}::float8 * count(*)
      )
      select j.*, (select json_object_agg(r.reason, r.n) from (
          select coalesce(m.manual_reason, '未说明') as reason, count(*)::int as n from marks m
          where m.class_id = j.class_id and m.manual group by 1 order by 1) r) as reasons
      from judged j order by j.class_id`.execute(tx);
    const { rows: providers } = await sql<ProviderRow>`
      select c.provider_id, pr.name as provider_name, count(distinct c.id)::int as classes, count(*)::int as presences,
        count(*) filter (where a.manual)::int as manual
      from attendance a join class_sessions s on s.id = a.session_id join classes c on c.id = s.class_id
      join providers pr on pr.id = c.provider_id
      where ${counted}
      group by c.provider_id, pr.name
      having count(*) >= ${p.manualShareMinMarks} and count(*) filter (where a.manual) > ${p.manualShareMax}::float8 * count(*)
      order by c.provider_id`.execute(tx);
    const findings: RawFinding[] = [
      ...classes.map((r) => ({
        explanation: `培训班 ${r.class_id} 的 ${r.presences} 人次出勤中有 ${r.manual} 人次为培训机构手工补录（${percent(r.manual / r.presences)}，超过 ${percent(p.manualShareMax)}），而非学员本人扫码签到；补录原因：${Object.entries(
          r.reasons ?? {},
        )
          .map(([k, n]) => `${k} ${n} 人次`)
          .join('，')}。`,
        evidence: {
          classId: r.class_id,
          providerId: r.provider_id,
          presences: r.presences,
          manual: r.manual,
          share: r.manual / r.presences,
          threshold: p.manualShareMax,
          reasons: r.reasons ?? {},
        },
        subjects: { classes: [{ id: r.class_id }] },
      })),
      ...providers.map((r) => ({
        explanation: `培训机构 ${r.provider_name} 的 ${r.classes} 个培训班共 ${r.presences} 人次出勤中有 ${r.manual} 人次为手工补录（${percent(r.manual / r.presences)}，超过 ${percent(p.manualShareMax)}）。`,
        evidence: {
          providerId: r.provider_id,
          providerName: r.provider_name,
          classes: r.classes,
          presences: r.presences,
          manual: r.manual,
          share: r.manual / r.presences,
          threshold: p.manualShareMax,
        },
        subjects: { providers: [r.provider_id] },
      })),
    ];
    return { findings };
  },
};
