// 支付批次详情: a batch's state and progress, 确认 (the city; the finance bureau confirms in its own
// screens), 支付 — idempotent: paying again, or after an interruption, pays only the lines not yet
// paid, which the progress shows while it runs — and the bank's list (payee, account holder, amount)
// exported to Excel.
import { Alert, Button, Card, Descriptions, Modal, Progress, Space, Spin, Table, Tag, Typography, type TableProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { areaName, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { BatchStatusTag, useFundNames } from './PaymentsPage.tsx';
import { PAYEE_NAMES, post, reviewPage, useAction, type BatchLine } from './shared.tsx';

interface BatchView { id: string; areaCode: string; fundId: string; status: string; totalFen: number; items: number; paid: number; paidFen: number }

const BANK_LIST: ExportColumn<BatchLine>[] = [
  { title: '收款方类型', value: (l) => nameOf(PAYEE_NAMES, l.payee), width: 12 },
  { title: '账户名', value: (l) => l.accountHolder ?? '', width: 30 },
  { title: '证件号码 / 统一社会信用代码', value: (l) => l.payeeRef ?? '', width: 30 },
  { title: '金额（元）', value: (l) => l.amountFen / 100, width: 14 },
  { title: '申领编号', value: (l) => l.claimId, width: 44 },
  { title: '培训项目', value: (l) => nameOf(PROGRAM_NAMES, l.program), width: 22 },
  { title: '支付状态', value: (l) => (l.paid ? '已支付' : '未支付') },
];

function Batch() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const fundName = useFundNames();
  const batch = useApi<BatchView>(`/payment-batches/${encodeURIComponent(id)}`);
  const lines = useServerList<BatchLine>(`/review/payment-batches/${encodeURIComponent(id)}/lines`, [], { amountFen: 'amount', claimId: 'claimId' });
  const confirm = useAction();
  const [paying, setPaying] = useState<{ paid: number; items: number } | null>(null);
  const [result, setResult] = useState<{ paidNow: number; paid: number; items: number; status: string } | null>(null);
  const [payError, setPayError] = useState<string | null>(null);
  const payingRef = useRef(false);
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => { if (poll.current) clearInterval(poll.current); }, []);

  if (batch.error) return <LoadError error={batch.error} what="支付批次" onRetry={batch.reload} />;
  if (batch.loading && !batch.data) return <Spin size="large" />;
  const b = batch.data!;
  const reload = () => { batch.reload(); lines.reload(); };

  const pay = async () => {
    if (payingRef.current) return;
    payingRef.current = true;
    setPayError(null);
    setPaying({ paid: b.paid, items: b.items });
    // The payment runs on the server claim by claim; the batch's progress is read while it runs.
    poll.current = setInterval(() => {
      // A reading that arrives after the payment finished must not reopen the progress dialog.
      api<BatchView>(`/payment-batches/${encodeURIComponent(b.id)}`).then((x) => { if (payingRef.current) setPaying({ paid: x.paid, items: x.items }); }).catch(() => undefined);
    }, 500);
    try {
      setResult(await post<{ paidNow: number; paid: number; items: number; status: string }>(`/payment-batches/${encodeURIComponent(b.id)}/pay`));
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
    { title: '收款方', dataIndex: 'payee', key: 'payee', width: 90, render: (p: string) => nameOf(PAYEE_NAMES, p) },
    { title: '账户名', dataIndex: 'accountHolder', key: 'accountHolder', width: 200, render: (h: string | null) => h ?? '—' },
    { title: '证件号码 / 代码', dataIndex: 'payeeRef', key: 'payeeRef', width: 190, render: (r: string | null) => <span style={{ fontFamily: 'monospace' }}>{r ?? '—'}</span> },
    { title: '金额', dataIndex: 'amountFen', key: 'amountFen', width: 120, align: 'right', sorter: true, sortOrder: lines.sortOrder('amountFen'), render: formatMoney },
    { title: '申领编号', dataIndex: 'claimId', key: 'claimId', width: 170, ellipsis: true, sorter: true, sortOrder: lines.sortOrder('claimId'), render: (c: string) => <Link to={`/claims/${encodeURIComponent(c)}`}>{c}</Link> },
    { title: '支付', key: 'paid', width: 170, render: (_: unknown, l) => (l.paid ? <Tag color="success">已支付 {formatDateTime(l.paidAt)}</Tag> : <Tag>未支付</Tag>) },
  ];
  const percent = (paid: number, items: number) => (items === 0 ? 0 : Math.round((paid / items) * 100));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/review/payments">← 返回支付批次</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>支付批次 <BatchStatusTag status={b.status} /></Typography.Title>
      <Card size="small">
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, lg: 3 }} items={[
          { key: 'id', label: '批次编号', children: b.id },
          { key: 'area', label: '地区', children: areaName(b.areaCode) },
          { key: 'fund', label: '资金', children: fundName(b.fundId) },
          { key: 'items', label: '笔数', children: `${b.items} 笔` },
          { key: 'total', label: '合计', children: <span data-testid="batch-total">{formatMoney(b.totalFen)}</span> },
          { key: 'paid', label: '已支付', children: <span data-testid="batch-paid">{b.paid} 笔，{formatMoney(b.paidFen)}</span> },
        ]} />
        <Progress style={{ marginTop: 12 }} percent={percent(b.paid, b.items)} aria-label="支付进度" format={() => `${b.paid} / ${b.items}`} />
        <Space style={{ marginTop: 8 }} wrap>
          {b.status === 'draft' && me?.role === 'city' && (
            <Button type="primary" loading={confirm.running === 'confirm'} onClick={() => confirm.run('confirm', () => post(`/payment-batches/${encodeURIComponent(b.id)}/confirm`), () => { reload(); return '支付批次已确认'; })}>确认支付批次</Button>
          )}
          {b.status === 'draft' && me?.role === 'county' && <Typography.Text type="secondary">待市人社局或市财政局确认后支付</Typography.Text>}
          {(b.status === 'confirmed' || b.status === 'paying') && (
            <Button type="primary" onClick={() => void pay()} loading={paying !== null}>{b.status === 'paying' ? '继续支付（只支付未付的明细）' : '支付'}</Button>
          )}
          {b.status === 'paid' && (
            <Button onClick={() => void pay()} loading={paying !== null}>再次执行支付（幂等：不会重复支付）</Button>
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          支付逐笔进行并逐笔记账：重复执行或中断后再执行，只会支付尚未支付的明细，任何一笔都不会重复支付。
        </Typography.Paragraph>
        {result && (
          <Alert style={{ marginTop: 12 }} type="success" showIcon closable onClose={() => setResult(null)} data-testid="pay-result"
            title={`本次支付 ${result.paidNow} 笔；累计已支付 ${result.paid} / ${result.items} 笔${result.paidNow === 0 ? '（此前已全部支付，未重复支付）' : ''}`} />
        )}
        {payError && <Alert style={{ marginTop: 12 }} type="error" showIcon title={`支付未完成：${payError}`} description="已支付的明细已记账，再次执行支付会从未支付的明细继续。" />}
      </Card>
      <Card size="small" title="支付明细（银行代发清单）" extra={<ExportButton path={`/review/payment-batches/${encodeURIComponent(b.id)}/lines`} query={lines.query} columns={BANK_LIST} fileName={`银行代发清单-${b.id}`} sheetName="银行代发清单" />}>
        {lines.error ? <LoadError error={lines.error} what="支付明细" onRetry={lines.reload} /> : (
          <Table<BatchLine> rowKey="claimId" size="small" {...lines.tableProps} columns={columns} tableLayout="fixed" scroll={{ x: 940 }} />
        )}
      </Card>
      <Modal open={paying !== null} title="正在支付" footer={null} closable={false} mask={{ closable: false }}>
        <Progress percent={paying ? percent(paying.paid, paying.items) : 0} aria-label="支付进度" />
        <Typography.Text>{paying ? `已支付 ${paying.paid} / ${paying.items} 笔` : ''}</Typography.Text>
      </Modal>
    </Space>
  );
}

export default reviewPage(Batch);
