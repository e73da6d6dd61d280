// 支付批次详情: a batch's state and progress, and the acts the server allows this viewer (allowedActs:
// their payment duty, and maker–checker — the builder does not confirm, the confirmer does not pay):
// 确认, 支付 — idempotent: paying again, or after an interruption, pays only the lines not yet paid,
// which the progress shows while it runs — and 取消 a draft with a reason; each asks first, showing the
// count and the total. The bank's list (payee, account holder, amount) exported to Excel.
import type { TPaidBatch } from '../../../../src/api/routes/payments.types.ts';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api.ts';
import { LoadError } from '../../components.tsx';
import { PrintButton } from '../../components.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { areaName, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { BatchStatusTag, useFundNames } from './PaymentsPage.tsx';
import { BankCard } from './BankCard.tsx';
import type { TBatchView } from '../../../../src/api/routes/payments.types.ts';
import { PAYEE_NAMES, post, reviewPage, useAction, type BatchLine } from './shared.tsx';

const BANK_LIST: ExportColumn<BatchLine>[] = [
  { title: '序号', value: (l) => l.lineNo, width: 8 },
  { title: '收款方类型', value: (l) => nameOf(PAYEE_NAMES, l.payee), width: 12 },
  { title: '账户名', value: (l) => l.accountHolder ?? '', width: 30 },
  { title: '证件号码 / 统一社会信用代码', value: (l) => l.payeeRef ?? '', width: 30 },
  { title: '收款账号（脱敏）', value: (l) => l.accountMasked ?? '未登记', width: 26 },
  { title: '开户行', value: (l) => l.bankName ?? '', width: 26 },
  { title: '金额（元）', value: (l) => l.amountFen / 100, width: 14 },
  { title: '申领编号', value: (l) => l.claimNumber, width: 24 },
  { title: '培训项目', value: (l) => nameOf(PROGRAM_NAMES, l.program), width: 22 },
  { title: '支付状态', value: (l) => (l.paid ? '已支付' : l.bankOutcome === 'failed' ? `银行退回：${l.failureReason ?? ''}` : '未支付') },
  { title: '银行流水号', value: (l) => l.bankRef ?? '', width: 20 },
];

function Batch() {
  const { id = '' } = useParams();
  const fundName = useFundNames();
  const batch = useApi<TBatchView>(`/payment-batches/${encodeURIComponent(id)}`);
  const lines = useServerList<BatchLine>(`/review/payment-batches/${encodeURIComponent(id)}/lines`, [], {
    amountFen: 'amount',
    claimNumber: 'claimNumber',
    lineNo: 'lineNo',
  });
  const confirm = useAction();
  const [cancelling, setCancelling] = useState(false);
  const [paying, setPaying] = useState<{ paid: number; items: number } | null>(null);
  const [result, setResult] = useState<{ paidNow: number; paid: number; items: number; status: string } | null>(null);
  const [payError, setPayError] = useState<string | null>(null);
  const [offline, setOffline] = useState(false);
  const [offlineForm] = Form.useForm<{ bankRef: string }>();
  const payingRef = useRef(false);
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(
    () => () => {
      if (poll.current) clearInterval(poll.current);
    },
    [],
  );

  if (batch.error) return <LoadError error={batch.error} what="支付批次" onRetry={batch.reload} />;
  if (batch.loading && !batch.data) return <Spin size="large" />;
  const b = batch.data!;
  const reload = () => {
    batch.reload();
    lines.reload();
  };

  const pay = async (bankRef: string) => {
    if (payingRef.current) return;
    setOffline(false);
    payingRef.current = true;
    setPayError(null);
    setPaying({ paid: b.paid, items: b.items });
    // The payment runs on the server claim by claim; the batch's progress is read while it runs.
    poll.current = setInterval(() => {
      // A reading that arrives after the payment finished must not reopen the progress dialog.
      api<TBatchView>(`/payment-batches/${encodeURIComponent(b.id)}`)
        .then((x) => {
          if (payingRef.current) setPaying({ paid: x.paid, items: x.items });
        })
        .catch(() => undefined);
    }, 500);
    try {
      setResult(
        await post<TPaidBatch>(`/payment-batches/${encodeURIComponent(b.id)}/pay`, {
          bankRef,
        }),
      );
    } catch (e) {
      setPayError((e as Error).message);
    } finally {
      if (poll.current) clearInterval(poll.current);
      poll.current = null;
      payingRef.current = false;
      setPaying(null);
      reload();
    }
  };

  const columns: TableProps<BatchLine>['columns'] = [
    { title: '序号', dataIndex: 'lineNo', key: 'lineNo', width: 70, sorter: true, sortOrder: lines.sortOrder('lineNo') },
    { title: '收款方', dataIndex: 'payee', key: 'payee', width: 90, render: (p: string) => nameOf(PAYEE_NAMES, p) },
    { title: '账户名', dataIndex: 'accountHolder', key: 'accountHolder', width: 200, render: (h: string | null) => h ?? '—' },
    {
      title: '证件号码 / 代码',
      dataIndex: 'payeeRef',
      key: 'payeeRef',
      width: 190,
      render: (r: string | null) => <span style={{ fontFamily: 'monospace' }}>{r ?? '—'}</span>,
    },
    {
      title: '收款账号',
      key: 'account',
      width: 210,
      render: (_: unknown, l) =>
        l.accountMasked ? (
          <span>
            <span style={{ fontFamily: 'monospace' }}>{l.accountMasked}</span>
            <br />
            <Typography.Text type="secondary">{l.bankName}</Typography.Text>
          </span>
        ) : (
          <Tag color="warning">未登记收款账户</Tag>
        ),
    },
    {
      title: '金额',
      dataIndex: 'amountFen',
      key: 'amountFen',
      width: 120,
      align: 'right',
      sorter: true,
      sortOrder: lines.sortOrder('amountFen'),
      render: formatMoney,
    },
    {
      title: '申领编号',
      dataIndex: 'claimNumber',
      key: 'claimNumber',
      width: 200,
      sorter: true,
      sortOrder: lines.sortOrder('claimNumber'),
      render: (n: string, l) => <Link to={`/claims/${encodeURIComponent(l.claimId)}`}>{n}</Link>,
    },
    {
      title: '支付',
      key: 'paid',
      width: 170,
      render: (_: unknown, l) =>
        l.paid ? (
          <Tag color="success" title={l.bankRef ? `银行流水号 ${l.bankRef}` : undefined}>
            已支付 {formatDateTime(l.paidAt)}
          </Tag>
        ) : l.bankOutcome === 'failed' ? (
          <Tag color="error">银行退回：{l.failureReason}</Tag>
        ) : (
          <Tag>未支付</Tag>
        ),
    },
  ];
  const percent = (paid: number, items: number) => (items === 0 ? 0 : Math.round((paid / items) * 100));
  const may = (act: 'confirm' | 'pay' | 'cancel') => b.allowedActs.includes(act);
  const unpaid = b.items - b.paid;
  const unpaidFen = b.totalFen - b.paidFen;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/review/payments">← 返回支付批次</Link>
      <PrintButton path={`/payment-batches/${encodeURIComponent(b.id)}/signature-list.pdf`} label="打印签字清单" />
      <Typography.Title level={3} style={{ margin: 0 }}>
        支付批次 <BatchStatusTag status={b.status} />
      </Typography.Title>
      <Card size="small">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2, lg: 3 }}
          items={[
            { key: 'number', label: '批次编号', children: b.number },
            { key: 'area', label: '地区', children: areaName(b.areaCode) },
            { key: 'fund', label: '资金', children: fundName(b.fundId) },
            { key: 'items', label: '笔数', children: `${b.items} 笔` },
            { key: 'total', label: '合计', children: <span data-testid="batch-total">{formatMoney(b.totalFen)}</span> },
            {
              key: 'paid',
              label: '已支付',
              children: (
                <span data-testid="batch-paid">
                  {b.paid} 笔，{formatMoney(b.paidFen)}
                </span>
              ),
            },
            { key: 'createdBy', label: '编制人（经办）', children: b.createdBy },
            { key: 'confirmedBy', label: '确认人（复核）', children: b.confirmedBy ?? '—' },
            ...(b.cancelReason ? [{ key: 'cancel', label: '取消理由', children: b.cancelReason }] : []),
            ...(b.offlinePayment
              ? [
                  {
                    key: 'offline',
                    label: '支付方式',
                    children: (
                      <span data-testid="offline-payment">
                        <Tag color="orange">线下支付</Tag>银行凭证号 {b.offlinePayment.bankRef}（{b.offlinePayment.recordedBy} 登记）
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {b.heldByDispute > 0 && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            data-testid="held-by-dispute"
            title={`${b.heldByDispute} 笔申领有未办结的劳动者异议，支付时暂缓；异议不成立后再次执行支付即可支付，异议成立则撤销批准并从本批次移出。`}
          />
        )}
        <Progress
          style={{ marginTop: 12 }}
          percent={percent(b.paid, b.items)}
          aria-label="支付进度"
          format={() => `${b.paid} / ${b.items}`}
        />
        <Space style={{ marginTop: 8 }} wrap>
          {b.status === 'draft' && may('confirm') && (
            <Popconfirm
              title="确认支付批次？"
              okText="是，确认"
              cancelText="取消"
              description={
                <span data-testid="confirm-text">{`本批次 ${b.items} 笔，合计 ${formatMoney(b.totalFen)}。确认后由另一位有支付职责的人员支付，您本人不能再支付此批次。`}</span>
              }
              onConfirm={() =>
                confirm.run(
                  'confirm',
                  () => post(`/payment-batches/${encodeURIComponent(b.id)}/confirm`),
                  () => {
                    reload();
                    return '支付批次已确认';
                  },
                )
              }
            >
              <Button type="primary" loading={confirm.running === 'confirm'}>
                确认支付批次
              </Button>
            </Popconfirm>
          )}
          {b.status === 'draft' && !may('confirm') && (
            <Typography.Text type="secondary">待市人社局或市财政局确认后支付（由编制人以外、有复核职责的人员确认）</Typography.Text>
          )}
          {(b.status === 'confirmed' || b.status === 'paying') && may('pay') && (
            <Button loading={paying !== null} onClick={() => setOffline(true)}>
              {b.offlinePayment ? '继续线下支付（只登记未付的明细）' : '线下支付（不经银行支付文件）'}
            </Button>
          )}
          {(b.status === 'confirmed' || b.status === 'paying') && !may('pay') && (
            <Typography.Text type="secondary">待有支付职责的人员（复核人以外）支付</Typography.Text>
          )}
          {b.status === 'paid' && may('pay') && b.offlinePayment && (
            <Button onClick={() => void pay(b.offlinePayment!.bankRef)} loading={paying !== null}>
              再次执行支付（幂等：不会重复支付）
            </Button>
          )}
          {may('cancel') && (
            <Button danger onClick={() => setCancelling(true)}>
              取消批次
            </Button>
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          支付逐笔进行并逐笔记账：重复执行或中断后再执行，只会支付尚未支付的明细，任何一笔都不会重复支付。
        </Typography.Paragraph>
        {result && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            closable
            onClose={() => setResult(null)}
            data-testid="pay-result"
            title={`本次支付 ${result.paidNow} 笔；累计已支付 ${result.paid} / ${result.items} 笔${result.paidNow === 0 ? '（此前已全部支付，未重复支付）' : ''}`}
          />
        )}
        {payError && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            title={`支付未完成：${payError}`}
            description="已支付的明细已记账，再次执行支付会从未支付的明细继续。"
          />
        )}
      </Card>
      {b.status !== 'draft' && b.status !== 'cancelled' && <BankCard batch={b} onChange={reload} />}
      <Card
        size="small"
        title="支付明细（银行代发清单）"
        extra={
          <ExportButton
            path={`/review/payment-batches/${encodeURIComponent(b.id)}/lines`}
            query={lines.query}
            columns={BANK_LIST}
            fileName={`银行代发清单-${b.number}`}
            sheetName="银行代发清单"
          />
        }
      >
        {lines.error ? (
          <LoadError error={lines.error} what="支付明细" onRetry={lines.reload} />
        ) : (
          <Table<BatchLine>
            rowKey="claimId"
            size="small"
            {...lines.tableProps}
            columns={columns}
            tableLayout="fixed"
            scroll={{ x: 1210 }}
          />
        )}
      </Card>
      {cancelling && (
        <CancelBatch
          batch={b}
          onClose={(done) => {
            setCancelling(false);
            if (done) reload();
          }}
        />
      )}
      <Modal
        open={offline}
        title={b.offlinePayment ? '继续线下支付' : '线下支付：不经银行支付文件'}
        okText="确认支付"
        cancelText="取消"
        onCancel={() => setOffline(false)}
        onOk={() => offlineForm.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph data-testid="pay-text">
          {`将按银行凭证登记支付 ${unpaid} 笔，合计 ${formatMoney(unpaidFen)}（本批次共 ${b.items} 笔，${formatMoney(b.totalFen)}）。` +
            '仅用于未通过银行支付文件、已由银行另行支付的批次：登记后本批次不能再下载银行支付文件，支付不可撤回。'}
        </Typography.Paragraph>
        <Form
          form={offlineForm}
          layout="vertical"
          initialValues={{ bankRef: b.offlinePayment?.bankRef ?? '' }}
          onFinish={(v: { bankRef: string }) => void pay(v.bankRef.trim())}
        >
          <Form.Item
            label="银行支付凭证号（银行流水号）"
            name="bankRef"
            rules={[{ required: true, whitespace: true, message: '请填写银行出具的支付凭证号' }]}
          >
            <Input maxLength={64} disabled={b.offlinePayment !== null} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={paying !== null} title="正在支付" footer={null} closable={false} mask={{ closable: false }}>
        <Progress percent={paying ? percent(paying.paid, paying.items) : 0} aria-label="支付进度" />
        <Typography.Text>{paying ? `已支付 ${paying.paid} / ${paying.items} 笔` : ''}</Typography.Text>
      </Modal>
    </Space>
  );
}

/** 取消草稿批次: the reason is required; the claims go back to the payable list. */
function CancelBatch({ batch, onClose }: { batch: TBatchView; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const action = useAction(form);
  const submit = (v: { reason: string }) =>
    action.run(
      'cancel',
      () => post(`/payment-batches/${encodeURIComponent(batch.id)}/cancel`, { reason: v.reason }),
      () => {
        onClose(true);
        return '支付批次已取消，其中的申领可重新编入批次';
      },
    );
  return (
    <Modal open title="取消支付批次" footer={null} onCancel={() => onClose(false)} destroyOnHidden>
      <Typography.Paragraph data-testid="cancel-text">{`取消后，本批次的 ${batch.items} 笔申领（合计 ${formatMoney(batch.totalFen)}）退回“可编入支付批次”，可重新编制；批次保留为“已取消”，操作记入审计日志。`}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="取消理由" name="reason" rules={[{ required: true, whitespace: true, message: '请说明取消理由' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Space>
          <Button type="primary" danger htmlType="submit" loading={action.running === 'cancel'}>
            确认取消批次
          </Button>
          <Button onClick={() => onClose(false)}>返回</Button>
        </Space>
      </Form>
    </Modal>
  );
}

export default reviewPage(Batch);
