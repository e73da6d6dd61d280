// 补贴拨付: every payment made on a claim of the provider's classes (to the provider, or to the
// enterprise or trainee the plan pays), paged and sorted on the server, exported to Excel.
import { Form, Input, Select, Space, Table, Typography, type TableProps } from 'antd';
import { Link } from 'react-router';
import { LoadError } from '../../components.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';
import { APPLICANT_NAMES, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { RequireAuth } from '../../layout/RequireAuth.tsx';
import { ListFilters, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import type { ProviderPayment } from './types.ts';
import { useAuth } from '../../auth.tsx';
import { PayeeAccountCard } from '../../payee-account.tsx';

const FILTERS = ['program', 'payee', 'classId'] as const;
const SORTABLE: Record<string, string> = { paidAt: 'paidAt', amountFen: 'amount' };
/** Who received the money: the payee kinds are the applicant kinds (R2). */
const PAYEE_NAMES: Record<string, string> = { ...APPLICANT_NAMES, individual: '劳动者本人' };

const EXPORT: ExportColumn<ProviderPayment>[] = [
  { title: '申领编号', value: (p) => p.claimNumber, width: 28 },
  { title: '培训项目', value: (p) => nameOf(PROGRAM_NAMES, p.program), width: 24 },
  { title: '身份证号', value: (p) => p.residentId, width: 22 },
  { title: '收款方', value: (p) => nameOf(PAYEE_NAMES, p.payee) },
  { title: '收款方编号', value: (p) => p.payeeRef, width: 22 },
  { title: '金额（元）', value: (p) => p.amountFen / 100, width: 14 },
  { title: '支付批次', value: (p) => p.batchNumber, width: 26 },
  { title: '支付时间', value: (p) => formatDateTime(p.paidAt), width: 22 },
];

export default function PaymentsPage() {
  return (
    <RequireAuth>
      <PaymentsList />
    </RequireAuth>
  );
}

function PaymentsList() {
  const { me } = useAuth();
  const list = useServerList<ProviderPayment>('/provider-payments', FILTERS, SORTABLE);
  const { error, reload, sortOrder } = list;
  const [form] = Form.useForm();
  const columns: TableProps<ProviderPayment>['columns'] = [
    {
      title: '申领编号',
      dataIndex: 'claimId',
      key: 'claimId',
      width: 160,
      ellipsis: true,
      render: (id: string, p) => <Link to={`/claims/${encodeURIComponent(id)}`}>{p.claimNumber}</Link>,
    },
    { title: '培训项目', dataIndex: 'program', key: 'program', width: 150, render: (p: string) => nameOf(PROGRAM_NAMES, p) },
    {
      title: '身份证号',
      dataIndex: 'residentId',
      key: 'residentId',
      width: 170,
      render: (r: string) => <span style={{ fontFamily: 'monospace' }}>{r}</span>,
    },
    { title: '收款方', dataIndex: 'payee', key: 'payee', width: 100, render: (p: string) => nameOf(PAYEE_NAMES, p) },
    {
      title: '金额',
      dataIndex: 'amountFen',
      key: 'amountFen',
      width: 110,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('amountFen'),
      render: formatMoney,
    },
    {
      title: '支付时间',
      dataIndex: 'paidAt',
      key: 'paidAt',
      width: 160,
      sorter: true,
      sortOrder: sortOrder('paidAt'),
      render: formatDateTime,
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          补贴拨付
        </Typography.Title>
        <ExportButton path="/provider-payments" query={list.query} columns={EXPORT} fileName="补贴拨付" />
      </Space>
      {me?.role === 'provider' && me.providerId && (
        <PayeeAccountCard payee="institution" payeeRef={me.providerId} holderName={me.displayName} />
      )}
      <ListFilters form={form} list={list}>
        <Form.Item label="培训项目" name="program">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 200 }}
            options={Object.entries(PROGRAM_NAMES).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="收款方" name="payee">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 130 }}
            options={Object.entries(PAYEE_NAMES).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="培训班编号" name="classId">
          <Input allowClear maxLength={64} style={{ width: 200 }} />
        </Form.Item>
      </ListFilters>
      {error ? (
        <LoadError error={error} what="拨付记录" onRetry={reload} />
      ) : (
        <Table<ProviderPayment> rowKey="id" size="middle" {...list.tableProps} columns={columns} tableLayout="fixed" scroll={{ x: 850 }} />
      )}
    </Space>
  );
}
