// 风险线索 (§5.2, §5.3): the findings of the newest scan, filtered by rule, level, provider and area;
// each with its plain Chinese explanation, and its evidence rows when expanded. The city runs a new
// scan from here (with its progress and the count per rule); an office may open a sanction from a finding.
import { Alert, Button, Form, Input, Modal, Progress, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, type Page } from '../../../api.ts';
import { useAuth } from '../../../auth.tsx';
import { LoadError } from '../../../components.tsx';
import { formatDateTime } from '../../../format.ts';
import { useApi } from '../../../hooks.ts';
import { areaName } from '../../../labels.ts';
import { RequireAuth } from '../../../layout/RequireAuth.tsx';
import { ListFilters, AreaFilter, ExportButton, useServerList, type ExportColumn } from '../../../list.tsx';
import { Evidence } from './Evidence.tsx';
import { LEVELS, levelOf, RISK_LEVEL_COLORS, RISK_LEVEL_NAMES, RISK_RULE_NAMES, SUBJECT_KIND_NAMES } from './risk-labels.ts';
import type { RiskFinding, RiskScan, ScanSummary } from './risk-types.ts';
import { SanctionModal, type SanctionPrefill } from './SanctionModal.tsx';

const FILTERS = ['rule', 'level', 'providerId', 'areaCode', 'classId', 'claimId'] as const;
const SORTABLE: Record<string, string> = { id: 'id', rule: 'rule', weight: 'weight' };
const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

const subjectsText = (f: RiskFinding, kind: string) =>
  f.subjects
    .filter((s) => s.kind === kind)
    .map((s) => s.number)
    .join('、');
const EXPORT: ExportColumn<RiskFinding>[] = [
  { title: '线索编号', value: (f) => f.id, width: 30 },
  { title: '规则', value: (f) => RISK_RULE_NAMES[f.rule] ?? f.title, width: 30 },
  { title: '条款', value: (f) => f.clause },
  { title: '风险等级', value: (f) => RISK_LEVEL_NAMES[levelOf(LEVELS.findingWeight, f.weight)] },
  { title: '权重', value: (f) => f.weight },
  { title: '说明', value: (f) => f.explanation, width: 80 },
  { title: '培训班', value: (f) => subjectsText(f, 'class'), width: 40 },
  { title: '申领', value: (f) => subjectsText(f, 'claim'), width: 40 },
  { title: '培训机构', value: (f) => subjectsText(f, 'provider'), width: 20 },
  { title: '地区', value: (f) => [...new Set(f.subjects.map((s) => areaName(s.areaCode)).filter((a) => a !== '—'))].join('、') },
  { title: '证据（JSON）', value: (f) => JSON.stringify(f.evidence), width: 60 },
];

export default function RiskFindingsPage() {
  return (
    <RequireAuth>
      <Findings />
    </RequireAuth>
  );
}

function LevelTag({ weight }: { weight: number }) {
  const l = levelOf(LEVELS.findingWeight, weight);
  return (
    <Tag color={RISK_LEVEL_COLORS[l]}>
      {RISK_LEVEL_NAMES[l]}（{weight}）
    </Tag>
  );
}

function Subjects({ f }: { f: RiskFinding }) {
  return (
    <Space orientation="vertical" size={2}>
      {(['class', 'claim', 'provider'] as const).map((kind) => {
        const refs = f.subjects.filter((s) => s.kind === kind);
        if (refs.length === 0) return null;
        return (
          <span key={kind}>
            {SUBJECT_KIND_NAMES[kind]}：
            {refs.slice(0, 3).map((s, i) => (
              <span key={s.ref}>
                {i > 0 && '、'}
                {kind === 'class' || kind === 'claim' ? <Link to={`/records/${encodeURIComponent(s.number)}`}>{s.number}</Link> : s.number}
              </span>
            ))}
            {refs.length > 3 && ` 等 ${refs.length} 个`}
          </span>
        );
      })}
    </Space>
  );
}

function ScanButton({ onDone }: { onDone(): void }) {
  const [running, setRunning] = useState(false);
  const [percent, setPercent] = useState(0);
  const [result, setResult] = useState<ScanSummary | null>(null);
  const [modal, modalHolder] = Modal.useModal();
  const run = async () => {
    if (running) return;
    setRunning(true);
    setPercent(5);
    // The scan runs on the server in one transaction; the bar advances while it works and completes on its answer.
    const timer = setInterval(() => setPercent((p) => Math.min(95, p + Math.max(1, Math.round((95 - p) / 8)))), 300);
    try {
      const s = await api<ScanSummary>('/risk/scans', { method: 'POST' });
      setPercent(100);
      setResult(s);
      onDone();
    } catch (e) {
      modal.error({ title: '风险扫描失败', content: e instanceof ApiError ? e.message : String(e) });
    } finally {
      clearInterval(timer);
      setRunning(false);
    }
  };
  return (
    <>
      {modalHolder}
      <Button type="primary" onClick={run} loading={running} disabled={running}>
        运行风险扫描
      </Button>
      <Modal
        open={running || result !== null}
        title={running ? '正在扫描全部培训班、申领和培训机构' : '风险扫描完成'}
        closable={!running}
        mask={{ closable: !running }}
        onCancel={() => setResult(null)}
        footer={
          running ? null : (
            <Button type="primary" onClick={() => setResult(null)}>
              查看线索
            </Button>
          )
        }
      >
        <Progress percent={percent} status={running ? 'active' : 'success'} aria-label="扫描进度" />
        {result && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              共发现 <b>{result.findings}</b> 条风险线索；评分：培训班 {result.scored.classes} 个、申领 {result.scored.claims} 笔、培训机构{' '}
              {result.scored.providers} 家。
            </Typography.Text>
            <Table
              size="small"
              pagination={false}
              rowKey="rule"
              data-testid="scan-by-rule"
              dataSource={Object.entries(result.byRule).map(([rule, n]) => ({ rule, n }))}
              columns={[
                { title: '规则', dataIndex: 'rule', render: (r: string) => RISK_RULE_NAMES[r] ?? r },
                { title: '线索数', dataIndex: 'n', align: 'right' },
              ]}
            />
            {Object.values(result.unknown).map((u) => (
              <Alert key={u.note} type="warning" showIcon title={u.note} />
            ))}
          </Space>
        )}
      </Modal>
    </>
  );
}

function Findings() {
  const { me } = useAuth();
  const list = useServerList<RiskFinding>('/risk/findings', FILTERS, SORTABLE);
  const scans = useApi<Page<RiskScan>>('/risk/scans', { pageSize: 1 });
  const { error, reload, sortOrder } = list;
  const [form] = Form.useForm();
  const [sanction, setSanction] = useState<SanctionPrefill | null>(null);
  const office = me?.role === 'city' || me?.role === 'county';

  const columns: TableProps<RiskFinding>['columns'] = [
    {
      title: '规则',
      dataIndex: 'rule',
      key: 'rule',
      width: 190,
      sorter: true,
      sortOrder: sortOrder('rule'),
      render: (r: string, f) => (
        <span>
          {RISK_RULE_NAMES[r] ?? f.title}
          <br />
          <Typography.Text type="secondary">{f.clause}</Typography.Text>
        </span>
      ),
    },
    {
      title: '等级',
      dataIndex: 'weight',
      key: 'weight',
      width: 90,
      sorter: true,
      sortOrder: sortOrder('weight'),
      render: (w: number) => <LevelTag weight={w} />,
    },
    {
      title: '说明',
      dataIndex: 'explanation',
      key: 'explanation',
      render: (t: string) => <span style={{ wordBreak: 'break-all' }}>{t}</span>,
    },
    { title: '涉及', key: 'subjects', width: 230, render: (_: unknown, f) => <Subjects f={f} /> },
    ...(office
      ? [
          {
            title: '操作',
            key: 'act',
            width: 80,
            render: (_: unknown, f: RiskFinding) => (
              <Button
                size="small"
                onClick={() => {
                  const claim = f.subjects.find((s) => s.kind === 'claim');
                  const provider = f.subjects.find((s) => s.kind === 'provider');
                  setSanction({
                    target: claim ? 'claim' : 'provider',
                    claimId: claim?.number,
                    providerId: provider?.ref,
                    findingIds: [f.id],
                  });
                }}
              >
                查处
              </Button>
            ),
          },
        ]
      : []),
  ];

  const latest = scans.data?.items[0];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          风险线索
        </Typography.Title>
        <Space wrap>
          {me?.role === 'city' && (
            <ScanButton
              onDone={() => {
                reload();
                scans.reload();
              }}
            />
          )}
          <ExportButton path="/risk/findings" query={list.query} columns={EXPORT} fileName="风险线索" />
        </Space>
      </Space>
      {latest ? (
        <Alert
          type="info"
          showIcon
          title={`最近一次扫描：${formatDateTime(latest.scannedAt)}，${latest.findings} 条线索（参数版本 ${latest.parametersVersion}）`}
          description={
            Object.values(latest.unknown)
              .map((u) => u.note)
              .join(' ') || undefined
          }
        />
      ) : scans.loading ? null : (
        <Alert
          type="warning"
          showIcon
          title={me?.role === 'city' ? '尚未运行风险扫描：点击“运行风险扫描”。' : '市人社局尚未运行风险扫描。'}
        />
      )}
      <ListFilters form={form} list={list}>
        <Form.Item label="规则" name="rule">
          <Select allowClear placeholder="全部" style={{ width: 260 }} options={options(RISK_RULE_NAMES)} />
        </Form.Item>
        <Form.Item label="等级" name="level">
          <Select allowClear placeholder="全部" style={{ width: 90 }} options={options(RISK_LEVEL_NAMES)} />
        </Form.Item>
        <Form.Item label="培训机构编号" name="providerId">
          <Input allowClear maxLength={64} style={{ width: 120 }} />
        </Form.Item>
        {me?.role !== 'county' && <AreaFilter width={110} />}
        <Form.Item label="培训班编号" name="classId">
          <Input allowClear maxLength={64} placeholder="BJ-…" style={{ width: 200 }} />
        </Form.Item>
      </ListFilters>
      {error ? (
        <LoadError error={error} what="风险线索" onRetry={reload} />
      ) : (
        <Table<RiskFinding>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          columns={columns}
          tableLayout="fixed"
          scroll={{ x: 900 }}
          expandable={{ expandedRowRender: (f) => <Evidence value={f.evidence} />, expandRowByClick: false }}
        />
      )}
      <SanctionModal open={sanction !== null} prefill={sanction ?? {}} onClose={() => setSanction(null)} onDone={() => setSanction(null)} />
    </Space>
  );
}
