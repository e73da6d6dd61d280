// 年度任务与目标 (§1, §5.3): the annual training tasks with their progress at the end of a quarter,
// the quarter's laggards (通报), the enterprises' main-post headcounts (tab 企业主要岗位职工数), and
// the city goals — skilled and high-skilled shares from the employment figures, and the rotation of
// the industries the policy package names (钒钛, 康养) against the year's headcounts, naming the
// enterprises that have none (never counted as 0).
import { Alert, Button, Card, Form, Progress, Select, Space, Table, Tabs, Tag, Typography, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { useApi, type Loaded } from '../../hooks.ts';
import { PROGRAM_NAMES } from '../../labels.ts';
import { RequireAuth } from '../../layout/RequireAuth.tsx';
import { ListFilters, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import type { Me } from '../../types.ts';
import { EmploymentForm, TaskChangeForm, TaskForm } from './forms.tsx';
import { HeadcountsPanel } from './HeadcountsPanel.tsx';
import {
  DEFAULT_QUARTER,
  DEFAULT_YEAR,
  percent,
  QUARTER_OPTIONS,
  YEAR_OPTIONS,
  type CityGoals,
  type SkillRatio,
  type TaskProgress,
} from './shared.tsx';

const FILTERS = ['year', 'quarter', 'lagging', 'unitKind', 'program'] as const;
const SORTABLE: Record<string, string> = { unitName: 'unit', programName: 'program', target: 'target', done: 'done', rate: 'rate' };

const EXPORT: ExportColumn<TaskProgress>[] = [
  { title: '承担单位', value: (t) => t.unitName, width: 18 },
  { title: '培训项目', value: (t) => t.programName, width: 26 },
  { title: '年度任务', value: (t) => t.target },
  { title: '累计完成', value: (t) => t.done },
  { title: '按进度应完成', value: (t) => t.expected, width: 14 },
  { title: '完成率', value: (t) => percent(t.doneBasisPoints) },
  { title: '进度', value: (t) => (t.lagging ? `滞后（差 ${t.shortfall}）` : '正常') },
];

export default function TargetsPage() {
  return (
    <RequireAuth>
      <Targets />
    </RequireAuth>
  );
}

const TABS = ['tasks', 'headcounts'] as const;

function Targets() {
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? DEFAULT_YEAR;
  const tab = params.get('tab') === 'headcounts' ? 'headcounts' : 'tasks';
  const goals = useApi<CityGoals>('/goals', { year });
  // Each tab is its own list: switching starts it on its first page with its default order.
  const switchTab = (key: string, filters: Record<string, string> = {}) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const k of ['page', 'pageSize', 'sort', 'order']) next.delete(k);
      if (key === 'tasks') next.delete('tab');
      else next.set('tab', key);
      for (const [k, v] of Object.entries(filters)) next.set(k, v);
      return next;
    });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        年度任务与目标
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => switchTab(TABS.includes(k as never) ? k : 'tasks')}
        items={[
          { key: 'tasks', label: '年度任务', children: tab === 'tasks' ? <Tasks year={year} /> : null },
          {
            key: 'headcounts',
            label: '企业主要岗位职工数',
            children: tab === 'headcounts' ? <HeadcountsPanel year={year} onChanged={goals.reload} /> : null,
          },
        ]}
      />
      {me && (
        <Goals
          me={me}
          year={year}
          goals={goals}
          onMissing={(industry) => {
            switchTab('headcounts', { industry, recorded: 'false' });
            window.scrollTo({ top: 0 });
          }}
        />
      )}
    </Space>
  );
}

function Tasks({ year }: { year: string }) {
  const { me } = useAuth();
  const [params] = useSearchParams();
  const quarter = params.get('quarter') ?? DEFAULT_QUARTER;
  const list = useServerList<TaskProgress>('/targets', FILTERS, SORTABLE, { year, quarter });
  const [form] = Form.useForm();
  const [taskOpen, setTaskOpen] = useState(false);
  const [changing, setChanging] = useState<TaskProgress | null>(null);
  useEffect(() => {
    form.setFieldsValue({ ...list.state.filters, year, quarter });
  }, [form, list.state.filters, year, quarter]);
  const lagging = list.state.filters.lagging === 'true';

  const columns: TableProps<TaskProgress>['columns'] = [
    { title: '承担单位', dataIndex: 'unitName', key: 'unitName', sorter: true, sortOrder: list.sortOrder('unitName'), width: 150 },
    { title: '培训项目', dataIndex: 'programName', key: 'programName', sorter: true, sortOrder: list.sortOrder('programName'), width: 190 },
    {
      title: '年度任务',
      dataIndex: 'target',
      key: 'target',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrder('target'),
      width: 100,
    },
    { title: '累计完成', dataIndex: 'done', key: 'done', align: 'right', sorter: true, sortOrder: list.sortOrder('done'), width: 100 },
    { title: '按进度应完成', dataIndex: 'expected', key: 'expected', align: 'right', width: 120 },
    {
      title: '完成率',
      key: 'rate',
      sorter: true,
      sortOrder: list.sortOrder('rate'),
      width: 180,
      render: (_, t) => (
        <Progress
          percent={Math.min(100, Math.floor(t.doneBasisPoints / 100))}
          size="small"
          status={t.lagging ? 'exception' : 'normal'}
          format={() => percent(t.doneBasisPoints)}
        />
      ),
    },
    {
      title: '进度',
      key: 'lagging',
      width: 120,
      render: (_, t) => (t.lagging ? <Tag color="error">滞后，差 {t.shortfall}</Tag> : <Tag color="success">正常</Tag>),
    },
    ...(me?.role === 'city'
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_: unknown, t: TaskProgress) => (
              <Button type="link" size="small" onClick={() => setChanging(t)} aria-label={`调整 ${t.unitName} ${t.programName}`}>
                调整
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'flex-end' }} wrap>
        {me?.role === 'city' && (
          <Button type="primary" onClick={() => setTaskOpen(true)}>
            下达年度任务
          </Button>
        )}
        <ExportButton
          path="/targets"
          query={list.query}
          columns={EXPORT}
          fileName={lagging ? `${year}年第${quarter}季度任务进度通报` : `${year}年任务进度`}
        />
      </Space>
      <ListFilters form={form} list={list}>
        <Form.Item label="年度" name="year">
          <Select style={{ width: 110 }} options={YEAR_OPTIONS} />
        </Form.Item>
        <Form.Item label="截至" name="quarter">
          <Select style={{ width: 120 }} options={QUARTER_OPTIONS} />
        </Form.Item>
        <Form.Item label="承担单位" name="unitKind">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 110 }}
            options={[
              { value: 'area', label: '县（区）' },
              { value: 'department', label: '部门' },
            ]}
          />
        </Form.Item>
        <Form.Item label="培训项目" name="program">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 190 }}
            options={Object.entries(PROGRAM_NAMES)
              .filter(([k]) => k !== 'living_allowance' && k !== 'appraisal')
              .map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="范围" name="lagging">
          <Select allowClear placeholder="全部任务" style={{ width: 180 }} options={[{ value: 'true', label: '滞后任务（通报）' }]} />
        </Form.Item>
      </ListFilters>
      {lagging && list.data && (
        <Alert
          type={list.data.total ? 'warning' : 'success'}
          showIcon
          data-testid="laggard-notice"
          title={
            list.data.total
              ? `通报：${year}年第${'一二三四'[Number(quarter) - 1]}季度末，${list.data.total} 项年度任务进度滞后（完成数低于按季度均衡进度应完成数），请相关单位加快推进。`
              : '本季度没有进度滞后的任务。'
          }
        />
      )}
      {list.error ? (
        <LoadError error={list.error} what="年度任务" onRetry={list.reload} />
      ) : (
        <Table<TaskProgress> rowKey="id" size="middle" {...list.tableProps} columns={columns} scroll={{ x: 960 }} />
      )}
      <TaskForm open={taskOpen} onClose={() => setTaskOpen(false)} onSaved={list.reload} />
      <TaskChangeForm task={changing} onClose={() => setChanging(null)} onSaved={list.reload} />
    </Space>
  );
}

function met(v: boolean | null) {
  return v == null ? <Tag>未登记</Tag> : v ? <Tag color="success">达到</Tag> : <Tag color="error">未达到</Tag>;
}

function Goals({ me, year, goals, onMissing }: { me: Me; year: string; goals: Loaded<CityGoals>; onMissing(industry: string): void }) {
  const [open, setOpen] = useState(false);
  if (goals.error) return <LoadError error={goals.error} what="目标" onRetry={goals.reload} />;
  const g = goals.data;
  const office = me.role === 'city' || me.role === 'county';
  const rows: SkillRatio[] = g ? [...g.areas, ...(g.areas.length > 1 ? [g.city] : [])] : [];
  const target = (p: number | null | undefined) => (p == null ? '不适用' : `${p}%`);
  const columns: TableProps<SkillRatio>['columns'] = [
    { title: '地区', dataIndex: 'areaName', key: 'a' },
    { title: '就业人员', dataIndex: 'employed', key: 'e', align: 'right', render: (v: number | null) => v ?? '未登记' },
    { title: '技能劳动者', dataIndex: 'skilled', key: 's', align: 'right', render: (v: number | null) => v ?? '未登记' },
    {
      title: `技能劳动者占比（目标 ${target(g?.skilledTargetPercent)}）`,
      key: 'sr',
      render: (_, a) => (
        <Space>
          {percent(a.skilledBasisPoints)}
          {met(a.skilledMet)}
        </Space>
      ),
    },
    { title: '高技能人才', dataIndex: 'highSkilled', key: 'h', align: 'right', render: (v: number | null) => v ?? '未登记' },
    {
      title: `高技能人才占技能劳动者（目标 ${target(g?.highSkilledTargetPercent)}）`,
      key: 'hr',
      render: (_, a) => (
        <Space>
          {percent(a.highSkilledBasisPoints)}
          {met(a.highSkilledMet)}
        </Space>
      ),
    },
  ];
  return (
    <Card
      title={`${year}年 目标完成情况（§1）`}
      size="small"
      loading={goals.loading && !g}
      extra={office && <Button onClick={() => setOpen(true)}>登记就业人员统计</Button>}
    >
      {g && g.missing.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`缺少数据（不按零计算）：${g.missing.join('；')}`} />
      )}
      {g?.policyPackage && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          目标值取自政策包 {g.policyPackage}（{g.asOf} 有效的 §1 参数）。
        </Typography.Paragraph>
      )}
      <Table<SkillRatio> rowKey="areaCode" size="small" pagination={false} columns={columns} dataSource={rows} scroll={{ x: 900 }} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        重点产业主要岗位职工轮训一遍
      </Typography.Title>
      <Space wrap size="large" align="start">
        {g?.rotation.map((x) => (
          <Card key={x.industry} size="small" style={{ width: 340, maxWidth: '100%' }} data-testid={`rotation-${x.industry}`}>
            <Typography.Text strong>{x.industryName}</Typography.Text>
            <Progress
              percent={x.trainedBasisPoints == null ? 0 : Math.min(100, Math.floor(x.trainedBasisPoints / 100))}
              format={() => percent(x.trainedBasisPoints, '数据不全')}
            />
            <Typography.Text type="secondary" data-testid={`rotation-${x.industry}-figures`}>
              已培训 {x.trained} 人（不重复）/ 主要岗位职工 {x.mainPostEmployees} 人，{x.enterprises} 家企业
              {x.enterprisesWithoutHeadcount ? `，${x.enterprisesWithoutHeadcount} 家未报人数` : ''}
            </Typography.Text>
            {x.withoutHeadcount.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 8 }}
                data-testid={`rotation-${x.industry}-missing`}
                title={`${year}年未报主要岗位职工人数（不按 0 计，比例暂不计算）`}
                description={
                  <>
                    {x.withoutHeadcount.map((e) => e.name).join('、')}
                    {office && (
                      <>
                        {' '}
                        <Button type="link" size="small" onClick={() => onMissing(x.industry)}>
                          去登记
                        </Button>
                      </>
                    )}
                  </>
                }
              />
            )}
          </Card>
        ))}
      </Space>
      <EmploymentForm me={me} open={open} onClose={() => setOpen(false)} onSaved={goals.reload} />
    </Card>
  );
}
