// 支付批次: what can be paid (approved claims reserved in a fund and in no batch yet, by area × fund)
// with 编制支付批次 for each — shown only to a login with the 经办 duty (the server's allowedActs), and
// confirmed first with the count and total — and the batches of the office's slice with their progress.
import type { TPayableGroupPage } from '../../../../src/api/routes/review.types.ts';
import type { TBuiltBatch } from '../../../../src/api/routes/payments.types.ts';
import { Button, Card, Form, Popconfirm, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { areaName, nameOf } from '../../labels.ts';
import { AreaFilter, ExportButton, ListFilters, RowsExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import {
  BATCH_STATUS_NAMES,
  FUND_SOURCE_NAMES,
  options,
  post,
  reviewPage,
  useAction,
  type BatchSummary,
  type Fund,
  type PayableGroup,
} from './shared.tsx';

const FILTERS = ['status', 'areaCode'] as const;
const SORTABLE: Record<string, string> = { createdAt: 'createdAt', totalFen: 'total' };
const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  confirmed: 'processing',
  paying: 'warning',
  paid: 'success',
  cancelled: 'error',
};

export function BatchStatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{nameOf(BATCH_STATUS_NAMES, status)}</Tag>;
}

/** Fund ids → 2020年职业技能提升行动专账资金 (from GET /funds). */
export function useFundNames(): (id: string) => string {
  const funds = useApi<Fund[]>('/funds');
  return useMemo(() => {
    const byId = new Map((funds.data ?? []).map((f) => [f.id, `${f.year}年${FUND_SOURCE_NAMES[f.source] ?? f.source}`]));
    return (id: string) => byId.get(id) ?? id;
  }, [funds.data]);
}

function Payments() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const fundName = useFundNames();
  const payable = useApi<TPayableGroupPage>('/review/payable');
  const list = useServerList<BatchSummary>('/review/payment-batches', FILTERS, SORTABLE);
  const { error, reload, sortOrder } = list;
  const [form] = Form.useForm();
  const build = useAction();

  const exportColumns: ExportColumn<BatchSummary>[] = [
    { title: '批次编号', value: (b) => b.number, width: 26 },
    { title: '地区', value: (b) => areaName(b.areaCode) },
    { title: '资金', value: (b) => fundName(b.fundId), width: 30 },
    { title: '状态', value: (b) => nameOf(BATCH_STATUS_NAMES, b.status), width: 16 },
    { title: '笔数', value: (b) => b.items },
    { title: '已付笔数', value: (b) => b.paid },
    { title: '合计（元）', value: (b) => b.totalFen / 100, width: 16 },
    { title: '已付（元）', value: (b) => b.paidFen / 100, width: 16 },
    { title: '编制人', value: (b) => b.createdBy, width: 18 },
  ];

  const payableExport: ExportColumn<PayableGroup>[] = [
    { title: '地区', value: (g) => areaName(g.areaCode) },
    { title: '资金', value: (g) => fundName(g.fundId), width: 30 },
    { title: '已批准待支付（笔）', value: (g) => g.claims, width: 18 },
    { title: '合计（元）', value: (g) => g.totalFen / 100, width: 16 },
  ];
  const groupColumns: TableProps<PayableGroup>['columns'] = [
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 100, render: areaName },
    { title: '资金', dataIndex: 'fundId', key: 'fundId', render: fundName },
    { title: '已批准待支付', dataIndex: 'claims', key: 'claims', width: 120, align: 'right', render: (n: number) => `${n} 笔` },
    { title: '合计', dataIndex: 'totalFen', key: 'totalFen', width: 140, align: 'right', render: formatMoney },
    {
      title: '操作',
      key: 'act',
      width: 130,
      render: (_: unknown, g) =>
        g.allowedActs.includes('build') ? (
          <Popconfirm
            title="编制支付批次？"
            description={
              <span data-testid="build-confirm-text">{`将${areaName(g.areaCode)}「${fundName(g.fundId)}」的 ${g.claims} 笔已批准申领编入一个支付批次，合计 ${formatMoney(g.totalFen)}。批次须由另一位有复核职责的人员确认后才能支付。`}</span>
            }
            okText="是，编制"
            cancelText="取消"
            onConfirm={() =>
              build.run(
                `${g.areaCode}|${g.fundId}`,
                () => post<TBuiltBatch>('/payment-batches', { areaCode: g.areaCode, fundId: g.fundId }),
                (r) => {
                  navigate(`/review/payments/${encodeURIComponent(r.id)}`);
                  return `已编制支付批次：${r.claims} 笔，合计 ${formatMoney(r.totalFen)}`;
                },
              )
            }
          >
            <Button
              size="small"
              type="primary"
              loading={build.running === `${g.areaCode}|${g.fundId}`}
              disabled={build.running !== null}
              aria-label={`编制支付批次：${areaName(g.areaCode)} ${fundName(g.fundId)}`}
            >
              编制支付批次
            </Button>
          </Popconfirm>
        ) : (
          <Typography.Text type="secondary">待经办人员编制</Typography.Text>
        ),
    },
  ];
  const columns: TableProps<BatchSummary>['columns'] = [
    {
      title: '批次编号',
      dataIndex: 'number',
      key: 'number',
      width: 200,
      render: (n: string, b) => <Link to={`/review/payments/${encodeURIComponent(b.id)}`}>{n}</Link>,
    },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 80, render: areaName },
    { title: '资金', dataIndex: 'fundId', key: 'fundId', width: 230, render: fundName },
    { title: '状态', dataIndex: 'status', key: 'status', width: 140, render: (s: string) => <BatchStatusTag status={s} /> },
    { title: '已付 / 笔数', key: 'progress', width: 110, align: 'right', render: (_: unknown, b) => `${b.paid} / ${b.items}` },
    {
      title: '合计',
      dataIndex: 'totalFen',
      key: 'totalFen',
      width: 140,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('totalFen'),
      render: formatMoney,
    },
    {
      title: '编制时间',
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 160,
      sorter: true,
      sortOrder: sortOrder('createdAt'),
      render: formatDateTime,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        支付批次
      </Typography.Title>
      <Card
        size="small"
        title="可编入支付批次的已批准申领"
        extra={
          <RowsExportButton
            rows={payable.data?.items ?? []}
            columns={payableExport}
            fileName="待编入支付批次的已批准申领"
            sheetName="待支付汇总"
          />
        }
      >
        {payable.error ? (
          <LoadError error={payable.error} what="待支付申领" onRetry={payable.reload} />
        ) : (
          <Table<PayableGroup>
            rowKey={(g) => `${g.areaCode}|${g.fundId}`}
            size="small"
            loading={payable.loading}
            columns={groupColumns}
            dataSource={payable.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: '没有待编入批次的已批准申领' }}
            scroll={{ x: 700 }}
            aria-label="可编入支付批次的申领"
          />
        )}
      </Card>
      <Card
        size="small"
        title="支付批次"
        extra={<ExportButton path="/review/payment-batches" query={list.query} columns={exportColumns} fileName="支付批次" />}
      >
        <ListFilters form={form} list={list} bare style={{ marginBottom: 12 }}>
          <Form.Item label="状态" name="status">
            <Select allowClear placeholder="全部" style={{ width: 160 }} options={options(BATCH_STATUS_NAMES)} />
          </Form.Item>
          {me?.role === 'city' && <AreaFilter city />}
        </ListFilters>
        {error ? (
          <LoadError error={error} what="支付批次" onRetry={reload} />
        ) : (
          <Table<BatchSummary> rowKey="id" size="middle" {...list.tableProps} columns={columns} tableLayout="fixed" scroll={{ x: 1060 }} />
        )}
      </Card>
    </Space>
  );
}

export default reviewPage(Payments);
