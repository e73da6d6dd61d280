// 学徒培养计划 (§4.1): the enterprise submits each apprentice's plan (new hire or transferred worker,
// contract ≥ 12 months, with a college); the HR office lists it (列入计划, the condition for the 50%
// advance) or returns it; the enterprise reports its end (completed, failed, quit).
import { Alert, Button, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, message, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TPlanView as PlanView } from '../../../../src/api/routes/plans.types.ts';
import { api, ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { Dialog, DialogCancelButton, LoadError } from '../../components.tsx';
import { formatDate } from '../../format.ts';
import { LEVEL_NAMES, nameOf, PLAN_STATUS_NAMES } from '../../labels.ts';
import { ListFilters, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { applyServerError, ListHeader, options, RequireRole } from '../trainee/party-ui.tsx';
import { DateRangeInput } from '../../date-input.tsx';

const FILTERS = ['status'] as const;
const SORTABLE = { startDate: 'startDate', status: 'status' };
const STATUS_COLORS: Record<string, string> = {
  submitted: 'processing',
  listed: 'green',
  returned: 'error',
  completed: 'success',
  failed: 'warning',
  quit: 'default',
};
const APPRENTICE_LEVELS = Object.fromEntries(['5', '4', '3'].map((l) => [l, nameOf(LEVEL_NAMES as Record<string, string>, l)]));

const EXPORT: ExportColumn<PlanView>[] = [
  { title: '计划编号', value: (p) => p.number, width: 26 },
  { title: '学徒身份证号', value: (p) => p.residentId, width: 22 },
  { title: '职业（工种）代码', value: (p) => p.occupationCode, width: 18 },
  { title: '目标等级', value: (p) => nameOf(LEVEL_NAMES as Record<string, string>, p.level), width: 16 },
  { title: '开始日期', value: (p) => formatDate(p.startDate), width: 16 },
  { title: '结束日期', value: (p) => formatDate(p.endDate), width: 16 },
  { title: '劳动合同期限（月）', value: (p) => p.contractMonths, width: 18 },
  { title: '状态', value: (p) => nameOf(PLAN_STATUS_NAMES, p.status) },
];

export default function PlansPage() {
  return (
    <RequireRole roles={['enterprise']}>
      <Plans />
    </RequireRole>
  );
}

function Plans() {
  const list = useServerList<PlanView>('/plans', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  const move = async (plan: PlanView, status: string) => {
    setBusy(plan.id);
    try {
      await api(`/plans/${encodeURIComponent(plan.id)}/status`, { method: 'POST', body: { status, note: null } });
      message.success(`已更新为“${nameOf(PLAN_STATUS_NAMES, status)}”`);
      list.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableProps<PlanView>['columns'] = [
    {
      title: '学徒身份证号',
      dataIndex: 'residentId',
      key: 'residentId',
      width: 180,
      render: (r: string) => <span style={{ fontFamily: 'monospace' }}>{r}</span>,
    },
    { title: '职业（工种）', dataIndex: 'occupationCode', key: 'occupationCode', width: 120 },
    {
      title: '目标等级',
      dataIndex: 'level',
      key: 'level',
      width: 110,
      render: (l: string) => nameOf(LEVEL_NAMES as Record<string, string>, l),
    },
    {
      title: '培养期间',
      dataIndex: 'startDate',
      key: 'startDate',
      width: 250,
      sorter: true,
      sortOrder: list.sortOrder('startDate'),
      render: (_: string, p) => `${formatDate(p.startDate)}—${formatDate(p.endDate)}`,
    },
    { title: '合同期限', dataIndex: 'contractMonths', key: 'contractMonths', width: 90, render: (m: number) => `${m} 个月` },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 110,
      sorter: true,
      sortOrder: list.sortOrder('status'),
      render: (s: string) => <Tag color={STATUS_COLORS[s]}>{nameOf(PLAN_STATUS_NAMES, s)}</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 230,
      fixed: 'right',
      render: (_: unknown, p) =>
        p.status === 'listed' ? (
          <Space size="small" wrap>
            {(['completed', 'failed', 'quit'] as const).map((s) => (
              <Popconfirm
                key={s}
                title={`确认报告该学徒“${PLAN_STATUS_NAMES[s]}”？`}
                okText="确认"
                cancelText="取消"
                onConfirm={() => move(p, s)}
              >
                <Button size="small" loading={busy === p.id} disabled={busy !== null}>
                  {PLAN_STATUS_NAMES[s]}
                </Button>
              </Popconfirm>
            ))}
          </Space>
        ) : p.status === 'returned' ? (
          <Button size="small" loading={busy === p.id} disabled={busy !== null} onClick={() => move(p, 'submitted')}>
            重新提交
          </Button>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="学徒培养计划">
        <Button type="primary" onClick={() => setOpen(true)}>
          提交培养计划
        </Button>
        <ExportButton path="/plans" query={list.query} columns={EXPORT} fileName="学徒培养计划" />
      </ListHeader>
      <ListFilters form={form} list={list}>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 140 }} options={options(PLAN_STATUS_NAMES)} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="学徒培养计划" onRetry={list.reload} />
      ) : (
        <Table<PlanView> rowKey="id" size="middle" {...list.tableProps} columns={columns} scroll={{ x: 1090 }} />
      )}
      <SubmitPlanModal
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

interface PlanForm {
  residentId: string;
  name: string;
  providerId?: string;
  occupationCode: string;
  level: string;
  period: [Dayjs, Dayjs];
  contractMonths: number;
}
const FIELDS = ['residentId', 'name', 'providerId', 'occupationCode', 'level', 'startDate', 'endDate', 'contractMonths'] as const;

function SubmitPlanModal({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(): void }) {
  const { me } = useAuth();
  const [form] = Form.useForm<PlanForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: PlanForm) => {
    setSaving(true);
    setError(null);
    try {
      await api('/plans', {
        method: 'POST',
        body: {
          enterpriseUscc: me?.enterpriseUscc,
          providerId: v.providerId?.trim() || null,
          residentId: v.residentId.trim(),
          name: v.name.trim(),
          occupationCode: v.occupationCode.trim(),
          level: v.level,
          startDate: v.period[0].format('YYYY-MM-DD'),
          endDate: v.period[1].format('YYYY-MM-DD'),
          contractMonths: v.contractMonths,
        },
      });
      form.resetFields();
      onDone();
    } catch (e) {
      const rest = applyServerError(form, e, FIELDS);
      if (rest && e instanceof ApiError && /startDate|endDate/.test(e.field ?? '')) form.setFields([{ name: 'period', errors: [rest] }]);
      else setError(rest);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog guard={form} open={open} title="提交学徒培养计划（§4.1）" onCancel={onClose} footer={null} destroyOnHidden width={640}>
      <Form form={form} name="submitPlan" layout="vertical" onFinish={submit} aria-label="提交学徒培养计划">
        <Form.Item
          label="学徒身份证号"
          name="residentId"
          rules={[
            { required: true, whitespace: true, message: '请填写学徒身份证号' },
            { len: 18, message: '身份证号应为18位' },
          ]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item
          label="学徒姓名"
          name="name"
          extra="与身份证号一并核验（实名制，§5.2）"
          rules={[{ required: true, whitespace: true, message: '请填写学徒姓名' }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }}>
          <Form.Item
            label="职业（工种）代码"
            name="occupationCode"
            rules={[{ required: true, whitespace: true, message: '请填写职业（工种）代码' }]}
          >
            <Input placeholder="如 6-18-02-04" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="目标等级" name="level" rules={[{ required: true, message: '请选择目标等级' }]}>
            <Select options={options(APPRENTICE_LEVELS)} style={{ width: 180 }} placeholder="请选择" />
          </Form.Item>
        </Space>
        <Form.Item label="培养期间（1—2年）" name="period" rules={[{ required: true, message: '请选择培养起止日期' }]}>
          <DateRangeInput style={{ width: '100%' }} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }}>
          <Form.Item
            label="劳动合同期限（月）"
            name="contractMonths"
            rules={[{ required: true, message: '请填写劳动合同期限' }]}
            extra="§4.1 要求劳动合同一年以上"
          >
            <InputNumber min={0} max={600} precision={0} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label="合作培训院校（机构编号，可选）" name="providerId">
            <Input style={{ width: 220 }} />
          </Form.Item>
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} disabled={saving}>
            提交
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}
