// 统计报表 (§5.3): 季报 and 年报 for the user's slice — figures by program and area with ECharts
// charts, task progress and its 通报, funds and R9 for the city and finance — downloadable as Excel
// and PDF; and the 重大事项 list, each with its ad-hoc 专报 (Excel, PDF).
import { Alert, Button, Card, Col, Form, Row, Select, Space, Statistic, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Query } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { AREA_NAMES, areaName } from '../../labels.ts';
import { RequireAuth } from '../../layout/RequireAuth.tsx';
import { ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import type { Me } from '../../types.ts';
import { MatterForm } from './forms.tsx';
import type { TR8Enterprise as R8Enterprise } from '../../../../src/api/routes/reports.types.ts';
import {
  Chart,
  DEFAULT_QUARTER,
  DEFAULT_YEAR,
  DownloadButton,
  percent,
  QUARTER_OPTIONS,
  YEAR_OPTIONS,
  type Figures,
  type MajorMatterView,
  type PeriodReport,
} from './shared.tsx';

export default function ReportsPage() {
  return (
    <RequireAuth>
      <Reports />
    </RequireAuth>
  );
}

type Row = Figures & { key: string; name: string };

function Reports() {
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? DEFAULT_YEAR;
  const quarter = params.get('quarter') ?? DEFAULT_QUARTER; // 'year' = 年报
  const areaCode = params.get('areaCode') ?? undefined;
  const query: Query = { year, ...(quarter === 'year' ? {} : { quarter }), ...(areaCode ? { areaCode } : {}) };
  const report = useApi<PeriodReport>('/reports/periodic', query);
  const set = (k: string, v: string | undefined) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (v) n.set(k, v);
      else n.delete(k);
      return n;
    });
  const r = report.data;

  const programChart = useMemo(
    () =>
      r && {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: ['培训人次', '批准金额（万元）'] },
        grid: { left: 48, right: 56, bottom: 110, top: 56 },
        xAxis: { type: 'category', data: r.byProgram.map((p) => p.programName), axisLabel: { rotate: 35, interval: 0 } },
        yAxis: [
          { type: 'value', name: '人次' },
          { type: 'value', name: '万元' },
        ],
        series: [
          { name: '培训人次', type: 'bar', data: r.byProgram.map((p) => p.trainings) },
          { name: '批准金额（万元）', type: 'bar', yAxisIndex: 1, data: r.byProgram.map((p) => Math.round(p.approvedFen / 100) / 10000) },
        ],
      },
    [r],
  );
  const trendChart = useMemo(
    () =>
      r && {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: ['培训人次', '批准笔数'] },
        grid: { left: 48, right: 24, bottom: 32, top: 48 },
        xAxis: { type: 'category', data: r.trend.map((t) => t.label) },
        yAxis: { type: 'value' },
        series: [
          { name: '培训人次', type: 'line', data: r.trend.map((t) => t.trainings) },
          { name: '批准笔数', type: 'line', data: r.trend.map((t) => t.approvedCount) },
        ],
      },
    [r],
  );

  const figureColumns = (title: string): TableProps<Row>['columns'] => [
    { title, dataIndex: 'name', key: 'name', width: 200 },
    { title: '有效申领', dataIndex: 'claims', key: 'claims', align: 'right' },
    { title: '培训人次', dataIndex: 'trainings', key: 'trainings', align: 'right' },
    { title: '批准金额', dataIndex: 'approvedFen', key: 'approved', align: 'right', render: formatMoney },
    { title: '已支付', dataIndex: 'paidFen', key: 'paid', align: 'right', render: formatMoney },
    { title: '驳回', dataIndex: 'rejected', key: 'rejected', align: 'right' },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        统计报表
      </Typography.Title>
      <Card size="small">
        <Form layout="inline" aria-label="报表期间" style={{ rowGap: 12 }}>
          <Form.Item label="年度">
            <Select aria-label="年度" value={year} style={{ width: 110 }} options={YEAR_OPTIONS} onChange={(v) => set('year', v)} />
          </Form.Item>
          <Form.Item label="报表">
            <Select
              aria-label="报表"
              value={quarter}
              style={{ width: 160 }}
              options={[...QUARTER_OPTIONS.map((q) => ({ ...q, label: `季报：${q.label}` })), { value: 'year', label: '年报：全年' }]}
              onChange={(v) => set('quarter', v)}
            />
          </Form.Item>
          {me?.role !== 'county' && (
            <Form.Item label="地区">
              <Select
                aria-label="地区"
                allowClear
                placeholder="全市"
                value={areaCode}
                style={{ width: 120 }}
                onChange={(v) => set('areaCode', v)}
                options={Object.entries(AREA_NAMES)
                  .filter(([k]) => k !== '510400')
                  .map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          )}
          <Form.Item>
            <Space wrap>
              <DownloadButton path="/reports/periodic/xlsx" query={query} label="下载 Excel" fileName="报表.xlsx" />
              <DownloadButton path="/reports/periodic/pdf" query={query} label="下载 PDF" fileName="报表.pdf" />
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {report.error ? (
        <LoadError error={report.error} what="报表" onRetry={report.reload} />
      ) : (
        r && (
          <>
            <Card
              title={r.title}
              size="small"
              data-testid="report-title"
              extra={
                <Typography.Text type="secondary">
                  {formatDate(r.period.from)}—{formatDate(r.period.to)}（按培训结束日期）
                </Typography.Text>
              }
            >
              <Row gutter={[16, 16]}>
                <Col xs={12} md={6}>
                  <Statistic title="有效申领" value={r.summary.claims} suffix="笔" />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title="培训人次" value={r.summary.trainings} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title="批准金额" value={formatMoney(r.summary.approvedFen)} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title="已支付" value={formatMoney(r.summary.paidFen)} />
                </Col>
              </Row>
              {r.enterpriseShare && (
                <Alert
                  style={{ marginTop: 12 }}
                  showIcon
                  type={r.enterpriseShare.below ? 'error' : 'info'}
                  title={r.enterpriseShare.message}
                />
              )}
            </Card>
            {r.r8 && (
              <Card size="small" title="职工教育经费与 80% 补贴（R8，§5.2）" data-testid="report-r8">
                <Alert showIcon type={r.r8.enterprises.unknown ? 'warning' : 'info'} title={r.r8.message} />
                {r.r8.top.length > 0 && (
                  <Table<R8Enterprise>
                    style={{ marginTop: 12 }}
                    rowKey="uscc"
                    size="small"
                    pagination={false}
                    dataSource={r.r8.top}
                    columns={[
                      { title: '企业', dataIndex: 'name' },
                      { title: '统一社会信用代码', dataIndex: 'uscc' },
                      { title: '按比例补贴笔数', dataIndex: 'reducedClaims', align: 'right' },
                      {
                        title: '核减金额',
                        dataIndex: 'reductionFen',
                        align: 'right',
                        render: (v: number | null) => (v == null ? '不详' : formatMoney(v)),
                      },
                    ]}
                  />
                )}
              </Card>
            )}
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={14}>
                <Card size="small" title="分项目培训人次与批准金额">
                  {programChart && <Chart option={programChart} label="分项目培训人次与批准金额柱状图" />}
                </Card>
              </Col>
              <Col xs={24} xl={10}>
                <Card size="small" title={`${r.period.year}年分季度趋势`}>
                  {trendChart && <Chart option={trendChart} label="分季度趋势折线图" />}
                </Card>
              </Col>
            </Row>
            <Card size="small" title="分项目">
              <Table<Row>
                rowKey="key"
                size="small"
                pagination={false}
                columns={figureColumns('培训项目')}
                scroll={{ x: 760 }}
                dataSource={r.byProgram.map((p) => ({ ...p, key: p.program, name: p.programName }))}
              />
            </Card>
            <Card size="small" title="分地区">
              <Table<Row>
                rowKey="key"
                size="small"
                pagination={false}
                columns={figureColumns('地区')}
                scroll={{ x: 760 }}
                dataSource={r.byArea.map((a) => ({ ...a, key: a.areaCode, name: a.areaName }))}
              />
            </Card>
            <Card size="small" title="年度任务进度与通报">
              {r.laggards.length ? (
                <Alert
                  type="warning"
                  showIcon
                  title={`通报：${r.laggards.map((t) => `${t.unitName}“${t.programName}”完成 ${percent(t.doneBasisPoints)}（差 ${t.shortfall}）`).join('；')}`}
                />
              ) : (
                <Alert type="success" showIcon title={r.tasks.length ? '本期没有进度滞后的任务' : '本范围没有年度任务'} />
              )}
            </Card>
          </>
        )
      )}
      {me && (me.role === 'city' || me.role === 'county') && <Matters me={me} />}
    </Space>
  );
}

const MATTER_EXPORT: ExportColumn<MajorMatterView>[] = [
  { title: '编号', value: (m) => m.id, width: 24 },
  { title: '标题', value: (m) => m.title, width: 40 },
  { title: '地区', value: (m) => areaName(m.areaCode) },
  { title: '发现日期', value: (m) => formatDate(m.flaggedOn), width: 16 },
  { title: '涉及申领', value: (m) => m.claimIds.length },
  { title: '情况说明', value: (m) => m.summary, width: 60 },
];

function Matters({ me }: { me: Me }) {
  const list = useServerList<MajorMatterView>('/major-matters', [], { flaggedOn: 'flaggedOn', title: 'title' });
  const [open, setOpen] = useState(false);
  const columns: TableProps<MajorMatterView>['columns'] = [
    {
      title: '发现日期',
      dataIndex: 'flaggedOn',
      key: 'flaggedOn',
      sorter: true,
      sortOrder: list.sortOrder('flaggedOn'),
      width: 140,
      render: formatDate,
    },
    { title: '标题', dataIndex: 'title', key: 'title', sorter: true, sortOrder: list.sortOrder('title') },
    { title: '地区', dataIndex: 'areaCode', key: 'area', width: 90, render: areaName },
    {
      title: '涉及',
      key: 'refs',
      width: 200,
      render: (_, m) => (
        <Space wrap size={4}>
          <Tag>申领 {m.claimIds.length}</Tag>
          <Tag>培训班 {m.classIds.length}</Tag>
          <Tag>机构 {m.providerIds.length}</Tag>
        </Space>
      ),
    },
    {
      title: '专报',
      key: 'report',
      width: 220,
      render: (_, m) => (
        <Space>
          <DownloadButton
            path={`/major-matters/${encodeURIComponent(m.id)}/report/xlsx`}
            query={{}}
            label="Excel"
            fileName="重大事项专报.xlsx"
          />
          <DownloadButton
            path={`/major-matters/${encodeURIComponent(m.id)}/report/pdf`}
            query={{}}
            label="PDF"
            fileName="重大事项专报.pdf"
          />
        </Space>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title="重大事项专报"
      extra={
        <Space>
          <Button onClick={() => setOpen(true)}>登记重大事项</Button>
          <ExportButton path="/major-matters" query={list.query} columns={MATTER_EXPORT} fileName="重大事项" />
        </Space>
      }
    >
      {list.error ? (
        <LoadError error={list.error} what="重大事项" onRetry={list.reload} />
      ) : (
        <Table<MajorMatterView>
          rowKey="id"
          size="small"
          {...list.tableProps}
          columns={columns}
          scroll={{ x: 820 }}
          expandable={{ expandedRowRender: (m) => <Typography.Paragraph style={{ margin: 0 }}>{m.summary}</Typography.Paragraph> }}
        />
      )}
      <MatterForm me={me} open={open} onClose={() => setOpen(false)} onSaved={list.reload} />
    </Card>
  );
}
