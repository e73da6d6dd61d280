// A class as the parties read it (read-only): program, occupation, dates, venue, provider, and the
// roster lines the server lets this user see (a trainee only their own) with hours present and result.
import { Descriptions, Skeleton, Table, Tag } from 'antd';
import type { TClassView as ClassView } from '../../../../src/api/routes/classes.types.ts';
import { LoadError } from '../../components.tsx';
import { formatDate } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { areaName, CERTIFICATE_NAMES, CLASS_STATUS_NAMES, LEVEL_NAMES, nameOf, PROGRAM_NAMES } from '../../labels.ts';

export function ClassSummary({ classId }: { classId: string }) {
  const { data, error, loading, reload } = useApi<ClassView>(`/classes/${encodeURIComponent(classId)}`);
  if (error) return <LoadError error={error} what="培训班" onRetry={reload} />;
  if (loading || !data) return <Skeleton active />;
  const total = data.sessions.reduce((s, x) => s + x.hours, 0);
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="培训项目">{nameOf(PROGRAM_NAMES, data.program)}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag>{nameOf(CLASS_STATUS_NAMES, data.status)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="职业（工种）">
          {data.occupationCode ?? '—'} {data.level ? nameOf(LEVEL_NAMES, data.level) : ''}
        </Descriptions.Item>
        <Descriptions.Item label="培训期间">
          {formatDate(data.startDate)}—{formatDate(data.endDate)}
        </Descriptions.Item>
        <Descriptions.Item label="培训机构">{data.providerId}</Descriptions.Item>
        <Descriptions.Item label="地区">{areaName(data.areaCode)}</Descriptions.Item>
        <Descriptions.Item label="地点">{data.venue}</Descriptions.Item>
        <Descriptions.Item label="计划学时">
          {data.hours}（已排课 {total}）
        </Descriptions.Item>
      </Descriptions>
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="residentId"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 620 }}
        dataSource={data.trainees}
        columns={[
          { title: '姓名', dataIndex: 'name', key: 'name', width: 90 },
          {
            title: '身份证号',
            dataIndex: 'residentId',
            key: 'residentId',
            width: 180,
            render: (r: string) => <span style={{ fontFamily: 'monospace' }}>{r}</span>,
          },
          { title: '出勤学时', dataIndex: 'hoursPresent', key: 'hoursPresent', width: 90 },
          {
            title: '考核',
            dataIndex: 'qualified',
            key: 'qualified',
            width: 90,
            render: (q: boolean | null) => (q == null ? '未考核' : q ? <Tag color="success">合格</Tag> : <Tag color="error">不合格</Tag>),
          },
          {
            title: '证书',
            key: 'cert',
            render: (_: unknown, t) =>
              data.certificates
                .filter((c) => c.residentId === t.residentId)
                .map((c) => `${nameOf(CERTIFICATE_NAMES, c.type)} ${c.number}`)
                .join('；') || '—',
          },
        ]}
      />
    </>
  );
}
