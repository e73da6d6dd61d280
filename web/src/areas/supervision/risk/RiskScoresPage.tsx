// 风险评分 (§5.2): the score of every class, claim and provider in the newest scan (the sum of the
// weights of the distinct rules that name it, capped at 100), highest first; each links to its findings.
import { Form, Input, Select, Space, Table, Tabs, Tag, Typography, type TableProps } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../../auth.tsx';
import { LoadError } from '../../../components.tsx';
import { areaName } from '../../../labels.ts';
import { RequireAuth } from '../../../layout/RequireAuth.tsx';
import { ListFilters, AreaFilter, ExportButton, useServerList, type ExportColumn } from '../../../list.tsx';
import { LEVELS, levelOf, RISK_LEVEL_COLORS, RISK_LEVEL_NAMES, RISK_RULE_NAMES, SUBJECT_KIND_NAMES } from './risk-labels.ts';
import type { RiskScore } from './risk-types.ts';

const FILTERS = ['kind', 'level', 'areaCode', 'ref'] as const;
const SORTABLE: Record<string, string> = { score: 'score', ref: 'ref' };
const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));
const FINDINGS_FILTER: Record<string, string> = { class: 'classId', claim: 'claimId', provider: 'providerId' };

const EXPORT: ExportColumn<RiskScore>[] = [
  { title: '对象', value: (s) => SUBJECT_KIND_NAMES[s.kind] },
  { title: '编号', value: (s) => s.number, width: 26 },
  { title: '地区', value: (s) => areaName(s.areaCode) },
  { title: '风险评分', value: (s) => s.score },
  { title: '风险等级', value: (s) => RISK_LEVEL_NAMES[levelOf(LEVELS.score, s.score)] },
  { title: '触发的规则', value: (s) => s.rules.map((r) => RISK_RULE_NAMES[r] ?? r).join('、'), width: 60 },
  { title: '线索数', value: (s) => s.findings },
];

export default function RiskScoresPage() {
  return (
    <RequireAuth>
      <Scores />
    </RequireAuth>
  );
}

function Scores() {
  const { me } = useAuth();
  const [params] = useSearchParams();
  const kind = (['class', 'claim', 'provider'] as const).find((k) => k === params.get('kind')) ?? 'class';
  const list = useServerList<RiskScore>('/risk/scores', FILTERS, SORTABLE, { kind });
  const { state, error, reload, sortOrder } = list;
  const query = list.query;
  const [form] = Form.useForm();

  const columns: TableProps<RiskScore>['columns'] = [
    {
      title: SUBJECT_KIND_NAMES[kind],
      dataIndex: 'ref',
      key: 'ref',
      sorter: true,
      sortOrder: sortOrder('ref'),
      ellipsis: { showTitle: true },
      render: (ref: string, s) =>
        kind === 'claim' ? (
          <Link to={`/claims/${encodeURIComponent(ref)}`}>{s.number}</Link>
        ) : kind === 'class' ? (
          <Link to={`/records/${encodeURIComponent(s.number)}`}>{s.number}</Link>
        ) : (
          s.number
        ),
    },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 90, render: areaName },
    {
      title: '风险评分',
      dataIndex: 'score',
      key: 'score',
      width: 120,
      sorter: true,
      sortOrder: sortOrder('score') ?? (state.sort ? null : 'descend'),
      render: (s: number) => {
        const l = levelOf(LEVELS.score, s);
        return (
          <Space>
            <b>{s}</b>
            <Tag color={RISK_LEVEL_COLORS[l]}>{RISK_LEVEL_NAMES[l]}</Tag>
          </Space>
        );
      },
    },
    {
      title: '触发的规则',
      dataIndex: 'rules',
      key: 'rules',
      render: (rules: string[]) => (
        <Space wrap size={4}>
          {rules.map((r) => (
            <Tag key={r}>{RISK_RULE_NAMES[r] ?? r}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '线索',
      dataIndex: 'findings',
      key: 'findings',
      width: 90,
      render: (n: number, s) => <Link to={`/risk-findings?${FINDINGS_FILTER[s.kind]}=${encodeURIComponent(s.ref)}`}>{n} 条</Link>,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          风险评分
        </Typography.Title>
        <ExportButton path="/risk/scores" query={query} columns={EXPORT} fileName={`风险评分-${SUBJECT_KIND_NAMES[kind]}`} />
      </Space>
      <Tabs
        activeKey={kind}
        onChange={(k) => list.update({ filters: { kind: k, ref: undefined } })}
        items={[
          { key: 'class', label: '培训班' },
          { key: 'claim', label: '补贴申领' },
          { key: 'provider', label: '培训机构' },
        ]}
      />
      <ListFilters
        form={form}
        list={list}
        fromForm={(v) => ({ ...v, kind })}
        onReset={() =>
          list.update({ filters: { kind, level: undefined, areaCode: undefined, ref: undefined }, sort: undefined, order: undefined })
        }
      >
        <Form.Item label="等级" name="level">
          <Select allowClear placeholder="全部" style={{ width: 90 }} options={options(RISK_LEVEL_NAMES)} />
        </Form.Item>
        {me?.role !== 'county' && <AreaFilter width={110} />}
        <Form.Item label="编号" name="ref">
          <Input allowClear maxLength={64} style={{ width: 200 }} />
        </Form.Item>
      </ListFilters>
      {error ? (
        <LoadError error={error} what="风险评分" onRetry={reload} />
      ) : (
        <Table<RiskScore>
          rowKey={(s) => `${s.kind}:${s.ref}`}
          size="middle"
          {...list.tableProps}
          columns={columns}
          tableLayout="fixed"
          scroll={{ x: 760 }}
        />
      )}
    </Space>
  );
}
