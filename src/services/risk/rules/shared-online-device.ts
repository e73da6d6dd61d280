// 一机多人网络学习 (§5.2 虚假培训, §5.4): one device — the hashed id the study page keeps in its
// browser — used to study as sharedOnlineDeviceMinPeople or more different people. A household may
// share a computer; a device that studies for a whole group is someone "刷课" for the others.
import { sql } from 'kysely';
import { liveClass, type RawFinding, type RiskRule } from './rule-kit.ts';

interface Row {
  device: string;
  people: { residentId: string; personName: string; classId: string; viewings: number; first: string }[];
}

export const sharedOnlineDevice: RiskRule = {
  code: 'shared_online_device',
  title: '同一设备为多人网络学习',
  clause: '§5.2',
  async run(tx, p) {
    const { rows } = await sql<Row>`
      with uses as (
        select v.device_hash, v.resident_id, v.class_id, count(*)::int as viewings, min(v.started_at) as first
        from online_viewings v join classes c on c.id = v.class_id
        where ${liveClass('c')} and v.counted_ms > 0
        group by v.device_hash, v.resident_id, v.class_id
      )
      select left(u.device_hash, 12) as device,
        json_agg(json_build_object('residentId', u.resident_id, 'personName', pe.name, 'classId', u.class_id, 'viewings', u.viewings,
          'first', to_char(u.first at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')) order by u.first, u.resident_id) as people
      from uses u join people pe on pe.resident_id = u.resident_id
      group by u.device_hash
      having count(distinct u.resident_id) >= ${p.sharedOnlineDeviceMinPeople}
      order by left(u.device_hash, 12)`.execute(tx);
    const findings: RawFinding[] = rows.map((r) => {
      const names = [...new Set(r.people.map((x) => x.personName))];
      return {
        explanation: `同一台设备先后为 ${names.length} 人计网络学习时间（${names.join('、')}），疑为一人代多人刷课。`,
        evidence: { device: r.device, people: r.people },
        subjects: { classes: r.people.map((x) => ({ id: x.classId, residentId: x.residentId })) },
      };
    });
    return { findings };
  },
};
