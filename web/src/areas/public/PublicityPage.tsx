// 公示 (public, no login): publicity notices, current (公示中, or paused by an objection) and past,
// filtered and paged on the server; each opens with its claims (names masked).
import { Form, Input, Segmented, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { Link } from 'react-router';
import { LoadError } from '../../components.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { areaName } from '../../labels.ts';
import { AreaFilter, ExportButton, ListFilters, useServerList, type ExportColumn } from '../../list.tsx';
import type { TPublicNoticeView as PublicNoticeView } from '../../../../src/api/routes/public-info.types.ts';
import { NOTICE_STATUS_NAMES, type NoticeStatus } from '../../../../src/vocabulary/statuses.ts';

const FILTERS = ['state', 'areaCode', 'title'] as const;
const SORTABLE: Record<string, string> = { startsOn: 'startsOn', endsOn: 'endsOn', title: 'title' };

const EXPORT: ExportColumn<PublicNoticeView>[] = [
  { title: '公示标题', value: (n) => n.title, width: 36 },
  { title: '地区', value: (n) => n.areaName ?? areaName(n.areaCode) },
  { title: '公示开始', value: (n) => n.startsOn, width: 14 },
  { title: '公示结束', value: (n) => n.endsOn, width: 14 },
  { title: '工作日', value: (n) => n.workingDays },
  { title: '状态', value: (n) => NOTICE_STATUS_NAMES[n.status] ?? n.status, width: 18 },
  { title: '申领笔数', value: (n) => n.claims },
  { title: '金额合计（元）', value: (n) => n.totalFen / 100, width: 16 },
];

export function NoticeStatusTag({ status }: { status: NoticeStatus }) {
  return <Tag color={status === 'open' ? 'gold' : status === 'paused' ? 'orange' : 'default'}>{NOTICE_STATUS_NAMES[status] ?? status}</Tag>;
}

export default function PublicityPage() {
  const list = useServerList<PublicNoticeView>('/public/notices', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const state = list.state.filters.state ?? 'all';
  const columns: TableProps<PublicNoticeView>['columns'] = [
    {
      title: '公示标题',
      dataIndex: 'title',
      key: 'title',
      width: 260,
      sorter: true,
      sortOrder: list.sortOrder('title'),
      render: (t: string, n) => <Link to={`/publicity/${encodeURIComponent(n.id)}`}>{t}</Link>,
    },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 90, render: (a: string, n) => n.areaName ?? areaName(a) },
    {
      title: '公示期',
      dataIndex: 'startsOn',
      key: 'startsOn',
      width: 250,
      sorter: true,
      sortOrder: list.sortOrder('startsOn'),
      render: (_: unknown, n) => `${formatDate(n.startsOn)} 至 ${formatDate(n.endsOn)}（${n.workingDays}个工作日）`,
    },
    { title: '状态', dataIndex: 'status', key: 'status', width: 150, render: (s: NoticeStatus) => <NoticeStatusTag status={s} /> },
    { title: '申领', dataIndex: 'claims', key: 'claims', width: 70, align: 'right' },
    { title: '金额合计', dataIndex: 'totalFen', key: 'totalFen', width: 130, align: 'right', render: formatMoney },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          补贴公示
        </Typography.Title>
        <ExportButton path="/public/notices" query={list.query} columns={EXPORT} fileName="补贴公示" />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        对公示中的申领有异议的，可在公示期内向所在地人社部门提出；异议处理期间公示暂停，工作日不计。
      </Typography.Paragraph>
      <Segmented
        aria-label="当前或往期"
        value={state}
        onChange={(v) => list.setFilters({ ...list.state.filters, state: v === 'all' ? undefined : String(v) })}
        options={[
          { value: 'all', label: '全部' },
          { value: 'current', label: '当前公示' },
          { value: 'past', label: '往期公示' },
        ]}
      />
      <ListFilters
        form={form}
        list={list}
        name="publicity-1"
        fromForm={(v: Record<string, unknown>) => ({ ...v, state: list.state.filters.state })}
      >
        <AreaFilter city />
        <Form.Item label="标题" name="title">
          <Input allowClear maxLength={100} style={{ width: 180 }} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="公示" onRetry={list.reload} />
      ) : (
        <Table<PublicNoticeView> rowKey="id" size="middle" {...list.tableProps} columns={columns} tableLayout="fixed" scroll={{ x: 950 }} />
      )}
    </Space>
  );
}
