// 培训内容备案 (§4.3/§4.4, §5.5): the enterprise files the content of its own short-term and pre-job
// training with its HR office before the training starts, and follows each filing's review.
import { Alert, Button, Form, Input, Select, Space, Table, Tag, type TableProps } from 'antd';
import { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TFilingView as FilingView } from '../../../../src/api/routes/filings.types.ts';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { Dialog, DialogCancelButton, LoadError } from '../../components.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { FILING_STATUS_NAMES, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { ListFilters, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { applyServerError, ListHeader, options, RequireRole } from '../trainee/party-ui.tsx';
import { useBusinessDate } from '../../business-date.tsx';
import { DateInput } from '../../date-input.tsx';

const FILED = { short_term: PROGRAM_NAMES.short_term, pre_job: PROGRAM_NAMES.pre_job };
const FILTERS = ['program', 'status'] as const;
const SORTABLE = { filedOn: 'filedOn', status: 'status' };
const STATUS_COLORS: Record<string, string> = { filed: 'processing', accepted: 'success', returned: 'error' };

const EXPORT: ExportColumn<FilingView>[] = [
  { title: '备案编号', value: (f) => f.number, width: 26 },
  { title: '培训项目', value: (f) => nameOf(PROGRAM_NAMES, f.program), width: 22 },
  { title: '培训内容名称', value: (f) => f.title, width: 30 },
  { title: '报送日期', value: (f) => formatDate(f.filedOn), width: 16 },
  { title: '状态', value: (f) => nameOf(FILING_STATUS_NAMES, f.status) },
  { title: '培训内容', value: (f) => f.content, width: 60 },
];

export default function FilingsPage() {
  return (
    <RequireRole roles={['enterprise']}>
      <Filings />
    </RequireRole>
  );
}

function Filings() {
  const list = useServerList<FilingView>('/filings', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);

  const columns: TableProps<FilingView>['columns'] = [
    { title: '培训内容名称', dataIndex: 'title', key: 'title', ellipsis: true },
    { title: '培训项目', dataIndex: 'program', key: 'program', width: 170, render: (p: string) => nameOf(PROGRAM_NAMES, p) },
    {
      title: '报送日期',
      dataIndex: 'filedOn',
      key: 'filedOn',
      width: 150,
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
      render: (s: string) => <Tag color={STATUS_COLORS[s]}>{nameOf(FILING_STATUS_NAMES, s)}</Tag>,
    },
    { title: '最后办理', key: 'updatedAt', width: 170, render: (_: unknown, f) => formatDateTime(f.updatedAt ?? f.createdAt) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="培训内容备案">
        <Button type="primary" onClick={() => setOpen(true)}>
          报送备案
        </Button>
        <ExportButton path="/filings" query={list.query} columns={EXPORT} fileName="培训内容备案" />
      </ListHeader>
      <Alert
        type="info"
        showIcon
        title="短期岗位技能培训（§4.3）和岗前技能培训（§4.4）的培训内容由企业自主确定，须在开班前报人社部门审核备案（§5.5）。"
      />
      <ListFilters form={form} list={list}>
        <Form.Item label="培训项目" name="program">
          <Select allowClear placeholder="全部" style={{ width: 190 }} options={options(FILED)} />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={options(FILING_STATUS_NAMES)} />
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
          scroll={{ x: 760 }}
          expandable={{ expandedRowRender: (f) => <div style={{ whiteSpace: 'pre-wrap' }}>{f.content}</div> }}
        />
      )}
      <FileContentModal
        open={open}
        onClose={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          list.reload();
        }}
      />
    </Space>
  );
}

interface FilingForm {
  program: string;
  title: string;
  content: string;
  filedOn: Dayjs;
}
const FIELDS = ['program', 'title', 'content', 'filedOn'] as const;

function FileContentModal({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(): void }) {
  const businessDate = useBusinessDate();
  const { me } = useAuth();
  const [form] = Form.useForm<FilingForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: FilingForm) => {
    setSaving(true);
    setError(null);
    try {
      await api('/filings', {
        method: 'POST',
        body: {
          enterpriseUscc: me?.enterpriseUscc,
          program: v.program,
          title: v.title,
          content: v.content,
          filedOn: v.filedOn.format('YYYY-MM-DD'),
        },
      });
      form.resetFields();
      onDone();
    } catch (e) {
      setError(applyServerError(form, e, FIELDS));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog guard={form} open={open} title="报送培训内容备案" onCancel={onClose} footer={null} destroyOnHidden width={640}>
      <Form
        form={form}
        name="fileContent"
        layout="vertical"
        onFinish={submit}
        initialValues={{ filedOn: businessDate.day() }}
        aria-label="报送培训内容备案"
      >
        <Form.Item label="培训项目" name="program" rules={[{ required: true, message: '请选择培训项目' }]}>
          <Select options={options(FILED)} placeholder="请选择" />
        </Form.Item>
        <Form.Item
          label="培训内容名称"
          name="title"
          rules={[
            { required: true, whitespace: true, message: '请填写培训内容名称' },
            { max: 200, message: '不超过200个字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label="培训内容（课程、学时、考核方式）"
          name="content"
          rules={[
            { required: true, whitespace: true, message: '请填写培训内容' },
            { max: 20000, message: '不超过20000个字' },
          ]}
        >
          <Input.TextArea rows={6} />
        </Form.Item>
        <Form.Item label="报送日期" name="filedOn" rules={[{ required: true, message: '请选择报送日期' }]} extra="须早于培训开班日期">
          <DateInput style={{ width: '100%' }} disabledDate={businessDate.afterToday} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} disabled={saving}>
            报送
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}
