// 学徒培养计划 (§4.1), the office's side: the queue of submitted plans listed (列入计划 — the condition
// for the advance) or returned with a reason; a listed plan's advance paid (at most advance.maxPercent
// of the subsidy, checked by the server), and its end recorded (完成 / 未通过考核 / 中途退出). A failed or
// quit apprentice's advance is recovered on 资金与台账.
import { Button, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, message, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useBusinessDate } from '../../business-date.tsx';
import { useState } from 'react';
import type { TPlanView as PlanView } from '../../../../src/api/routes/plans.types.ts';
import { api, ApiError } from '../../api.ts';
import { LoadError } from '../../components.tsx';
import { formatDate, withCode } from '../../format.ts';
import { LEVEL_NAMES, nameOf, PLAN_STATUS_NAMES } from '../../labels.ts';
import { ExportButton, ListFilters, useServerList, type ExportColumn } from '../../list.tsx';
import { ListHeader, options, RequireRole } from '../trainee/party-ui.tsx';
import { FormDialog, mono, yuanToFen } from './shared.tsx';
import { DateInput } from '../../date-input.tsx';

const FILTERS = ['q', 'status', 'enterpriseUscc'] as const;
const SORTABLE = { number: 'number', startDate: 'startDate', status: 'status', createdAt: 'createdAt' };
const COLORS: Record<string, string> = {
  submitted: 'processing',
  listed: 'green',
  returned: 'error',
  completed: 'success',
  failed: 'warning',
  quit: 'default',
};
const EXPORT: ExportColumn<PlanView>[] = [
  { title: '计划编号', value: (p) => p.number, width: 24 },
  { title: '企业', value: (p) => p.enterpriseName ?? '', width: 30 },
  { title: '企业统一社会信用代码', value: (p) => p.enterpriseUscc, width: 22 },
  { title: '学徒', value: (p) => p.traineeName ?? '', width: 12 },
  { title: '学徒身份证号', value: (p) => p.residentId, width: 22 },
  { title: '培训机构', value: (p) => p.providerName ?? '', width: 30 },
  { title: '职业（工种）', value: (p) => withCode(p.occupationName, p.occupationCode), width: 24 },
  { title: '等级', value: (p) => nameOf(LEVEL_NAMES as Record<string, string>, p.level), width: 14 },
  { title: '开始日期', value: (p) => formatDate(p.startDate), width: 16 },
  { title: '结束日期', value: (p) => formatDate(p.endDate), width: 16 },
  { title: '劳动合同（月）', value: (p) => p.contractMonths },
  { title: '状态', value: (p) => nameOf(PLAN_STATUS_NAMES, p.status) },
];

export default function PlansQueuePage() {
  return (
    <RequireRole roles={['city', 'county']}>
      <Plans />
    </RequireRole>
  );
}

export function AdvanceDialog({
  kind,
  subjectId,
  title,
  onClose,
  onDone,
}: {
  kind: 'apprenticeship' | 'project';
  subjectId: string | null;
  title: string;
  onClose(): void;
  onDone(): void;
}) {
  const businessDate = useBusinessDate();
  return (
    <FormDialog<{ amountYuan: number; paidOn: Dayjs }>
      open={subjectId !== null}
      title={title}
      okText="支付预付资金"
      name="payAdvance"
      onClose={onClose}
      onDone={(r) => {
        message.success(`已预付，资金：${(r as { fundId: string }).fundId}`);
        onDone();
      }}
      initialValues={{ paidOn: businessDate.day() }}
      fields={{ amountFen: 'amountYuan', paidOn: 'paidOn' }}
      submit={(v) =>
        api('/advances', {
          method: 'POST',
          body: { kind, subjectId, amountFen: yuanToFen(v.amountYuan), paidOn: v.paidOn.format('YYYY-MM-DD') },
        })
      }
    >
      <Form.Item
        label="预付金额（元）"
        name="amountYuan"
        rules={[{ required: true, message: '请填写金额' }]}
        extra="不超过政策参数规定的比例（§4.1 学徒制按补贴标准、§4.9 按合同总额），超出时系统会说明上限"
      >
        <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label="支付日期" name="paidOn" rules={[{ required: true, message: '请选择支付日期' }]}>
        <DateInput allowClear={false} />
      </Form.Item>
    </FormDialog>
  );
}

function Plans() {
  const list = useServerList<PlanView>('/plans', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const [busy, setBusy] = useState<string | null>(null);
  const [returning, setReturning] = useState<PlanView | null>(null);
  const [advance, setAdvance] = useState<PlanView | null>(null);
  const move = async (p: PlanView, status: string, note: string | null = null) => {
    setBusy(p.id);
    try {
      await api(`/plans/${encodeURIComponent(p.id)}/status`, { method: 'POST', body: { status, note } });
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
      title: '计划编号',
      dataIndex: 'number',
      key: 'number',
      width: 190,
      sorter: true,
      sortOrder: list.sortOrder('number'),
      render: mono,
    },
    {
      title: '企业',
      dataIndex: 'enterpriseUscc',
      key: 'enterpriseUscc',
      width: 220,
      render: (uscc: string, p) => withCode(p.enterpriseName, uscc),
    },
    { title: '学徒', dataIndex: 'traineeName', key: 'traineeName', width: 90, render: (n: string | null) => n ?? '—' },
    { title: '学徒身份证号', dataIndex: 'residentId', key: 'residentId', width: 190, render: mono },
    {
      title: '职业（工种）',
      dataIndex: 'occupationCode',
      key: 'occupationCode',
      width: 160,
      render: (c: string, p) => withCode(p.occupationName, c),
    },
    {
      title: '等级',
      dataIndex: 'level',
      key: 'level',
      width: 110,
      render: (l: string) => nameOf(LEVEL_NAMES as Record<string, string>, l),
    },
    {
      title: '培养期间',
      key: 'startDate',
      width: 240,
      sorter: true,
      sortOrder: list.sortOrder('startDate'),
      render: (_: unknown, p) => `${formatDate(p.startDate)}—${formatDate(p.endDate)}`,
    },
    { title: '合同', dataIndex: 'contractMonths', key: 'contractMonths', width: 80, render: (m: number) => `${m} 个月` },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 110,
      sorter: true,
      sortOrder: list.sortOrder('status'),
      render: (s: string) => <Tag color={COLORS[s]}>{nameOf(PLAN_STATUS_NAMES, s)}</Tag>,
    },
    {
      title: '操作',
      key: 'act',
      width: 300,
      fixed: 'right',
      render: (_: unknown, p) => (
        <Space size="small" wrap>
          {p.status === 'submitted' && (
            <>
              <Popconfirm title="确认将该学徒列入培训计划？" okText="确认" cancelText="取消" onConfirm={() => move(p, 'listed')}>
                <Button size="small" type="primary" loading={busy === p.id}>
                  列入计划
                </Button>
              </Popconfirm>
              <Button size="small" danger onClick={() => setReturning(p)}>
                退回
              </Button>
            </>
          )}
          {p.status === 'listed' && (
            <>
              <Button size="small" onClick={() => setAdvance(p)}>
                预付
              </Button>
              {(['completed', 'failed', 'quit'] as const).map((s) => (
                <Popconfirm
                  key={s}
                  title={`确认登记该学徒“${PLAN_STATUS_NAMES[s]}”？`}
                  okText="确认"
                  cancelText="取消"
                  onConfirm={() => move(p, s)}
                >
                  <Button size="small" loading={busy === p.id}>
                    {PLAN_STATUS_NAMES[s]}
                  </Button>
                </Popconfirm>
              ))}
            </>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="学徒培养计划">
        <ExportButton path="/plans" query={list.query} columns={EXPORT} fileName="学徒培养计划" />
      </ListHeader>
      <ListFilters form={form} list={list}>
        <Form.Item label="编号或学徒姓名" name="q">
          <Input allowClear maxLength={40} placeholder="如 XT-2021-510402-000001" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 130 }} options={options(PLAN_STATUS_NAMES)} />
        </Form.Item>
        <Form.Item label="企业统一社会信用代码" name="enterpriseUscc">
          <Input allowClear maxLength={18} style={{ width: 200 }} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="学徒培养计划" onRetry={list.reload} />
      ) : (
        <Table<PlanView> rowKey="id" size="middle" {...list.tableProps} columns={columns} scroll={{ x: 1350 }} />
      )}
      <FormDialog<{ note: string }>
        open={returning !== null}
        title="退回学徒培养计划"
        okText="确认退回"
        name="returnPlan"
        onClose={() => setReturning(null)}
        onDone={() => {
          setReturning(null);
          list.reload();
        }}
        fields={{ note: 'note' }}
        submit={(v) =>
          api(`/plans/${encodeURIComponent(returning!.id)}/status`, { method: 'POST', body: { status: 'returned', note: v.note.trim() } })
        }
      >
        <Form.Item
          label="退回理由（企业可见）"
          name="note"
          rules={[
            { required: true, whitespace: true, message: '请写明退回理由' },
            { max: 2000, message: '不超过 2000 字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormDialog>
      <AdvanceDialog
        kind="apprenticeship"
        subjectId={advance?.id ?? null}
        title={`支付学徒制培训预付资金（§4.1）${advance ? `：${advance.number}` : ''}`}
        onClose={() => setAdvance(null)}
        onDone={() => setAdvance(null)}
      />
    </Space>
  );
}
