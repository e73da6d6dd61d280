// 企业主要岗位职工数 (§1): the year's main-post headcount of every enterprise the office sees, the
// missing ones shown as 未登记 (never 0); filters kept in the URL, 导出 Excel of every filtered row,
// 登记/更正 in a dialog, and for the city the Excel template and the all-or-nothing import.
import type { THeadcountImportResult } from '../../../../src/api/routes/headcounts.types.ts';
import { Alert, Button, Card, Form, Input, message, Progress, Select, Space, Table, Tag, Typography, Upload, type TableProps } from 'antd';
import { useRef, useState } from 'react';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { formatDateTime } from '../../format.ts';
import { INDUSTRY_NAMES } from '../../labels.ts';
import { AreaFilter, ExportButton, ListFilters, useServerList, type ExportColumn } from '../../list.tsx';
import { FileRefused, uploadXlsx } from '../provider/files.ts';
import { RowIssues } from '../provider/parts.tsx';
import type { RowIssue } from '../provider/types.ts';
import { HeadcountDialog, recordedByText, type HeadcountPage, type HeadcountView } from './HeadcountDialog.tsx';
import { DownloadButton, YEAR_OPTIONS } from './shared.tsx';

export const HEADCOUNT_FILTERS = ['year', 'areaCode', 'industry', 'recorded', 'name'] as const;
const SORTABLE: Record<string, string> = {
  name: 'name',
  areaName: 'areaCode',
  industryName: 'industry',
  mainPostEmployees: 'mainPostEmployees',
  recordedAt: 'recordedAt',
};
const INDUSTRY_OPTIONS = Object.entries(INDUSTRY_NAMES).map(([value, label]) => ({ value, label }));

const EXPORT: ExportColumn<HeadcountView>[] = [
  { title: '企业名称', value: (r) => r.name, width: 30 },
  { title: '统一社会信用代码', value: (r) => r.uscc, width: 22 },
  { title: '所在地区', value: (r) => r.areaName },
  { title: '所属产业', value: (r) => r.industryName, width: 14 },
  { title: '年度', value: (r) => r.year },
  { title: '主要岗位职工人数', value: (r) => r.mainPostEmployees ?? '未登记', width: 18 },
  { title: '登记人', value: (r) => (r.recordedBy ? recordedByText(r.recordedBy) : ''), width: 24 },
  { title: '登记时间', value: (r) => (r.recordedAt ? formatDateTime(r.recordedAt) : ''), width: 20 },
];

export function HeadcountsPanel({ year, onChanged }: { year: string; onChanged(): void }) {
  const { me } = useAuth();
  const list = useServerList<HeadcountView>('/enterprise-headcounts', HEADCOUNT_FILTERS, SORTABLE, { year });
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<HeadcountView | null>(null);
  const changed = () => {
    list.reload();
    onChanged();
  };
  const page = list.data as HeadcountPage | undefined;
  const yearOptions = page?.years.map((y) => ({ value: String(y), label: `${y}年` })) ?? YEAR_OPTIONS;

  const columns: TableProps<HeadcountView>['columns'] = [
    {
      title: '企业名称',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: list.sortOrder('name'),
      width: 220,
      render: (n: string, r) => (
        <>
          <div>{n}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.uscc}
          </Typography.Text>
        </>
      ),
    },
    { title: '所在地区', dataIndex: 'areaName', key: 'areaName', sorter: true, sortOrder: list.sortOrder('areaName'), width: 100 },
    {
      title: '所属产业',
      dataIndex: 'industryName',
      key: 'industryName',
      sorter: true,
      sortOrder: list.sortOrder('industryName'),
      width: 110,
    },
    {
      title: `${year}年主要岗位职工人数`,
      dataIndex: 'mainPostEmployees',
      key: 'mainPostEmployees',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrder('mainPostEmployees'),
      width: 170,
      render: (n: number | null) => (n == null ? <Tag color="warning">未登记</Tag> : `${n} 人`),
    },
    {
      title: '登记',
      key: 'recordedAt',
      sorter: true,
      sortOrder: list.sortOrder('recordedAt'),
      width: 200,
      render: (_, r) =>
        r.recordedAt ? (
          <Typography.Text type="secondary">
            {recordedByText(r.recordedBy)}，{formatDateTime(r.recordedAt)}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: '操作',
      key: 'op',
      width: 100,
      render: (_, r) =>
        r.editable ? (
          <Button size="small" onClick={() => setEditing(r)} aria-label={`登记 ${r.name} 的人数`}>
            {r.mainPostEmployees == null ? '登记' : '更正'}
          </Button>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">
          §1 重点产业（政策参数所列）主体岗位职工轮训一遍，以各企业当年主要岗位职工人数为基数；未登记的不按 0 计。
        </Typography.Text>
        <ExportButton path="/enterprise-headcounts" query={list.query} columns={EXPORT} fileName={`${year}年企业主要岗位职工人数`} />
      </Space>
      <ListFilters form={form} list={list} name="headcount-filters">
        <Form.Item label="年度" name="year">
          <Select style={{ width: 110 }} options={yearOptions} />
        </Form.Item>
        <AreaFilter />
        <Form.Item label="所属产业" name="industry">
          <Select allowClear placeholder="全部" style={{ width: 130 }} options={INDUSTRY_OPTIONS} />
        </Form.Item>
        <Form.Item label="登记情况" name="recorded">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 120 }}
            options={[
              { value: 'false', label: '未登记' },
              { value: 'true', label: '已登记' },
            ]}
          />
        </Form.Item>
        <Form.Item label="企业名称" name="name">
          <Input allowClear style={{ width: 160 }} maxLength={100} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="企业主要岗位职工人数" onRetry={list.reload} />
      ) : (
        <Table<HeadcountView>
          rowKey="uscc"
          size="middle"
          {...list.tableProps}
          columns={columns}
          scroll={{ x: 900 }}
          aria-label="企业主要岗位职工人数"
        />
      )}
      {me?.role === 'city' && <HeadcountImport year={year} onImported={changed} />}
      {editing && (
        <HeadcountDialog
          row={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            void message.success(`已登记：${saved.name} ${saved.year}年 ${saved.mainPostEmployees} 人`);
            changed();
          }}
        />
      )}
    </Space>
  );
}

/** The city's bulk path: the year's template (every enterprise, figures on record) and the upload. */
function HeadcountImport({ year, onImported }: { year: string; onImported(): void }) {
  const [percent, setPercent] = useState<number | null>(null);
  const [refused, setRefused] = useState<{ message: string; issues: RowIssue[] } | null>(null);
  const [done, setDone] = useState<THeadcountImportResult | null>(null);
  const running = useRef(false);
  const send = async (file: File) => {
    if (running.current) return;
    running.current = true;
    setRefused(null);
    setDone(null);
    setPercent(0);
    try {
      setDone(await uploadXlsx<THeadcountImportResult>('/enterprise-headcounts/import', file, setPercent));
      onImported();
    } catch (e) {
      if (e instanceof FileRefused) setRefused({ message: e.message, issues: e.rows });
      else setRefused({ message: e instanceof Error ? e.message : String(e), issues: [] });
    } finally {
      running.current = false;
      setPercent(null);
    }
  };
  return (
    <Card size="small" title="批量导入（Excel）">
      <Typography.Paragraph type="secondary">
        下载模板（列出全部企业及该年度已登记的人数），填写“主要岗位职工人数”后上传；整表校验，有任何错误都不导入，并按行、列列出。人数留空的行不导入（不按
        0 计）。
      </Typography.Paragraph>
      <Space wrap align="start">
        <DownloadButton
          path="/enterprise-headcounts/template"
          query={{ year }}
          label="下载导入模板"
          fileName={`主要岗位职工人数-${year}年.xlsx`}
        />
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          disabled={percent !== null}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button type="primary" loading={percent !== null} disabled={percent !== null}>
            上传并导入
          </Button>
        </Upload>
      </Space>
      {percent !== null && <Progress percent={percent} size="small" aria-label="上传进度" status="active" />}
      {done && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="headcount-import-result"
          title={`已导入 ${done.rows} 行：新登记 ${done.created}，更正 ${done.updated}，与已登记相同 ${done.unchanged}，未填写人数 ${done.skipped}`}
        />
      )}
      {refused &&
        (refused.issues.length ? (
          <div style={{ marginTop: 12 }}>
            <RowIssues title={refused.message.split('。')[0] ?? refused.message} issues={refused.issues} />
          </div>
        ) : (
          <Alert type="error" showIcon title="导入失败" description={refused.message} style={{ marginTop: 12 }} />
        ))}
    </Card>
  );
}
