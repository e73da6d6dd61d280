// 参数测算 (WHAT-IF, city): choose a parameter, a new value and a period; the server re-decides every
// stored claim whose training starts in the period under the changed package (nothing saved) and this
// screen follows its progress, then shows how many claims and how much money would change, by program
// and by area, with the changed claims. The run's id stays in the URL (?run=…).
import { Alert, Button, Card, Col, Form, Input, Progress, Row, Select, Space, Statistic, Table, Typography, type TableProps } from 'antd';
import type dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError, type Page } from '../../api.ts';
import { LoadError, OutcomeTag } from '../../components.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { AREA_NAMES, areaName, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { useApi } from '../../hooks.ts';
import type {
  TParameterView as ParameterView,
  TWhatIfChangedClaim as WhatIfChangedClaim,
  TWhatIfJobView as WhatIfJobView,
  TWhatIfTotals as WhatIfTotals,
} from '../../../../src/api/routes/admin.types.ts';
import { CityOnly, options, useSubmit } from './shared.tsx';
import { describeValue, parseValue, valueText } from './values.ts';
import { DateRangeInput } from '../../date-input.tsx';
import { useUnsavedGuard } from '../../unsaved-guard.tsx';

const FIELDS = ['parameter', 'value', 'from', 'to'] as const;
const CLAIM_FILTERS = ['program', 'areaCode'] as const;
const CLAIM_SORTABLE: Record<string, string> = {
  number: 'number',
  program: 'program',
  areaCode: 'areaCode',
  startDate: 'startDate',
  deltaFen: 'deltaFen',
};
const signed = (fen: number) => (fen > 0 ? `+${formatMoney(fen)}` : fen < 0 ? `-${formatMoney(-fen)}` : formatMoney(0));

const CLAIM_EXPORT: ExportColumn<WhatIfChangedClaim>[] = [
  { title: '申领编号', value: (c) => c.number, width: 26 },
  { title: '培训项目', value: (c) => nameOf(PROGRAM_NAMES, c.program), width: 22 },
  { title: '地区', value: (c) => areaName(c.areaCode) },
  { title: '身份证号', value: (c) => c.residentId, width: 22 },
  { title: '开始日期', value: (c) => c.startDate, width: 14 },
  { title: '现行参数金额（元）', value: (c) => c.beforeAmountFen / 100, width: 18 },
  { title: '测算金额（元）', value: (c) => c.afterAmountFen / 100, width: 16 },
  { title: '差额（元）', value: (c) => c.deltaFen / 100, width: 14 },
];

export default function WhatIfPage() {
  return (
    <CityOnly>
      <WhatIf />
    </CityOnly>
  );
}

function WhatIf() {
  const [params, setParams] = useSearchParams();
  const runId = params.get('run');
  const parameters = useApi<Page<ParameterView>>('/policy/parameters');
  const [form] = Form.useForm();
  const { busy, error, submit } = useSubmit<WhatIfJobView>(form, FIELDS);
  const guard = useUnsavedGuard(form);
  const chosen = Form.useWatch('parameter', form) as string | undefined;
  const byName = useMemo(() => new Map((parameters.data?.items ?? []).map((p) => [p.name, p])), [parameters.data]);
  const current = chosen ? byName.get(chosen) : undefined;
  useEffect(() => {
    if (current) form.setFieldValue('value', valueText(current.values.at(-1)!.value));
  }, [current, form]);

  const onFinish = async (v: { parameter: string; value: string; period: [dayjs.Dayjs, dayjs.Dayjs] }) => {
    const parsed = parseValue(v.value);
    if ('error' in parsed) {
      form.setFields([{ name: 'value', errors: [parsed.error] }]);
      return;
    }
    const body = {
      parameter: v.parameter,
      value: parsed.value,
      from: v.period[0].format('YYYY-MM-DD'),
      to: v.period[1].format('YYYY-MM-DD'),
    };
    const job = await submit(() => api<WhatIfJobView>('/what-if', { method: 'POST', body }));
    if (job) {
      guard.saved();
      setParams(new URLSearchParams({ run: job.id }));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        参数测算
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        title="按调整后的参数，重新判定培训开始日期在测算期间内的全部申领（已撤回、已驳回的除外），与按现行参数重新判定的结果比较。测算不保存任何数据。"
      />
      <Card size="small">
        {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
        <Form form={form} name="whatif-1" layout="inline" onFinish={onFinish} aria-label="测算条件" style={{ rowGap: 12 }}>
          <Form.Item label="参数" name="parameter" rules={[{ required: true, message: '请选择参数' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 300 }}
              loading={parameters.loading}
              options={(parameters.data?.items ?? []).map((p) => ({ value: p.name, label: `${p.description}（${p.clause}）` }))}
            />
          </Form.Item>
          <Form.Item label="新取值" name="value" rules={[{ required: true, message: '请填写新取值' }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="测算期间" name="period" rules={[{ required: true, message: '请选择测算期间' }]}>
            <DateRangeInput style={{ width: 300 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} disabled={busy}>
              开始测算
            </Button>
          </Form.Item>
        </Form>
        {current && (
          <Typography.Text type="secondary">
            现值：{current.values.map((v) => `${formatDate(v.from)}起 ${describeValue(v.value)}`).join('；')}
          </Typography.Text>
        )}
      </Card>
      {runId && <Run id={runId} />}
    </Space>
  );
}

function Run({ id }: { id: string }) {
  const [job, setJob] = useState<WhatIfJobView | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const j = await api<WhatIfJobView>(`/what-if/${encodeURIComponent(id)}`);
        if (stop) return;
        setJob(j);
        if (j.status === 'running') timer = setTimeout(poll, 400);
      } catch (e) {
        if (!stop) setFailure(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
      }
    };
    setJob(null);
    setFailure(null);
    void poll();
    return () => {
      stop = true;
      if (timer) clearTimeout(timer);
    };
  }, [id]);

  if (failure) return <LoadError error={failure} what="测算" />;
  if (!job) return <Progress percent={0} aria-label="测算进度" />;
  if (job.status === 'running') {
    return (
      <Card size="small" title="正在测算">
        <Progress percent={job.progress.percent} aria-label="测算进度" />
        <Typography.Text type="secondary">
          已判定 {job.progress.done} / {job.progress.total} 人的申领
        </Typography.Text>
      </Card>
    );
  }
  if (job.status === 'failed' || !job.result) return <Alert type="error" showIcon title="测算失败" description={job.error ?? ''} />;
  return <Results job={job} />;
}

function totalsColumns<T extends WhatIfTotals>(first: TableProps<T>['columns']): TableProps<T>['columns'] {
  return [
    ...(first ?? []),
    { title: '申领数', dataIndex: 'claims', key: 'claims', align: 'right' },
    { title: '变化的申领', dataIndex: 'changed', key: 'changed', align: 'right' },
    { title: '现行参数金额', dataIndex: 'beforeFen', key: 'beforeFen', align: 'right', render: formatMoney },
    { title: '测算金额', dataIndex: 'afterFen', key: 'afterFen', align: 'right', render: formatMoney },
    { title: '差额', dataIndex: 'deltaFen', key: 'deltaFen', align: 'right', render: signed },
  ];
}

function Results({ job }: { job: WhatIfJobView }) {
  const r = job.result!;
  const list = useServerList<WhatIfChangedClaim>(`/what-if/${encodeURIComponent(job.id)}/claims`, CLAIM_FILTERS, CLAIM_SORTABLE);
  const [filters] = Form.useForm();
  useEffect(() => filters.setFieldsValue(list.state.filters), [filters, list.state.filters]);
  const claimColumns: TableProps<WhatIfChangedClaim>['columns'] = [
    {
      title: '申领编号',
      dataIndex: 'number',
      key: 'number',
      width: 190,
      sorter: true,
      sortOrder: list.sortOrder('number'),
      render: (n: string, c) => <Link to={`/claims/${encodeURIComponent(c.id)}`}>{n}</Link>,
    },
    {
      title: '培训项目',
      dataIndex: 'program',
      key: 'program',
      width: 150,
      sorter: true,
      sortOrder: list.sortOrder('program'),
      render: (p: string) => nameOf(PROGRAM_NAMES, p),
    },
    {
      title: '地区',
      dataIndex: 'areaCode',
      key: 'areaCode',
      width: 80,
      sorter: true,
      sortOrder: list.sortOrder('areaCode'),
      render: areaName,
    },
    {
      title: '开始日期',
      dataIndex: 'startDate',
      key: 'startDate',
      width: 130,
      sorter: true,
      sortOrder: list.sortOrder('startDate'),
      render: formatDate,
    },
    {
      title: '现行参数',
      key: 'before',
      width: 170,
      render: (_: unknown, c) => (
        <Space size={4}>
          <OutcomeTag outcome={c.beforeOutcome} />
          {formatMoney(c.beforeAmountFen)}
        </Space>
      ),
    },
    {
      title: '测算',
      key: 'after',
      width: 170,
      render: (_: unknown, c) => (
        <Space size={4}>
          <OutcomeTag outcome={c.afterOutcome} />
          {formatMoney(c.afterAmountFen)}
        </Space>
      ),
    },
    {
      title: '差额',
      dataIndex: 'deltaFen',
      key: 'deltaFen',
      width: 110,
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrder('deltaFen'),
      render: signed,
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} xl={6}>
          <Card size="small">
            <Statistic title="期间内申领" value={r.totals.claims} suffix="笔" />
          </Card>
        </Col>
        <Col xs={12} xl={6}>
          <Card size="small">
            <Statistic title="将发生变化" value={r.totals.changed} suffix="笔" />
          </Card>
        </Col>
        <Col xs={12} xl={6}>
          <Card size="small">
            <Statistic title="现行参数金额" value={formatMoney(r.totals.beforeFen)} />
          </Card>
        </Col>
        <Col xs={12} xl={6}>
          <Card size="small">
            <Statistic title="金额变化" value={signed(r.totals.deltaFen)} />
          </Card>
        </Col>
      </Row>
      <Typography.Text type="secondary" data-testid="what-if-summary">
        {describeRun(job)}
      </Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title="按培训项目">
            <Table
              size="small"
              rowKey="program"
              pagination={false}
              dataSource={r.byProgram}
              scroll={{ x: 640 }}
              aria-label="按培训项目"
              columns={totalsColumns<WhatIfTotals & { program: string }>([
                { title: '培训项目', dataIndex: 'program', key: 'program', render: (p: string) => nameOf(PROGRAM_NAMES, p) },
              ])}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="按地区">
            <Table
              size="small"
              rowKey="areaCode"
              pagination={false}
              dataSource={r.byArea}
              scroll={{ x: 600 }}
              aria-label="按地区"
              columns={totalsColumns<WhatIfTotals & { areaCode: string }>([
                { title: '地区', dataIndex: 'areaCode', key: 'areaCode', render: areaName },
              ])}
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title="发生变化的申领"
        extra={
          <ExportButton
            path={`/what-if/${encodeURIComponent(job.id)}/claims`}
            query={list.query}
            columns={CLAIM_EXPORT}
            fileName="参数测算-变化的申领"
          />
        }
      >
        <Form
          form={filters}
          name="whatif-2"
          layout="inline"
          aria-label="筛选变化的申领"
          style={{ rowGap: 12, marginBottom: 12 }}
          onFinish={list.setFilters}
        >
          <Form.Item label="培训项目" name="program">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="全部"
              style={{ width: 190 }}
              options={options(PROGRAM_NAMES)}
            />
          </Form.Item>
          <Form.Item label="地区" name="areaCode">
            <Select allowClear placeholder="全部" style={{ width: 120 }} options={options(AREA_NAMES)} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                筛选
              </Button>
              <Button
                onClick={() => {
                  filters.resetFields();
                  list.clearFilters();
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
        {list.error ? (
          <LoadError error={list.error} what="测算结果" onRetry={list.reload} />
        ) : (
          <Table<WhatIfChangedClaim>
            rowKey="id"
            size="small"
            {...list.tableProps}
            columns={claimColumns}
            tableLayout="fixed"
            scroll={{ x: 960 }}
          />
        )}
      </Card>
    </Space>
  );
}

function describeRun(job: WhatIfJobView): string {
  const i = job.input;
  return `测算：${i.parameter} 取 ${describeValue(i.value)}，期间 ${formatDate(i.from)} 至 ${formatDate(i.to)}；基于政策包 ${job.result?.basePackageId ?? ''}。`;
}
