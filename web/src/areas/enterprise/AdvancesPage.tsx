// 预付资金 (§4.1, §4.9): the advances paid on the enterprise's apprenticeship plans (or a provider's
// projects), what final claims deducted, what was recovered, and what is left to settle.
import { Alert, Form, Select, Space, Table, Tag, type TableProps } from 'antd';
import type { TMyAdvance as MyAdvance } from '../../../../src/api/routes/my-records.types.ts';
import { LoadError } from '../../components.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';
import { ADVANCE_STATUS_NAMES, nameOf } from '../../labels.ts';
import { ListFilters, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { ListHeader, options, RequireRole } from '../trainee/party-ui.tsx';

const FILTERS = ['status'] as const;
const SORTABLE = { paidAt: 'paidAt', amountFen: 'amount', status: 'status' };
const KIND = { apprenticeship: '企业新型学徒制（§4.1）', project: '项目制培训（§4.9）' };
const yuan = (fen: number) => fen / 100;

const EXPORT: ExportColumn<MyAdvance>[] = [
  { title: '计划或项目编号', value: (a) => a.subjectNumber ?? '', width: 26 },
  { title: '类别', value: (a) => nameOf(KIND, a.kind), width: 24 },
  { title: '对象', value: (a) => a.subjectLabel, width: 36 },
  { title: '预付金额（元）', value: (a) => yuan(a.amountFen), width: 16 },
  { title: '已抵扣（元）', value: (a) => yuan(a.deductedFen), width: 16 },
  { title: '已追回（元）', value: (a) => yuan(a.recoveredFen), width: 16 },
  { title: '待结算（元）', value: (a) => yuan(a.outstandingFen), width: 16 },
  { title: '状态', value: (a) => nameOf(ADVANCE_STATUS_NAMES, a.status), width: 16 },
];

export default function AdvancesPage() {
  return (
    <RequireRole roles={['enterprise', 'provider']}>
      <Advances />
    </RequireRole>
  );
}

function Advances() {
  const list = useServerList<MyAdvance>('/my/advances', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const columns: TableProps<MyAdvance>['columns'] = [
    { title: '类别', dataIndex: 'kind', key: 'kind', width: 180, render: (k: string) => nameOf(KIND, k) },
    { title: '对象', dataIndex: 'subjectLabel', key: 'subjectLabel', ellipsis: true },
    {
      title: '预付金额',
      dataIndex: 'amountFen',
      key: 'amountFen',
      width: 120,
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrder('amountFen'),
      render: formatMoney,
    },
    { title: '已抵扣', dataIndex: 'deductedFen', key: 'deductedFen', width: 110, align: 'right', render: formatMoney },
    { title: '已追回', dataIndex: 'recoveredFen', key: 'recoveredFen', width: 110, align: 'right', render: formatMoney },
    {
      title: '待结算',
      dataIndex: 'outstandingFen',
      key: 'outstandingFen',
      width: 110,
      align: 'right',
      render: (f: number) => <strong>{formatMoney(f)}</strong>,
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 130,
      sorter: true,
      sortOrder: list.sortOrder('status'),
      render: (s: string) => (
        <Tag color={s === 'paid' ? 'gold' : s === 'settled' ? 'success' : 'error'}>{nameOf(ADVANCE_STATUS_NAMES, s)}</Tag>
      ),
    },
    {
      title: '预付时间',
      dataIndex: 'paidAt',
      key: 'paidAt',
      width: 170,
      sorter: true,
      sortOrder: list.sortOrder('paidAt'),
      render: formatDateTime,
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="预付资金">
        <ExportButton path="/my/advances" query={list.query} columns={EXPORT} fileName="预付资金" />
      </ListHeader>
      <Alert
        type="info"
        showIcon
        title="学徒制培训（§4.1）和项目制培训（§4.9）可预付不超过 50% 的补贴，在最终核定的补贴中抵扣；学徒中途退出或考核不合格的，预付资金予以追回。"
      />
      <ListFilters form={form} list={list}>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 160 }} options={options(ADVANCE_STATUS_NAMES)} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="预付资金" onRetry={list.reload} />
      ) : (
        <Table<MyAdvance>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          columns={columns}
          scroll={{ x: 1100 }}
          locale={{ emptyText: '暂无预付资金' }}
        />
      )}
    </Space>
  );
}
