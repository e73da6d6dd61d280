// 批量审核: the claims of the office's slice filtered on the server (program, area, provider, outcome,
// status and the risk score of the newest risk scan), many selected → decide / review / reject /
// approve with one action. The selection is sent in small parts with a progress bar; each claim is
// done or left as it was on the server, and the claims that failed are listed with the reason.
// Approving (irreversible: the amounts are reserved from the funds) asks first, with the count and total.
import type { TScanSummary } from '../../../../src/api/routes/risk.types.ts';
import type { TBulkClaimsResult } from '../../../../src/api/routes/claims.types.ts';
import { Alert, Button, Card, Form, Input, Progress, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useRef, useState, type Key } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { ClaimStatusTag, Dialog, LoadError, OutcomeTag } from '../../components.tsx';
import { claimAmount, formatMoney } from '../../format.ts';
import { areaName, CLAIM_STATUS_NAMES, nameOf, OUTCOME_NAMES, PROGRAM_NAMES } from '../../labels.ts';
import { ListFilters, AreaFilter, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { CLAIM_COLUMNS as C } from '../../claim-export.ts';
import type { Claim } from '../../types.ts';
import { BulkMissingFactsDialog } from '../office/BulkMissingFacts.tsx';
import { options, post, reviewPage, useAction } from './shared.tsx';
import { validFields } from '../../form-errors.ts';

type RiskClaim = Claim & { riskScore?: number | null };
type Act = 'decide' | 'review' | 'reject' | 'approve';
type ActResult = TBulkClaimsResult['results'][number];

const FILTERS = ['status', 'outcome', 'program', 'areaCode', 'providerId', 'minRisk', 'residentId'] as const;
const SORTABLE: Record<string, string> = { amountFen: 'amount', riskScore: 'risk', status: 'status', startDate: 'startDate' };
const ACT_NAMES: Record<Act, string> = { decide: '判定', review: '审核通过', reject: '驳回', approve: '批准' };
/** Claims per request: small enough for a steady progress bar, each request one round trip. */
const CHUNK = 10;
const RISK_OPTIONS = [
  { value: '1', label: '有风险线索（≥1 分）' },
  { value: '30', label: '≥30 分' },
  { value: '50', label: '≥50 分' },
  { value: '70', label: '≥70 分' },
];

const EXPORT: ExportColumn<RiskClaim>[] = [
  C.id,
  C.program,
  C.residentId,
  C.area,
  { title: '培训机构', value: (c) => c.providerId ?? '' },
  C.status,
  C.outcome,
  C.amount,
  { title: '风险评分', value: (c) => (c.riskScore == null ? '未扫描' : c.riskScore) },
];

function RiskTag({ score }: { score: number | null | undefined }) {
  if (score == null) return <Typography.Text type="secondary">未扫描</Typography.Text>;
  if (score === 0) return <Tag>0</Tag>;
  return <Tag color={score >= 50 ? 'error' : score >= 30 ? 'warning' : 'gold'}>{score}</Tag>;
}

function BulkClaims() {
  const { me } = useAuth();
  const list = useServerList<RiskClaim>('/claims', FILTERS, SORTABLE);
  const { error, reload, sortOrder } = list;
  const [form] = Form.useForm();
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const [selected, setSelected] = useState<string[]>([]);
  // The amounts of the selected claims, kept across pages (the selection is), for the confirmation.
  const [amounts, setAmounts] = useState<Map<string, number | null>>(new Map());
  const [asking, setAsking] = useState<Act | null>(null);
  const [progress, setProgress] = useState<{ act: Act; done: number; total: number } | null>(null);
  const [report, setReport] = useState<{ act: Act; results: ActResult[] } | null>(null);
  const [facts, setFacts] = useState(false);
  const running = useRef(false);
  const scan = useAction();

  const runAct = async (act: Act, extra: { reason?: string } = {}) => {
    if (running.current || selected.length === 0) return;
    running.current = true;
    const ids = [...selected];
    const results: ActResult[] = [];
    setProgress({ act, done: 0, total: ids.length });
    try {
      for (let i = 0; i < ids.length; i += CHUNK) {
        const part = ids.slice(i, i + CHUNK);
        try {
          const r = await post<TBulkClaimsResult>('/claims/bulk', { action: act, claimIds: part, ...extra });
          results.push(...r.results);
        } catch (e) {
          // The whole request failed (network, session): those claims are reported as not done.
          const message = e instanceof ApiError ? e.message : String(e);
          results.push(...part.map((id) => ({ id, ok: false, error: { code: 'request_failed', message, field: null } })));
        }
        setProgress({ act, done: Math.min(ids.length, i + part.length), total: ids.length });
      }
    } finally {
      running.current = false;
      setProgress(null);
      setReport({ act, results });
      setSelected(results.filter((r) => !r.ok).map((r) => r.id));
      reload();
    }
  };

  const onAct = (act: Act) => {
    if (act === 'reject' || act === 'approve') {
      setAsking(act);
      return;
    }
    void runAct(act);
  };
  const onSelect = (keys: Key[], rows: (RiskClaim | undefined)[]) => {
    setSelected(keys.map(String));
    setAmounts((m) => {
      const next = new Map(m);
      for (const r of rows) if (r) next.set(r.id, r.amountFen);
      return next;
    });
  };
  const selectedFen = selected.reduce((sum, id) => sum + (amounts.get(id) ?? 0), 0);
  const unpriced = selected.filter((id) => amounts.get(id) == null).length;
  const onReject = () =>
    validFields(reasonForm).then((v) => {
      setAsking(null);
      reasonForm.resetFields();
      void runAct('reject', { reason: v.reason.trim() });
    });

  const columns: TableProps<RiskClaim>['columns'] = [
    {
      title: '申领编号',
      dataIndex: 'number',
      key: 'number',
      width: 200,
      render: (number: string, c) => <Link to={`/claims/${encodeURIComponent(c.id)}`}>{number}</Link>,
    },
    { title: '培训项目', dataIndex: 'program', key: 'program', width: 130, render: (p: string) => nameOf(PROGRAM_NAMES, p) },
    {
      title: '身份证号',
      dataIndex: 'residentId',
      key: 'residentId',
      width: 164,
      render: (r: string) => <span style={{ fontFamily: 'monospace' }}>{r}</span>,
    },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 72, render: areaName },
    { title: '培训机构', dataIndex: 'providerId', key: 'providerId', width: 76, render: (p: string | null) => p ?? '—' },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (s: string) => <ClaimStatusTag status={s} />,
    },
    { title: '判定结果', dataIndex: 'outcome', key: 'outcome', width: 100, render: (o: string | null) => <OutcomeTag outcome={o} /> },
    {
      title: '核定金额',
      dataIndex: 'amountFen',
      key: 'amountFen',
      width: 116,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('amountFen'),
      render: (_: unknown, c: Claim) => claimAmount(c),
    },
    {
      title: '风险评分',
      dataIndex: 'riskScore',
      key: 'riskScore',
      width: 96,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('riskScore'),
      render: (s: number | null) => <RiskTag score={s} />,
    },
  ];

  const busy = progress !== null;
  const failed = report?.results.filter((r) => !r.ok) ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          补贴申领批量审核
        </Typography.Title>
        <Space wrap>
          {me?.role === 'city' && (
            <Button
              loading={scan.running === 'scan'}
              onClick={() =>
                scan.run(
                  'scan',
                  () => post<TScanSummary>('/risk/scans'),
                  (r) => {
                    reload();
                    return `风险扫描完成：发现 ${r.findings} 条线索，评分已更新`;
                  },
                )
              }
            >
              更新风险评分
            </Button>
          )}
          <ExportButton path="/claims" query={list.query} columns={EXPORT} fileName="补贴申领批量审核" />
        </Space>
      </Space>
      <ListFilters form={form} list={list}>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 110 }} options={options(CLAIM_STATUS_NAMES)} />
        </Form.Item>
        <Form.Item label="判定结果" name="outcome">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={options(OUTCOME_NAMES)} />
        </Form.Item>
        <Form.Item label="培训项目" name="program">
          <Select allowClear placeholder="全部" style={{ width: 190 }} options={options(PROGRAM_NAMES)} />
        </Form.Item>
        {me?.role === 'city' && <AreaFilter width={110} />}
        <Form.Item label="培训机构编号" name="providerId">
          <Input allowClear maxLength={80} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item label="风险" name="minRisk">
          <Select allowClear placeholder="不限" style={{ width: 170 }} options={RISK_OPTIONS} />
        </Form.Item>
        <Form.Item label="身份证号" name="residentId">
          <Input allowClear maxLength={18} style={{ width: 180 }} />
        </Form.Item>
      </ListFilters>
      <Card size="small" aria-label="批量操作">
        <Space wrap>
          <Typography.Text data-testid="selected-count">已选 {selected.length} 笔</Typography.Text>
          {(Object.keys(ACT_NAMES) as Act[]).map((act) => (
            <Button
              key={act}
              type={act === 'review' ? 'primary' : 'default'}
              danger={act === 'reject'}
              disabled={selected.length === 0 || busy}
              loading={progress?.act === act}
              onClick={() => onAct(act)}
            >
              批量{ACT_NAMES[act]}
            </Button>
          ))}
          <Button disabled={selected.length === 0 || busy} onClick={() => setFacts(true)}>
            补充缺少的事实
          </Button>
          {selected.length > 0 && (
            <Button type="link" disabled={busy} onClick={() => setSelected([])}>
              清除选择
            </Button>
          )}
        </Space>
      </Card>
      {error ? (
        <LoadError error={error} what="申领" onRetry={reload} />
      ) : (
        <Table<RiskClaim>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          columns={columns}
          tableLayout="fixed"
          scroll={{ x: 1010 }}
          rowSelection={{
            selectedRowKeys: selected,
            preserveSelectedRowKeys: true,
            onChange: onSelect,
            getCheckboxProps: () => ({ disabled: busy }),
          }}
        />
      )}
      <BulkMissingFactsDialog
        claimIds={selected}
        open={facts}
        onClose={(changed) => {
          setFacts(false);
          if (changed) reload();
        }}
      />
      <Dialog
        guard={reasonForm}
        open={asking === 'reject'}
        title={`驳回所选 ${selected.length} 笔申领`}
        okText="确认驳回"
        cancelText="取消"
        onOk={onReject}
        onCancel={() => setAsking(null)}
        okButtonProps={{ danger: true }}
        destroyOnHidden
      >
        <Form form={reasonForm} layout="vertical">
          <Form.Item
            label="驳回理由"
            name="reason"
            rules={[
              { required: true, whitespace: true, message: '请填写驳回理由' },
              { max: 2000, message: '驳回理由不超过 2000 字' },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Dialog>
      <Dialog
        open={asking === 'approve'}
        title={`批准所选 ${selected.length} 笔申领`}
        okText="确认批准"
        cancelText="取消"
        onOk={() => {
          setAsking(null);
          void runAct('approve');
        }}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <Typography.Paragraph data-testid="approve-confirm">
          共 {selected.length} 笔，合计 {formatMoney(selectedFen)}
          {unpriced > 0 ? `（其中 ${unpriced} 笔无核定金额，将批准失败）` : ''}。
          批准后按金额从相应资金预留，等待编入支付批次；批准不能撤回。公示尚未结束的申领不能批准，将逐笔列出。
        </Typography.Paragraph>
      </Dialog>
      <Dialog
        open={busy}
        title={progress ? `正在批量${ACT_NAMES[progress.act]}` : ''}
        footer={null}
        closable={false}
        mask={{ closable: false }}
      >
        <Progress percent={progress ? Math.round((progress.done / progress.total) * 100) : 0} aria-label="批量处理进度" />
        <Typography.Text>{progress ? `已处理 ${progress.done} / ${progress.total} 笔` : ''}</Typography.Text>
      </Dialog>
      <Dialog
        open={report !== null}
        title={report ? `批量${ACT_NAMES[report.act]}结果` : ''}
        onOk={() => setReport(null)}
        onCancel={() => setReport(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText="知道了"
        width={720}
      >
        {report && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert
              type={failed.length ? 'warning' : 'success'}
              showIcon
              data-testid="bulk-summary"
              title={`成功 ${report.results.length - failed.length} 笔，失败 ${failed.length} 笔`}
              description={failed.length ? '失败的申领未作任何改变，仍保留在选择中，可修正后重试。' : undefined}
            />
            {failed.length > 0 && (
              <Table<ActResult>
                rowKey="id"
                size="small"
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={failed}
                aria-label="失败的申领"
                columns={[
                  {
                    title: '申领编号',
                    dataIndex: 'number',
                    width: 200,
                    render: (n: string | null, r) => (n ? <Link to={`/claims/${encodeURIComponent(r.id)}`}>{n}</Link> : '—'),
                  },
                  { title: '原因', key: 'why', render: (_: unknown, r) => r.error?.message ?? '' },
                ]}
              />
            )}
          </Space>
        )}
      </Dialog>
    </Space>
  );
}

export default reviewPage(BulkClaims);
