// 一则公示 (public): the notice and its claims as the public may see them — the name to the surname,
// the resident ID masked, the program, the amount and who is paid.
import { Descriptions, Form, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { Link, useParams } from 'react-router';
import { ClaimStatusTag, LoadError } from '../../components.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { APPLICANT_NAMES, areaName, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { ListFilters, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { useApi } from '../../hooks.ts';
import type {
  TPublicNoticeClaimView as PublicNoticeClaimView,
  TPublicNoticeView as PublicNoticeView,
} from '../../../../src/api/routes/public-info.types.ts';
import { NoticeStatusTag } from './PublicityPage.tsx';

const FILTERS = ['program'] as const;
const SORTABLE: Record<string, string> = { number: 'number', program: 'program', amountFen: 'amount' };
const PAYEE_NAMES: Record<string, string> = { ...APPLICANT_NAMES, individual: '本人' };
const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));
const EXPORT: ExportColumn<PublicNoticeClaimView>[] = [
  { title: '申领编号', value: (c) => c.number, width: 24 },
  { title: '姓名', value: (c) => c.name },
  { title: '身份证号', value: (c) => c.residentId, width: 22 },
  { title: '培训项目', value: (c) => nameOf(PROGRAM_NAMES, c.program), width: 22 },
  { title: '地区', value: (c) => areaName(c.areaCode) },
  { title: '补贴金额（元）', value: (c) => (c.amountFen == null ? null : c.amountFen / 100), width: 16 },
  { title: '支付对象', value: (c) => nameOf(PAYEE_NAMES, c.payee) },
];

export default function NoticePage() {
  const { id = '' } = useParams();
  const path = `/public/notices/${encodeURIComponent(id)}`;
  const notice = useApi<PublicNoticeView>(path);
  const list = useServerList<PublicNoticeClaimView>(`${path}/claims`, FILTERS, SORTABLE);
  const [form] = Form.useForm();
  if (notice.error) return <LoadError error={notice.error} what="公示" onRetry={notice.reload} />;
  const n = notice.data;
  const columns: TableProps<PublicNoticeClaimView>['columns'] = [
    { title: '申领编号', dataIndex: 'number', key: 'number', width: 200, sorter: true, sortOrder: list.sortOrder('number') },
    { title: '姓名', dataIndex: 'name', key: 'name', width: 80 },
    {
      title: '身份证号',
      dataIndex: 'residentId',
      key: 'residentId',
      width: 180,
      render: (r: string) => <span style={{ fontFamily: 'monospace' }}>{r}</span>,
    },
    {
      title: '培训项目',
      dataIndex: 'program',
      key: 'program',
      width: 170,
      sorter: true,
      sortOrder: list.sortOrder('program'),
      render: (p: string) => nameOf(PROGRAM_NAMES, p),
    },
    {
      title: '补贴金额',
      dataIndex: 'amountFen',
      key: 'amountFen',
      width: 120,
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrder('amountFen'),
      render: formatMoney,
    },
    { title: '支付对象', dataIndex: 'payee', key: 'payee', width: 90, render: (p: string | null) => nameOf(PAYEE_NAMES, p) },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 130,
      render: (s: string, c) => (
        <Space size={4}>
          <ClaimStatusTag status={s} />
          {c.objected && <Tag color="orange">有异议</Tag>}
        </Space>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/publicity">← 返回公示列表</Link>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {n?.title ?? '公示'}
        </Typography.Title>
        <ExportButton path={`${path}/claims`} query={list.query} columns={EXPORT} fileName={`公示-${n?.title ?? id}`} />
      </Space>
      {n && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="地区">{n.areaName ?? areaName(n.areaCode)}</Descriptions.Item>
          <Descriptions.Item label="公示期">
            {formatDate(n.startsOn)} 至 {formatDate(n.endsOn)}（{n.workingDays}个工作日）
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <NoticeStatusTag status={n.status} />
          </Descriptions.Item>
          <Descriptions.Item label="申领笔数">{n.claims}</Descriptions.Item>
          <Descriptions.Item label="金额合计">{formatMoney(n.totalFen)}</Descriptions.Item>
          <Descriptions.Item label="异议">{n.objections} 件</Descriptions.Item>
        </Descriptions>
      )}
      <ListFilters form={form} list={list} name="notice-1">
        <Form.Item label="培训项目" name="program">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部"
            style={{ width: 200 }}
            options={options(PROGRAM_NAMES)}
          />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="公示申领" onRetry={list.reload} />
      ) : (
        <Table<PublicNoticeClaimView>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          columns={columns}
          tableLayout="fixed"
          scroll={{ x: 940 }}
        />
      )}
    </Space>
  );
}
