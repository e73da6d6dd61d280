// 支付记录: the payments on the claims in the user's own name (a trainee's, an enterprise's, a
// provider's), with who was paid — a §4.6 subsidy for a free-group trainee goes to the institution.
import { Form, Select, Space, Table, type TableProps } from 'antd';
import { Link } from 'react-router';
import type { TMyPayment as MyPayment } from '../../../../src/api/routes/my-records.types.ts';
import { LoadError } from '../../components.tsx';
import { formatDate, formatDateTime, formatMoney } from '../../format.ts';
import { APPLICANT_NAMES, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { ListFilters, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { ListHeader, options, RequireRole } from './party-ui.tsx';
import { PayeeAccountCard } from '../../payee-account.tsx';
import { useAuth } from '../../auth.tsx';

const FILTERS = ['program'] as const;
const SORTABLE = { paidAt: 'paidAt', amountFen: 'amount' };

const EXPORT: ExportColumn<MyPayment>[] = [
  { title: '申领编号', value: (p) => p.claimNumber, width: 44 },
  { title: '培训项目', value: (p) => nameOf(PROGRAM_NAMES, p.program), width: 24 },
  { title: '身份证号', value: (p) => p.residentId, width: 22 },
  { title: '培训期间', value: (p) => `${formatDate(p.startDate)}—${formatDate(p.endDate)}`, width: 30 },
  { title: '收款方', value: (p) => nameOf(APPLICANT_NAMES, p.payee) },
  { title: '支付金额（元）', value: (p) => p.amountFen / 100, width: 16 },
  { title: '支付批次', value: (p) => p.batchNumber, width: 26 },
  { title: '支付时间', value: (p) => formatDateTime(p.paidAt), width: 22 },
];

export default function PaymentsPage() {
  return (
    <RequireRole roles={['trainee', 'enterprise', 'provider']}>
      <Payments />
    </RequireRole>
  );
}

function Payments() {
  const { me } = useAuth();
  const list = useServerList<MyPayment>('/my/payments', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const columns: TableProps<MyPayment>['columns'] = [
    {
      title: '申领',
      dataIndex: 'claimId',
      key: 'claimId',
      width: 150,
      ellipsis: { showTitle: true },
      render: (id: string, p) => <Link to={`/claims/${encodeURIComponent(id)}`}>{p.claimNumber}</Link>,
    },
    { title: '培训项目', dataIndex: 'program', key: 'program', width: 170, render: (p: string) => nameOf(PROGRAM_NAMES, p) },
    {
      title: '身份证号',
      dataIndex: 'residentId',
      key: 'residentId',
      width: 180,
      render: (r: string) => <span style={{ fontFamily: 'monospace' }}>{r}</span>,
    },
    { title: '培训期间', key: 'period', width: 240, render: (_: unknown, p) => `${formatDate(p.startDate)}—${formatDate(p.endDate)}` },
    { title: '收款方', dataIndex: 'payee', key: 'payee', width: 90, render: (p: string) => nameOf(APPLICANT_NAMES, p) },
    {
      title: '支付金额',
      dataIndex: 'amountFen',
      key: 'amountFen',
      width: 120,
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrder('amountFen'),
      render: formatMoney,
    },
    {
      title: '支付时间',
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
      <ListHeader title="支付记录">
        <ExportButton path="/my/payments" query={list.query} columns={EXPORT} fileName="支付记录" />
      </ListHeader>
      {me?.role === 'trainee' && me.residentId && <PayeeAccountCard payee="individual" payeeRef={me.residentId} holderName="" />}
      {me?.role === 'enterprise' && me.enterpriseUscc && (
        <PayeeAccountCard payee="enterprise" payeeRef={me.enterpriseUscc} holderName={me.displayName} />
      )}
      <ListFilters form={form} list={list}>
        <Form.Item label="培训项目" name="program">
          <Select allowClear placeholder="全部" style={{ width: 220 }} options={options(PROGRAM_NAMES)} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="支付记录" onRetry={list.reload} />
      ) : (
        <Table<MyPayment>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          columns={columns}
          scroll={{ x: 1120 }}
          locale={{ emptyText: '暂无支付记录' }}
        />
      )}
    </Space>
  );
}
