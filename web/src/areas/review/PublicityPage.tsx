// 公示管理: the office's publicity notices (paged, filtered on the server), each with its working-day
// end date, claims and open objections; 发布公示 builds a new one from reviewed claims.
import { Button, Form, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { formatDate } from '../../format.ts';
import { areaName, nameOf } from '../../labels.ts';
import { ListFilters, AreaFilter, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { NOTICE_STATUS_NAMES, options, reviewPage, type NoticeSummary } from './shared.tsx';

const FILTERS = ['status', 'areaCode'] as const;
const SORTABLE: Record<string, string> = { startsOn: 'startsOn', endsOn: 'endsOn' };
const STATUS_COLORS: Record<string, string> = { open: 'processing', paused: 'warning', closed: 'default' };

const EXPORT: ExportColumn<NoticeSummary>[] = [
  { title: '公示编号', value: (n) => n.number, width: 26 },
  { title: '标题', value: (n) => n.title, width: 40 },
  { title: '地区', value: (n) => areaName(n.areaCode) },
  { title: '开始日期', value: (n) => formatDate(n.startsOn), width: 16 },
  { title: '工作日', value: (n) => n.workingDays },
  { title: '结束日期', value: (n) => formatDate(n.endsOn), width: 16 },
  { title: '状态', value: (n) => nameOf(NOTICE_STATUS_NAMES, n.status) },
  { title: '申领笔数', value: (n) => n.claims },
  { title: '异议（未处理）', value: (n) => `${n.objections}（${n.openObjections}）`, width: 16 },
];

export function NoticeStatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{nameOf(NOTICE_STATUS_NAMES, status)}</Tag>;
}

function Publicity() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const list = useServerList<NoticeSummary>('/review/publicity-notices', FILTERS, SORTABLE);
  const { error, reload, sortOrder } = list;
  const [form] = Form.useForm();

  const columns: TableProps<NoticeSummary>['columns'] = [
    {
      title: '标题',
      dataIndex: 'title',
      key: 'title',
      ellipsis: { showTitle: true },
      render: (t: string, n) => <Link to={`/review/publicity/${encodeURIComponent(n.id)}`}>{t}</Link>,
    },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 80, render: areaName },
    {
      title: '开始',
      dataIndex: 'startsOn',
      key: 'startsOn',
      width: 130,
      sorter: true,
      sortOrder: sortOrder('startsOn'),
      render: formatDate,
    },
    { title: '工作日', dataIndex: 'workingDays', key: 'workingDays', width: 70, align: 'right' },
    {
      title: '结束（按工作日）',
      dataIndex: 'endsOn',
      key: 'endsOn',
      width: 140,
      sorter: true,
      sortOrder: sortOrder('endsOn'),
      render: formatDate,
    },
    { title: '状态', dataIndex: 'status', key: 'status', width: 100, render: (s: string) => <NoticeStatusTag status={s} /> },
    { title: '申领', dataIndex: 'claims', key: 'claims', width: 70, align: 'right' },
    {
      title: '异议（未处理）',
      key: 'objections',
      width: 120,
      align: 'right',
      render: (_: unknown, n) =>
        n.openObjections ? (
          <Tag color="warning">
            {n.objections}（{n.openObjections}）
          </Tag>
        ) : (
          n.objections
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          公示管理
        </Typography.Title>
        <Space>
          <Button type="primary" onClick={() => navigate('/review/publicity/new')}>
            发布公示
          </Button>
          <ExportButton path="/review/publicity-notices" query={list.query} columns={EXPORT} fileName="公示" />
        </Space>
      </Space>
      <ListFilters form={form} list={list}>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 130 }} options={options(NOTICE_STATUS_NAMES)} />
        </Form.Item>
        {me?.role === 'city' && <AreaFilter city />}
      </ListFilters>
      {error ? (
        <LoadError error={error} what="公示" onRetry={reload} />
      ) : (
        <Table<NoticeSummary> rowKey="id" size="middle" {...list.tableProps} columns={columns} tableLayout="fixed" scroll={{ x: 980 }} />
      )}
    </Space>
  );
}

export default reviewPage(Publicity);
