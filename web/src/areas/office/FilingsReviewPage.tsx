// 培训内容备案审核 (§4.3 short courses, §4.4 pre-job training, §5.5): the queue of filings the
// enterprises made, read in full and approved (审核通过) or returned with a reason the enterprise sees.
import { Button, Form, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import type { TFilingView as FilingView } from '../../../../src/api/routes/filings.types.ts';
import { api } from '../../api.ts';
import { LoadError } from '../../components.tsx';
import { formatDate, withCode } from '../../format.ts';
import { FILING_STATUS_NAMES, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { ExportButton, ListFilters, useServerList, type ExportColumn } from '../../list.tsx';
import { ListHeader, options, RequireRole } from '../trainee/party-ui.tsx';
import { FormDialog, mono } from './shared.tsx';

const FILED = { short_term: PROGRAM_NAMES.short_term!, pre_job: PROGRAM_NAMES.pre_job! };
const FILTERS = ['q', 'status', 'program', 'enterpriseUscc'] as const;
const SORTABLE = { number: 'number', filedOn: 'filedOn', title: 'title', status: 'status' };
const COLORS: Record<string, string> = { filed: 'processing', accepted: 'green', returned: 'error' };
const EXPORT: ExportColumn<FilingView>[] = [
  { title: '备案编号', value: (f) => f.number, width: 24 },
  { title: '企业', value: (f) => f.enterpriseName ?? '', width: 30 },
  { title: '企业统一社会信用代码', value: (f) => f.enterpriseUscc, width: 22 },
  { title: '培训项目', value: (f) => nameOf(PROGRAM_NAMES, f.program), width: 22 },
  { title: '标题', value: (f) => f.title, width: 40 },
  { title: '备案日期', value: (f) => formatDate(f.filedOn), width: 16 },
  { title: '状态', value: (f) => nameOf(FILING_STATUS_NAMES, f.status) },
];

export default function FilingsReviewPage() {
  return (
    <RequireRole roles={['city', 'county']}>
      <Filings />
    </RequireRole>
  );
}

function Filings() {
  const list = useServerList<FilingView>('/filings', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const [acting, setActing] = useState<{ filing: FilingView; verdict: 'accepted' | 'returned' } | null>(null);
  const columns: TableProps<FilingView>['columns'] = [
    {
      title: '备案编号',
      dataIndex: 'number',
      key: 'number',
      width: 190,
      sorter: true,
      sortOrder: list.sortOrder('number'),
      render: mono,
    },
    { title: '标题', dataIndex: 'title', key: 'title', sorter: true, sortOrder: list.sortOrder('title') },
    {
      title: '企业',
      dataIndex: 'enterpriseUscc',
      key: 'enterpriseUscc',
      width: 220,
      render: (uscc: string, f) => withCode(f.enterpriseName, uscc),
    },
    { title: '培训项目', dataIndex: 'program', key: 'program', width: 150, render: (p: string) => nameOf(PROGRAM_NAMES, p) },
    {
      title: '备案日期',
      dataIndex: 'filedOn',
      key: 'filedOn',
      width: 140,
      sorter: true,
      sortOrder: list.sortOrder('filedOn'),
      render: formatDate,
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      sorter: true,
      sortOrder: list.sortOrder('status'),
      render: (s: string) => <Tag color={COLORS[s]}>{nameOf(FILING_STATUS_NAMES, s)}</Tag>,
    },
    {
      title: '审核',
      key: 'act',
      width: 160,
      render: (_: unknown, f) =>
        f.status === 'filed' ? (
          <Space size="small">
            <Button size="small" type="primary" onClick={() => setActing({ filing: f, verdict: 'accepted' })}>
              通过
            </Button>
            <Button size="small" danger onClick={() => setActing({ filing: f, verdict: 'returned' })}>
              退回
            </Button>
          </Space>
        ) : null,
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="培训内容备案审核">
        <ExportButton path="/filings" query={list.query} columns={EXPORT} fileName="培训内容备案" />
      </ListHeader>
      <ListFilters form={form} list={list}>
        <Form.Item label="编号或标题" name="q">
          <Input allowClear maxLength={40} placeholder="如 BA-2021-510402-000002" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={options(FILING_STATUS_NAMES)} />
        </Form.Item>
        <Form.Item label="培训项目" name="program">
          <Select allowClear placeholder="全部" style={{ width: 170 }} options={options(FILED)} />
        </Form.Item>
        <Form.Item label="企业统一社会信用代码" name="enterpriseUscc">
          <Input allowClear maxLength={18} style={{ width: 200 }} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="备案" onRetry={list.reload} />
      ) : (
        <Table<FilingView>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          columns={columns}
          expandable={{
            expandedRowRender: (f) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{f.content}</Typography.Paragraph>
            ),
          }}
        />
      )}
      <FormDialog<{ note?: string }>
        open={acting !== null}
        title={
          acting?.verdict === 'returned'
            ? `退回备案 ${acting.filing.number}：${acting.filing.title}`
            : `审核通过 ${acting?.filing.number ?? ''}：${acting?.filing.title ?? ''}`
        }
        okText={acting?.verdict === 'returned' ? '确认退回' : '确认通过'}
        name="reviewFiling"
        onClose={() => setActing(null)}
        onDone={() => {
          setActing(null);
          list.reload();
        }}
        fields={{ note: 'note' }}
        submit={(v) =>
          api(`/filings/${encodeURIComponent(acting!.filing.id)}/review`, {
            method: 'POST',
            body: { verdict: acting!.verdict, note: v.note?.trim() || null },
          })
        }
      >
        <Form.Item
          label={acting?.verdict === 'returned' ? '退回理由（企业可见）' : '审核意见（可不填）'}
          name="note"
          rules={
            acting?.verdict === 'returned'
              ? [
                  { required: true, whitespace: true, message: '请写明退回理由' },
                  { max: 2000, message: '不超过 2000 字' },
                ]
              : [{ max: 2000, message: '不超过 2000 字' }]
          }
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormDialog>
    </Space>
  );
}
