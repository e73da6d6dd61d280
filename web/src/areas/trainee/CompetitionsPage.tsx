// 我的竞赛成绩: the skills-competition results recorded in the trainee's name (§5.4; the city records
// them), beside their trainings and certificates, newest first, with an export.
import type { TMyCompetitionResults } from '../../../../src/api/routes/training-bases.types.ts';
import { Space, Table, Tag, type TableProps } from 'antd';
import { LoadError } from '../../components.tsx';
import { formatDate, withCode } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { RowsExportButton, type ExportColumn } from '../../list.tsx';
import { ListHeader, RequireRole } from './party-ui.tsx';

type MyCompetitionResult = TMyCompetitionResults['items'][number];

const EXPORT: ExportColumn<MyCompetitionResult>[] = [
  { title: '竞赛名称', value: (r) => r.competition, width: 30 },
  { title: '竞赛日期', value: (r) => formatDate(r.heldOn), width: 16 },
  { title: '职业（工种）', value: (r) => withCode(r.occupationName, r.occupationCode), width: 24 },
  { title: '主办单位', value: (r) => r.organiser, width: 24 },
  { title: '名次', value: (r) => (r.rank == null ? '' : `第 ${r.rank} 名`), width: 10 },
  { title: '奖项', value: (r) => r.award, width: 16 },
];

export default function CompetitionsPage() {
  return (
    <RequireRole roles={['trainee']}>
      <MyCompetitions />
    </RequireRole>
  );
}

export function MyCompetitions() {
  const loaded = useApi<TMyCompetitionResults>('/my/competition-results');
  const columns: TableProps<MyCompetitionResult>['columns'] = [
    { title: '竞赛名称', dataIndex: 'competition', key: 'competition', width: 240 },
    { title: '竞赛日期', dataIndex: 'heldOn', key: 'heldOn', width: 140, render: formatDate },
    {
      title: '职业（工种）',
      key: 'occupation',
      width: 200,
      render: (_: unknown, r) => withCode(r.occupationName, r.occupationCode),
    },
    { title: '主办单位', dataIndex: 'organiser', key: 'organiser', width: 160 },
    { title: '名次', dataIndex: 'rank', key: 'rank', width: 90, render: (v: number | null) => (v == null ? '—' : `第 ${v} 名`) },
    { title: '奖项', dataIndex: 'award', key: 'award', width: 120, render: (v: string) => <Tag color="gold">{v}</Tag> },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="我的竞赛成绩">
        <RowsExportButton rows={loaded.data?.items ?? []} columns={EXPORT} fileName="我的竞赛成绩" sheetName="竞赛成绩" />
      </ListHeader>
      {loaded.error ? (
        <LoadError error={loaded.error} what="竞赛成绩" onRetry={loaded.reload} />
      ) : (
        <Table<MyCompetitionResult>
          rowKey={(r) => `${r.competition}|${r.heldOn}`}
          size="middle"
          loading={loaded.loading}
          dataSource={loaded.data?.items ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 950 }}
          locale={{ emptyText: '暂无竞赛成绩' }}
          aria-label="我的竞赛成绩"
        />
      )}
    </Space>
  );
}
