// 银行支付 on a confirmed batch (docs/bank-payments.md): the fund's payer account; the payees still
// without a receiving account (they block the file, each linked to where it is recorded); the bank
// payment file — Excel or CSV, downloaded ONCE per issue by a login with the pay duty, after a warning
// that says so; 重新签发 (复核, with a reason) when the bank did not take the file; and 导入银行回单:
// the bank's return file, checked as a whole (every problem by row and column, nothing imported
// otherwise), reconciled with the file sent, idempotent; and the issues and returns so far.
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Space, Table, Typography, Upload, message } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import { formatDateTime, formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { downloadFile } from '../supervision/shared.tsx';
import { FileRefused, XLSX_MIME } from '../provider/files.ts';
import type { RowIssue } from '../provider/types.ts';
import type { TBankFilePreview, TBankReturnResult } from '../../../../src/api/routes/bank-payments.types.ts';
import type { TBatchView } from '../../../../src/api/routes/payments.types.ts';
import { post, useAction } from './shared.tsx';

type BankFileIssue = TBatchView['bankFiles'][number];
type BatchFacts = Pick<
  TBatchView,
  'id' | 'number' | 'status' | 'unsettled' | 'failed' | 'failedFen' | 'payerAccount' | 'bankFiles' | 'bankReturns' | 'allowedActs'
>;

const payeeLink = (m: TBankFilePreview['missingAccounts'][number]) =>
  m.payee === 'individual'
    ? `/office/people/${encodeURIComponent(m.payeeRef)}`
    : m.payee === 'enterprise'
      ? `/office/enterprises/${encodeURIComponent(m.payeeRef)}`
      : null;

/** Sends the return file's bytes as they are (CSV or .xlsx); a refused file's problems come back by row and column. */
async function uploadReturn(batchId: string, file: File): Promise<TBankReturnResult> {
  const csv = /\.csv$/i.test(file.name);
  const res = await fetch(`/api/v1/payment-batches/${encodeURIComponent(batchId)}/bank-return?fileName=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': csv ? 'text/csv' : XLSX_MIME, accept: 'application/json' },
    body: file,
  });
  const data = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; field?: string; issues?: RowIssue[] };
  } | null;
  if (res.ok) return data as TBankReturnResult;
  const err = data?.error;
  if (Array.isArray(err?.issues)) throw new FileRefused(res.status, err.code ?? 'invalid_input', err.message ?? '回单有误', err.issues);
  throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? `导入失败（HTTP ${res.status}）`, err?.field ?? null);
}

export function BankCard({ batch, onChange }: { batch: BatchFacts; onChange: () => void }) {
  const preview = useApi<TBankFilePreview>(`/payment-batches/${encodeURIComponent(batch.id)}/bank-file/preview`);
  const [downloading, setDownloading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [result, setResult] = useState<TBankReturnResult | null>(null);
  const [refused, setRefused] = useState<{ message: string; rows: RowIssue[] } | null>(null);
  const [reissuing, setReissuing] = useState(false);
  const may = (act: TBatchView['allowedActs'][number]) => batch.allowedActs.includes(act);
  const current = batch.bankFiles.at(-1);
  const missing = preview.data?.missingAccounts ?? [];

  const download = async (format: 'xlsx' | 'csv') => {
    setDownloading(format);
    setError(null);
    try {
      await downloadFile(
        `/payment-batches/${encodeURIComponent(batch.id)}/bank-file`,
        { format },
        `银行支付文件-${batch.number}.${format}`,
      );
      void message.success('银行支付文件已下载；本次签发不能再次下载');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setDownloading(null);
      onChange();
      preview.reload();
    }
  };
  const importFile = async (file: File) => {
    setImporting(true);
    setRefused(null);
    setResult(null);
    setError(null);
    try {
      setResult(await uploadReturn(batch.id, file));
      onChange();
    } catch (e) {
      if (e instanceof FileRefused) setRefused({ message: e.message, rows: e.rows });
      else setError((e as Error).message);
    } finally {
      setImporting(false);
    }
  };

  return (
    <Card size="small" title="银行支付" data-testid="bank-card">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'payer',
            label: '付款账户',
            children: batch.payerAccount
              ? `${batch.payerAccount.accountName}，${batch.payerAccount.bankName}，${batch.payerAccount.accountNumber}`
              : '未登记（请市人社局在“资金与台账”中登记资金的付款账户）',
          },
          {
            key: 'file',
            label: '银行支付文件',
            children: current
              ? current.downloadedBy
                ? `第 ${current.issue} 次签发，已由 ${current.downloadedBy} 于 ${formatDateTime(current.downloadedAt)} 下载（${current.lines} 笔，${formatMoney(current.totalFen ?? 0)}）`
                : `第 ${current.issue} 次签发（${current.authorizedBy}），待下载`
              : '—',
          },
          { key: 'open', label: '待银行结果', children: `${batch.unsettled} 笔` },
          { key: 'failed', label: '银行退回', children: `${batch.failed} 笔，${formatMoney(batch.failedFen)}` },
        ]}
      />
      {missing.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          data-testid="missing-accounts"
          title={`有 ${missing.length} 个收款方尚未登记收款账户，登记后才能生成银行支付文件`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {missing.slice(0, 20).map((m) => {
                const to = payeeLink(m);
                return (
                  <li key={`${m.payee}:${m.payeeRef}`}>
                    {to ? <Link to={to}>{m.name}</Link> : m.name}（第 {m.lines.join('、')} 笔）
                  </li>
                );
              })}
            </ul>
          }
        />
      )}
      <Space style={{ marginTop: 12 }} wrap>
        {may('bank_file') &&
          (['xlsx', 'csv'] as const).map((format) => (
            <Popconfirm
              key={format}
              title="下载银行支付文件？"
              description={`本次签发只能下载一次（${preview.data ? `${preview.data.lines} 笔，合计 ${formatMoney(preview.data.totalFen)}` : ''}）；文件含完整账号，请妥善传送给银行。`}
              okText="下载"
              cancelText="取消"
              disabled={missing.length > 0}
              onConfirm={() => void download(format)}
            >
              <Button type={format === 'xlsx' ? 'primary' : 'default'} loading={downloading === format} disabled={missing.length > 0}>
                {format === 'xlsx' ? '下载银行支付文件（Excel）' : '下载银行支付文件（CSV）'}
              </Button>
            </Popconfirm>
          ))}
        {may('bank_return') && (
          <Upload
            accept=".csv,.xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button loading={importing}>导入银行回单（CSV 或 Excel）</Button>
          </Upload>
        )}
        {may('reissue') && <Button onClick={() => setReissuing(true)}>重新签发银行支付文件</Button>}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        银行回单逐笔写明成功（附银行流水号）或失败（附原因）：成功的申领记为已支付；失败的申领退回“可编入支付批次”，原因显示在申领上。同一回单重复导入不产生变化。
      </Typography.Paragraph>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
      {refused && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          data-testid="return-refused"
          title={refused.message}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {refused.rows.slice(0, 50).map((r, i) => (
                <li key={i}>{r.text}</li>
              ))}
            </ul>
          }
        />
      )}
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          closable
          onClose={() => setResult(null)}
          data-testid="return-result"
          title={
            result.alreadyImported
              ? '该回单此前已导入，本次未作任何更改'
              : `回单已导入：成功 ${result.paid} 笔（${formatMoney(result.paidFen)}），失败 ${result.failed} 笔（${formatMoney(result.failedFen)}）${result.unchanged ? `，${result.unchanged} 笔此前已结算` : ''}`
          }
        />
      )}
      {(batch.bankFiles.length > 0 || batch.bankReturns.length > 0) && (
        <Table<BankFileIssue>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="issue"
          pagination={false}
          dataSource={batch.bankFiles}
          columns={[
            { title: '签发', dataIndex: 'issue', key: 'issue', width: 70, render: (n: number) => `第 ${n} 次` },
            { title: '签发人', dataIndex: 'authorizedBy', key: 'by', width: 150 },
            { title: '理由', dataIndex: 'reason', key: 'reason', render: (r: string | null) => r ?? '确认批次' },
            {
              title: '下载',
              key: 'dl',
              render: (_: unknown, f) => (f.downloadedBy ? `${f.downloadedBy}，${formatDateTime(f.downloadedAt)}` : '未下载'),
            },
            {
              title: '回单',
              key: 'ret',
              render: (_: unknown, f) =>
                batch.bankReturns
                  .filter((r) => r.issue === f.issue)
                  .map((r) => `${r.importedBy} ${formatDateTime(r.importedAt)}：成功 ${r.paid}、失败 ${r.failed}`)
                  .join('；') || '—',
            },
          ]}
        />
      )}
      {reissuing && <Reissue batchId={batch.id} onClose={(done) => (setReissuing(false), done && onChange())} />}
    </Card>
  );
}

function Reissue({ batchId, onClose }: { batchId: string; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const action = useAction(form);
  return (
    <Modal open title="重新签发银行支付文件" footer={null} onCancel={() => onClose(false)} destroyOnHidden>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="只有确认银行未受理上次文件时才能重新签发"
        description="若银行已按上次文件付款，再按新文件付款会重复支付。新文件只列尚无银行结果的笔；操作记入审计日志。"
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          action.run(
            'reissue',
            () => post(`/payment-batches/${encodeURIComponent(batchId)}/bank-file/reissue`, { reason: v.reason }),
            () => {
              onClose(true);
              return '已重新签发，可由有支付职责的人员下载';
            },
          )
        }
      >
        <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true, min: 4, message: '请说明理由（至少 4 个字）' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：银行退回整个文件：格式错误" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={action.running === 'reissue'}>
            确认重新签发
          </Button>
          <Button onClick={() => onClose(false)}>取消</Button>
        </Space>
      </Form>
    </Modal>
  );
}
