// 申领详情: the claim and the engine's frozen decision, read as steps in Chinese. Each step cites
// its clause with the plan's heading, the facts it read and the dated parameters it used.
import { Alert, App as AntApp, Button, Card, Descriptions, Empty, Form, Input, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api.ts';
import { ClaimStatusTag, Dialog, LoadError, OutcomeTag } from '../components.tsx';
import { PrintButton } from '../components.tsx';
import { claimAmount, clauseHeading, formatDate, formatDateTime, formatMoney, withCode } from '../format.ts';
import { useApi } from '../hooks.ts';
import { APPLICANT_NAMES, areaName, LEVEL_NAMES, nameOf, PROGRAM_NAMES, STEP_RESULT_NAMES } from '../labels.ts';
import { RequireAuth } from '../layout/RequireAuth.tsx';
import { decisionText, MissingFactsCard, pathLabel, type Decision } from '../areas/office/MissingFacts.tsx';
import { CertificateCheckCard } from '../areas/office/CertificateCheckCard.tsx';
import type { Claim, FactRead, ParameterRead, TraceStep } from '../types.ts';
import { validFields } from '../form-errors.ts';
import { AttachmentsCard } from '../attachments.tsx';

export default function ClaimDetailPage() {
  return (
    <RequireAuth>
      <ClaimDetail />
    </RequireAuth>
  );
}

const STEP_COLORS: Record<TraceStep['result'], string> = { pass: 'green', fail: 'red', unknown: 'orange', info: 'gray' };

function Clause({ id }: { id: string }) {
  return (
    <span className="clause">
      <Tag>{id}</Tag>
      {clauseHeading(id)}
    </span>
  );
}

function value(v: unknown): string {
  if (v === undefined) return '（未提供）';
  if (v === null) return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

function StepDetails({ step }: { step: TraceStep }) {
  const facts = step.facts ?? [];
  const params = step.parameters ?? [];
  if (facts.length === 0 && params.length === 0 && !step.missing?.length) return null;
  return (
    <details style={{ marginTop: 4 }}>
      <summary style={{ cursor: 'pointer', color: '#4b5563' }}>依据的事实和政策参数</summary>
      {step.missing?.length ? <div>此步缺少事实（见上方“待补充的事实”）</div> : null}
      {facts.length > 0 && (
        <Table<FactRead>
          size="small"
          pagination={false}
          rowKey="path"
          style={{ marginTop: 4 }}
          columns={[
            { title: '事实', dataIndex: 'path', render: pathLabel },
            { title: '值', dataIndex: 'value', render: value },
          ]}
          dataSource={facts}
        />
      )}
      {params.length > 0 && (
        <Table<ParameterRead>
          size="small"
          pagination={false}
          rowKey={(p) => `${p.name}@${p.from}`}
          style={{ marginTop: 4 }}
          columns={[
            { title: '政策参数', dataIndex: 'name' },
            { title: '取值', dataIndex: 'value', render: value },
            { title: '条款', dataIndex: 'clause', render: (c: string) => `${c} ${clauseHeading(c)}` },
            { title: '有效期', key: 'period', render: (_: unknown, p) => `${formatDate(p.from)} 至 ${p.to ? formatDate(p.to) : '今'}` },
          ]}
          dataSource={params}
        />
      )}
    </details>
  );
}

function DecisionSteps({ steps }: { steps: TraceStep[] }) {
  return (
    <Timeline
      items={steps.map((s, i) => ({
        key: i,
        color: STEP_COLORS[s.result],
        content: (
          <div data-testid="decision-step">
            <Space wrap size={4}>
              <Typography.Text strong>第 {i + 1} 步</Typography.Text>
              <Tag color={STEP_COLORS[s.result]}>{nameOf(STEP_RESULT_NAMES, s.result)}</Tag>
              <Typography.Text type="secondary">{s.rule}</Typography.Text>
              <Clause id={s.clause} />
            </Space>
            <div>{s.reason}</div>
            <StepDetails step={s} />
          </div>
        ),
      }))}
    />
  );
}

type Act = 'decide' | 'review' | 'reject' | 'withdraw' | 'approve' | 'r3';
const ACTS: Record<Act, { label: string; path: string; reason?: 'required' | 'optional'; done: string }> = {
  decide: { label: '按政策判定', path: 'decide', done: '已判定' },
  review: { label: '审核通过', path: 'review', done: '已审核通过' },
  reject: { label: '驳回', path: 'reject', reason: 'required', done: '已驳回' },
  withdraw: { label: '撤回', path: 'withdraw', reason: 'optional', done: '已撤回' },
  approve: { label: '批准', path: 'approve', done: '已批准，金额已从资金预留' },
  r3: { label: '登记年度次数例外（R3）', path: 'r3-exception', reason: 'required', done: '已登记年度次数例外' },
};

/** The acts the server says this viewer may take on the claim now (allowedActs); the server checks again. */
function actsFor(c: Claim): Act[] {
  return (c.allowedActs ?? []).map((a) => (a === 'r3_exception' ? 'r3' : a));
}

/** The acts on this claim the server allows the viewer (the office's review acts, an applicant's withdrawal), one at a time (no double submit), errors shown where they belong. */
function ReviewActions({ claim, onDone }: { claim: Claim; onDone(): void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const [asking, setAsking] = useState<Act | null>(null);
  const [running, setRunning] = useState<Act | null>(null);
  const busy = useRef(false);
  const acts = actsFor(claim);
  if (acts.length === 0) return null;

  const run = async (act: Act, reason?: string) => {
    if (busy.current) return;
    busy.current = true;
    setRunning(act);
    try {
      const body = ACTS[act].reason ? { reason: reason ?? null } : {};
      await api(`/claims/${encodeURIComponent(claim.id)}/${ACTS[act].path}`, { method: 'POST', body });
      message.success(ACTS[act].done);
      setAsking(null);
      form.resetFields();
      onDone();
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'client', String(e));
      if (asking && err.field?.replace(/^body\./, '') === 'reason') form.setFields([{ name: 'reason', errors: [err.message] }]);
      else message.error(err.message);
    } finally {
      busy.current = false;
      setRunning(null);
    }
  };
  // Approving reserves the amount from the fund and cannot be undone: it asks first, with the amount.
  const onClick = (act: Act) => (ACTS[act].reason || act === 'approve' ? setAsking(act) : void run(act));
  const approveFen = claim.amountFen ?? claim.r3Exception?.amountFen ?? null;
  const submitReason = () =>
    asking === 'approve' ? run('approve') : validFields(form).then((v) => run(asking!, v.reason?.trim() || undefined));

  return (
    <Card title={acts.every((a) => a === 'withdraw') ? '申领操作' : '审核操作'} size="small">
      <Space wrap>
        {acts.map((act) => (
          <Button
            key={act}
            type={act === 'review' || act === 'approve' || act === 'decide' ? 'primary' : 'default'}
            danger={act === 'reject'}
            loading={running === act}
            disabled={running !== null}
            onClick={() => onClick(act)}
          >
            {ACTS[act].label}
          </Button>
        ))}
      </Space>
      <Dialog
        guard={form}
        open={asking !== null}
        title={asking === 'approve' ? '批准这笔申领' : asking ? ACTS[asking].label : ''}
        okText={asking === 'approve' ? '确认批准' : '确认'}
        cancelText="取消"
        onOk={submitReason}
        onCancel={() => setAsking(null)}
        okButtonProps={{ loading: running !== null, danger: asking === 'reject' }}
        destroyOnHidden
      >
        {asking === 'approve' && (
          <Typography.Paragraph data-testid="approve-confirm">
            批准 1 笔申领，金额 {formatMoney(approveFen)}：批准后从相应资金预留，等待编入支付批次；批准不能撤回。
          </Typography.Paragraph>
        )}
        {asking === 'r3' && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="§4.0 每人每年享受培训补贴原则上不超过 3 次：仅因此项不符合的申领，市人社局可写明理由登记例外。"
          />
        )}
        <Form form={form} layout="vertical">
          {asking !== 'approve' && (
            <Form.Item
              label={asking === 'withdraw' ? '撤回理由（可不填）' : asking === 'r3' ? '例外理由' : '驳回理由'}
              name="reason"
              rules={
                asking && ACTS[asking].reason === 'required'
                  ? [
                      { required: true, whitespace: true, message: '请写明理由' },
                      { max: 2000, message: '不超过 2000 字' },
                    ]
                  : [{ max: 2000, message: '不超过 2000 字' }]
              }
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          )}
        </Form>
      </Dialog>
    </Card>
  );
}

function ClaimDetail() {
  return (
    <AntApp component={false}>
      <ClaimDetailInner />
    </AntApp>
  );
}

function ClaimDetailInner() {
  const { id = '' } = useParams();
  const { data: c, error, loading, reload } = useApi<Claim & { riskScore?: number | null }>(`/claims/${encodeURIComponent(id)}`);
  // The decision taken after a missing fact was recorded here, kept in view once the claim no longer waits.
  const [redecided, setRedecided] = useState<Decision | null>(null);
  if (error) return <LoadError error={error} what="申领" onRetry={reload} />;
  if (loading && !c) return <Spin size="large" />;
  if (!c) return <Spin size="large" />;
  const steps = c.trace?.steps ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Link to="/claims">← 返回申领列表</Link>
        <PrintButton path={`/claims/${encodeURIComponent(c.id)}/decision-letter.pdf`} label="打印审核决定书" />
      </Space>
      <Typography.Title level={3} style={{ margin: 0 }}>
        申领 {c.number} <ClaimStatusTag status={c.status} />
      </Typography.Title>
      <Card title="申领信息" size="small">
        <Descriptions
          size="small"
          column={3}
          bordered
          items={[
            { key: 'program', label: '培训项目', children: nameOf(PROGRAM_NAMES, c.program) },
            { key: 'applicant', label: '申请人类型', children: nameOf(APPLICANT_NAMES, c.applicant) },
            { key: 'area', label: '受理地区', children: areaName(c.areaCode) },
            { key: 'name', label: '姓名', children: c.traineeName ?? '—' },
            { key: 'rid', label: '身份证号', children: c.residentId },
            { key: 'ent', label: '企业', children: withCode(c.enterpriseName, c.enterpriseUscc) },
            { key: 'prov', label: '培训机构', children: withCode(c.providerName, c.providerId) },
            { key: 'occ', label: '职业（工种）', children: withCode(c.occupationName, c.occupationCode) },
            { key: 'lvl', label: '等级', children: c.level ? nameOf(LEVEL_NAMES, c.level) : '—' },
            { key: 'class', label: '培训班', children: c.classNumber ?? '—' },
            { key: 'start', label: '培训开始', children: formatDate(c.startDate) },
            { key: 'end', label: '培训结束', children: formatDate(c.endDate) },
            ...(c.riskScore !== undefined && c.riskScore !== null
              ? [
                  {
                    key: 'risk',
                    label: '风险评分',
                    children: <Tag color={c.riskScore >= 50 ? 'error' : c.riskScore > 0 ? 'warning' : 'default'}>{c.riskScore}</Tag>,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ReviewActions claim={c} onDone={reload} />
      <CertificateCheckCard claimId={c.id} />
      <AttachmentsCard record={`/claims/${encodeURIComponent(c.id)}`} title="附件（证书扫描件等）" />
      <Card title="政策判定" size="small">
        {c.outcome === null ? (
          <Empty description="尚未判定" />
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions
              size="small"
              column={3}
              bordered
              items={[
                { key: 'outcome', label: '判定结果', children: <OutcomeTag outcome={c.outcome} /> },
                { key: 'amount', label: '核定金额', children: <span data-testid="claim-amount">{claimAmount(c)}</span> },
                { key: 'payee', label: '收款方', children: c.payee ? nameOf(APPLICANT_NAMES, c.payee) : '—' },
                { key: 'pkg', label: '政策包', children: c.policyPackageId ?? '—' },
                { key: 'gov', label: '适用日期', children: formatDate(c.trace?.governingDate) },
                { key: 'at', label: '判定时间', children: formatDateTime(c.decidedAt) },
              ]}
            />
            {redecided && (
              <Alert
                type={redecided.outcome === 'eligible' ? 'success' : 'info'}
                showIcon
                closable
                onClose={() => setRedecided(null)}
                data-testid="redecided"
                title={`已补充事实并重新判定：${decisionText(redecided)}`}
              />
            )}
            {c.outcome === 'undecided' && (
              <MissingFactsCard
                claimId={c.id}
                onDecided={(d) => {
                  setRedecided(d);
                  reload();
                }}
              />
            )}
            {c.bankFailure && (
              <Alert
                type="warning"
                showIcon
                data-testid="bank-failure"
                title={`银行发放未成功：${c.bankFailure.reason}`}
                description={`支付批次 ${c.bankFailure.batchNumber}，${formatDateTime(c.bankFailure.at)} 银行回单退回。申领已退回“可编入支付批次”；请核对收款账户后编入新的支付批次。`}
              />
            )}
            {c.r3Exception && (
              <Alert
                type="info"
                showIcon
                title="已登记年度补贴次数例外（R3）"
                description={`${c.r3Exception.reason}（${c.r3Exception.by ?? ''}，${formatDateTime(c.r3Exception.at)}；例外金额 ${formatMoney(c.r3Exception.amountFen)}）`}
              />
            )}
            <div>
              <Typography.Text strong>依据条款：</Typography.Text>
              <Space wrap size={[12, 4]}>
                {c.citations.map((cl) => (
                  <Clause key={cl} id={cl} />
                ))}
              </Space>
            </div>
            <Typography.Title level={5} style={{ margin: 0 }}>
              判定过程
            </Typography.Title>
            {steps.length > 0 ? (
              <DecisionSteps steps={steps} />
            ) : (
              <ol>
                {c.reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ol>
            )}
          </Space>
        )}
      </Card>
    </Space>
  );
}
