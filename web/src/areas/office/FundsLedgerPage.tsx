// 资金与台账 (§5.2): each fund by source and year — budget, reserved, paid, advanced, recovered,
// remaining — and, for the fund chosen, its ledger: every reservation, payment, advance and recovery,
// paged, filtered by kind, exported. The city registers a year's fund; an advance still unsettled
// (apprentice failed or quit) is recovered here with a reason.
import type { TFundBalance } from '../../../../src/api/routes/funds.types.ts';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography, message, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { ADVANCE_STATUS_NAMES, areaName, nameOf } from '../../labels.ts';
import { ExportButton, ListFilters, useServerList, type ExportColumn } from '../../list.tsx';
import { ListHeader, options, RequireRole } from '../trainee/party-ui.tsx';
import { FormDialog, yuanToFen } from './shared.tsx';
import type { TLedgerEntry } from '../../../../src/api/routes/funds.types.ts';

type Fund = TFundBalance;
/** A movement as GET /funds/:id/ledger sends it (inferred from the route's schema). */
type Entry = TLedgerEntry;

const SOURCE_NAMES: Record<string, string> = { special_action: '职业技能提升行动专账资金', employment_fund: '就业创业补助资金' };
const KIND_NAMES: Record<string, string> = { reservation: '批准预留', payment: '支付', advance: '预付', recovery: '追回' };
const KIND_COLORS: Record<string, string> = { reservation: 'blue', payment: 'green', advance: 'orange', recovery: 'purple' };
const RESERVATION_NAMES: Record<string, string> = { reserved: '已预留', paid: '已支付', released: '已释放' };
const statusName = (e: Entry) =>
  e.status == null ? '' : e.kind === 'advance' ? nameOf(ADVANCE_STATUS_NAMES, e.status) : nameOf(RESERVATION_NAMES, e.status);
const isClaim = (e: Entry) => e.kind === 'reservation' || e.kind === 'payment' || (e.kind === 'recovery' && e.subject == null);
/** A claim by its number; an advance by the plan (XT-…) or project (XM-…) it was paid for. */
const refText = (e: Entry) => (isClaim(e) ? (e.refNumber ?? '') : e.refNumber ? `预付：${e.refNumber}` : '预付');
const EXPORT: ExportColumn<Entry>[] = [
  { title: '时间', value: (e) => formatDateTime(e.at), width: 20 },
  { title: '类别', value: (e) => nameOf(KIND_NAMES, e.kind) },
  { title: '申领编号或预付对象', value: (e) => refText(e), width: 30 },
  { title: '支付批次', value: (e) => e.subjectNumber ?? '', width: 26 },
  { title: '金额（元）', value: (e) => e.amountFen / 100, width: 14 },
  { title: '状态', value: statusName },
  { title: '地区', value: (e) => areaName(e.areaCode) },
  { title: '经办', value: (e) => e.by ?? '', width: 20 },
  { title: '说明', value: (e) => e.note ?? '', width: 30 },
];

export default function FundsLedgerPage() {
  return (
    <RequireRole roles={['city', 'county']}>
      <Funds />
    </RequireRole>
  );
}

function Ledger({ fund }: { fund: Fund }) {
  const list = useServerList<Entry>(`/funds/${encodeURIComponent(fund.id)}/ledger`, ['kind'] as const, {});
  const [form] = Form.useForm();
  const [recovering, setRecovering] = useState<Entry | null>(null);
  const columns: TableProps<Entry>['columns'] = [
    { title: '时间', dataIndex: 'at', key: 'at', width: 170, render: formatDateTime },
    {
      title: '类别',
      dataIndex: 'kind',
      key: 'kind',
      width: 100,
      render: (k: string) => <Tag color={KIND_COLORS[k]}>{nameOf(KIND_NAMES, k)}</Tag>,
    },
    {
      title: '申领或预付',
      dataIndex: 'ref',
      key: 'ref',
      ellipsis: true,
      render: (r: string, e) => (isClaim(e) ? <Link to={`/claims/${encodeURIComponent(r)}`}>{e.refNumber}</Link> : refText(e)),
    },
    { title: '支付批次', dataIndex: 'subjectNumber', key: 'subjectNumber', width: 190, render: (n: string | null) => n ?? '' },
    { title: '金额', dataIndex: 'amountFen', key: 'amountFen', width: 130, align: 'right', render: formatMoney },
    { title: '状态', key: 'status', width: 130, render: (_: unknown, e) => statusName(e) || '—' },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 80, render: areaName },
    { title: '说明', dataIndex: 'note', key: 'note', width: 160, render: (n: string | null) => n ?? '' },
    {
      title: '操作',
      key: 'act',
      width: 90,
      render: (_: unknown, e) =>
        e.kind === 'advance' && (e.status === 'paid' || e.status === 'recovering') ? (
          <Button size="small" danger onClick={() => setRecovering(e)}>
            追回
          </Button>
        ) : null,
    },
  ];
  return (
    <Card
      size="small"
      title={`${fund.year}年${nameOf(SOURCE_NAMES, fund.source)}：台账`}
      extra={
        <ExportButton
          path={`/funds/${encodeURIComponent(fund.id)}/ledger`}
          query={list.query}
          columns={EXPORT}
          fileName={`资金台账-${fund.year}-${nameOf(SOURCE_NAMES, fund.source)}`}
        />
      }
    >
      <ListFilters form={form} list={list} bare style={{ marginBottom: 12 }}>
        <Form.Item label="类别" name="kind">
          <Select allowClear placeholder="全部" style={{ width: 130 }} options={options(KIND_NAMES)} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="资金台账" onRetry={list.reload} />
      ) : (
        <Table<Entry>
          rowKey={(e) => `${e.kind}-${e.ref}-${e.at}`}
          size="small"
          {...list.tableProps}
          columns={columns}
          scroll={{ x: 1200 }}
          aria-label="资金台账"
        />
      )}
      <FormDialog<{ reason: string }>
        open={recovering !== null}
        title="追回预付资金"
        okText="确认追回"
        name="recoverAdvance"
        onClose={() => setRecovering(null)}
        onDone={() => {
          setRecovering(null);
          message.success('已追回');
          list.reload();
        }}
        fields={{ reason: 'reason' }}
        submit={(v) =>
          api(`/advances/${encodeURIComponent(recovering!.ref)}/recover`, { method: 'POST', body: { reason: v.reason.trim() } })
        }
      >
        <Typography.Paragraph>
          预付 {recovering ? formatMoney(recovering.amountFen) : ''}（{recovering?.refNumber}
          ）：学徒考核不合格或中途退出的，追回未结算的预付资金。
        </Typography.Paragraph>
        <Form.Item
          label="追回理由"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请写明追回理由' },
            { max: 2000, message: '不超过 2000 字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormDialog>
    </Card>
  );
}

function Funds() {
  const { me } = useAuth();
  const funds = useApi<Fund[]>('/funds');
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [accountFor, setAccountFor] = useState<Fund | null>(null);
  const fund = funds.data?.find((f) => f.id === (chosen ?? funds.data?.[0]?.id));
  const columns: TableProps<Fund>['columns'] = [
    { title: '资金', key: 'source', render: (_: unknown, f) => `${f.year}年 ${nameOf(SOURCE_NAMES, f.source)}` },
    { title: '预算', dataIndex: 'budgetFen', key: 'budgetFen', align: 'right', render: formatMoney },
    { title: '预留', dataIndex: 'reservedFen', key: 'reservedFen', align: 'right', render: formatMoney },
    { title: '已支付', dataIndex: 'paidFen', key: 'paidFen', align: 'right', render: formatMoney },
    { title: '预付', dataIndex: 'advancedFen', key: 'advancedFen', align: 'right', render: formatMoney },
    { title: '追回', dataIndex: 'recoveredFen', key: 'recoveredFen', align: 'right', render: formatMoney },
    {
      title: '余额',
      dataIndex: 'remainingFen',
      key: 'remainingFen',
      align: 'right',
      render: (v: number) => <Typography.Text strong>{formatMoney(v)}</Typography.Text>,
    },
    {
      title: '付款账户',
      key: 'payer',
      render: (_: unknown, f) => (
        <Space orientation="vertical" size={0}>
          {f.payerAccount ? (
            <span>
              {f.payerAccount.accountName}
              <br />
              <Typography.Text type="secondary">
                {f.payerAccount.bankName} <span style={{ fontFamily: 'monospace' }}>{f.payerAccount.accountNumber}</span>
              </Typography.Text>
            </span>
          ) : (
            <Typography.Text type="warning">未登记（不能生成银行支付文件）</Typography.Text>
          )}
          {me?.role === 'city' && (
            <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setAccountFor(f)}>
              {f.payerAccount ? '变更付款账户' : '登记付款账户'}
            </Button>
          )}
        </Space>
      ),
    },
    {
      title: '',
      key: 'pick',
      width: 90,
      render: (_: unknown, f) => (
        <Button size="small" type={f.id === fund?.id ? 'primary' : 'default'} onClick={() => setChosen(f.id)}>
          看台账
        </Button>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="资金与台账">
        {me?.role === 'city' && (
          <Button type="primary" onClick={() => setCreating(true)}>
            登记年度资金
          </Button>
        )}
      </ListHeader>
      <Typography.Text type="secondary">余额 = 预算 − 预留 − 已支付 − 预付 + 追回（§5.2）。</Typography.Text>
      {funds.error ? (
        <LoadError error={funds.error} what="资金" onRetry={funds.reload} />
      ) : (
        <Table<Fund>
          rowKey="id"
          size="middle"
          loading={funds.loading}
          dataSource={funds.data ?? []}
          columns={columns}
          pagination={false}
          aria-label="资金"
        />
      )}
      {fund && <Ledger key={fund.id} fund={fund} />}
      <FormDialog<{ accountName: string; bankName: string; accountNumber: string }>
        open={accountFor !== null}
        title={accountFor ? `${accountFor.year}年 ${nameOf(SOURCE_NAMES, accountFor.source)}：付款账户` : '付款账户'}
        name="fundPayerAccount"
        onClose={() => setAccountFor(null)}
        onDone={() => {
          setAccountFor(null);
          funds.reload();
        }}
        fields={{ accountName: 'accountName', bankName: 'bankName', accountNumber: 'accountNumber' }}
        initialValues={accountFor?.payerAccount ?? undefined}
        submit={(v) => api(`/funds/${encodeURIComponent(accountFor!.id)}/payer-account`, { method: 'PUT', body: v })}
      >
        <Form.Item label="付款账户名称" name="accountName" rules={[{ required: true, whitespace: true, message: '请填写付款账户名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label="开户行" name="bankName" rules={[{ required: true, whitespace: true, message: '请填写开户行全称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          label="付款账号"
          name="accountNumber"
          rules={[{ required: true, pattern: /^[\d\s-]{12,40}$/, message: '付款账号应为 12–30 位数字' }]}
        >
          <Input maxLength={40} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </FormDialog>
      <FormDialog<{ source: string; year: number; budgetYuan: number }>
        open={creating}
        title="登记年度资金（来源 × 年度）"
        name="createFund"
        onClose={() => setCreating(false)}
        onDone={() => {
          setCreating(false);
          funds.reload();
        }}
        fields={{ source: 'source', year: 'year', budgetFen: 'budgetYuan' }}
        submit={(v) => api('/funds', { method: 'POST', body: { source: v.source, year: v.year, budgetFen: yuanToFen(v.budgetYuan) } })}
      >
        <Form.Item label="资金来源" name="source" rules={[{ required: true, message: '请选择资金来源' }]}>
          <Select options={options(SOURCE_NAMES)} />
        </Form.Item>
        <Space wrap>
          <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label="预算（元）" name="budgetYuan" rules={[{ required: true, message: '请填写预算' }]}>
            <InputNumber min={0} precision={2} style={{ width: 220 }} />
          </Form.Item>
        </Space>
      </FormDialog>
    </Space>
  );
}
