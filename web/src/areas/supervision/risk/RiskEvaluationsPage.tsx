// 第三方评估 (§5.3): the evaluations recorded for providers, with each provider's status now; recording
// a failing one (below the pass mark) suspends the provider's subsidised training at once, shown here.
import type { TRecordEvaluationResult } from '../../../../../src/api/routes/risk.types.ts';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Page } from '../../../api.ts';
import { useAuth } from '../../../auth.tsx';
import { LoadError } from '../../../components.tsx';
import { formatDate } from '../../../format.ts';
import { useApi } from '../../../hooks.ts';
import { areaName, nameOf, PROVIDER_STATUS_NAMES } from '../../../labels.ts';
import { RequireAuth } from '../../../layout/RequireAuth.tsx';
import { ListFilters, AreaFilter, ExportButton, useServerList, type ExportColumn } from '../../../list.tsx';
import type { Provider } from '../../../types.ts';
import { Dialog } from '../../../components.tsx';
import { DateInput, FormError, isoDay } from './forms.tsx';
import { showServerErrors } from '../../../form-errors.ts';
import type { Evaluation } from './risk-types.ts';
import { useBusinessDate } from '../../../business-date.tsx';

const FILTERS = ['providerId', 'passed', 'areaCode'] as const;
const SORTABLE: Record<string, string> = { evaluatedOn: 'evaluatedOn', score: 'score' };
const STATUS_COLORS: Record<string, string> = { listed: 'green', suspended: 'orange', delisted: 'red' };

const EXPORT: ExportColumn<Evaluation>[] = [
  { title: '评估编号', value: (e) => e.id, width: 26 },
  { title: '培训机构', value: (e) => e.providerName, width: 30 },
  { title: '机构编号', value: (e) => e.providerId },
  { title: '地区', value: (e) => areaName(e.areaCode) },
  { title: '评估机构', value: (e) => e.evaluator, width: 30 },
  { title: '评估日期', value: (e) => formatDate(e.evaluatedOn), width: 16 },
  { title: '得分', value: (e) => e.score },
  { title: '合格线', value: (e) => e.passScore },
  { title: '结论', value: (e) => (e.passed ? '合格' : '不合格') },
  { title: '机构当前状态', value: (e) => nameOf(PROVIDER_STATUS_NAMES, e.providerStatus) },
  { title: '说明', value: (e) => e.note, width: 40 },
];

export default function RiskEvaluationsPage() {
  return (
    <RequireAuth>
      <Evaluations />
    </RequireAuth>
  );
}

interface Values {
  providerId: string;
  evaluator: string;
  evaluatedOn: import('dayjs').Dayjs;
  score: number;
  note?: string;
}

function EvaluationModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose(): void;
  onDone(r: TRecordEvaluationResult, providerName: string): void;
}) {
  const { day } = useBusinessDate();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const providers = useApi<Page<Provider>>(open ? '/providers' : null, { pageSize: 200 });
  useEffect(() => {
    if (open) setError(null);
  }, [open]);
  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const r = await api<TRecordEvaluationResult>('/risk/evaluations', {
        method: 'POST',
        body: {
          providerId: v.providerId,
          evaluator: v.evaluator.trim(),
          evaluatedOn: isoDay(v.evaluatedOn),
          score: v.score,
          note: v.note?.trim() || null,
        },
      });
      onDone(r, providers.data?.items.find((p) => p.id === v.providerId)?.name ?? v.providerId);
    } catch (e) {
      setError(
        showServerErrors(form, e, {
          providerId: 'providerId',
          evaluator: 'evaluator',
          evaluatedOn: 'evaluatedOn',
          score: 'score',
          note: 'note',
        }),
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog
      guard={form}
      open={open}
      title="登记第三方评估结果"
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ disabled: saving }}
      destroyOnHidden
    >
      <FormError message={error} />
      <Alert type="info" showIcon title="得分低于合格线（60 分）的机构将自动暂停补贴性培训资格。" style={{ marginBottom: 12 }} />
      <Form form={form} name="evaluation" layout="vertical" aria-label="第三方评估" initialValues={{ evaluatedOn: day() }} preserve={false}>
        <Form.Item label="培训机构" name="providerId" rules={[{ required: true, message: '请选择培训机构' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={providers.loading}
            placeholder="选择机构"
            options={(providers.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.id}）` }))}
          />
        </Form.Item>
        <Form.Item label="评估机构" name="evaluator" rules={[{ required: true, whitespace: true, message: '请填写评估机构' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="评估日期" name="evaluatedOn" rules={[{ required: true, message: '请选择评估日期' }]}>
          <DateInput />
        </Form.Item>
        <Form.Item
          label="评估得分（0—100）"
          name="score"
          rules={[
            { required: true, message: '请填写评估得分' },
            { type: 'number', min: 0, max: 100, message: '评估得分应在 0 到 100 之间' },
          ]}
        >
          <InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="说明" name="note">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Dialog>
  );
}

function Evaluations() {
  const { me } = useAuth();
  const list = useServerList<Evaluation>('/risk/evaluations', FILTERS, SORTABLE);
  const { error, reload, sortOrder } = list;
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [modal, modalHolder] = Modal.useModal();

  const columns: TableProps<Evaluation>['columns'] = [
    {
      title: '培训机构',
      dataIndex: 'providerName',
      key: 'provider',
      render: (n: string, e) => (
        <span>
          {n}
          <br />
          <Typography.Text type="secondary">{e.providerId}</Typography.Text>
        </span>
      ),
    },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 80, render: areaName },
    { title: '评估机构', dataIndex: 'evaluator', key: 'evaluator', width: 180 },
    {
      title: '评估日期',
      dataIndex: 'evaluatedOn',
      key: 'evaluatedOn',
      width: 140,
      sorter: true,
      sortOrder: sortOrder('evaluatedOn'),
      render: formatDate,
    },
    {
      title: '得分',
      dataIndex: 'score',
      key: 'score',
      width: 90,
      sorter: true,
      sortOrder: sortOrder('score'),
      render: (s: number, e) => `${s} / ${e.passScore}`,
    },
    {
      title: '结论',
      dataIndex: 'passed',
      key: 'passed',
      width: 180,
      render: (p: boolean, e) =>
        p ? (
          <Tag color="green">合格</Tag>
        ) : (
          <span>
            <Tag color="red">不合格</Tag>
            {e.statusChange ? '已自动暂停资格' : ''}
          </span>
        ),
    },
    {
      title: '机构当前状态',
      dataIndex: 'providerStatus',
      key: 'status',
      width: 110,
      render: (s: string) => <Tag color={STATUS_COLORS[s]}>{nameOf(PROVIDER_STATUS_NAMES, s)}</Tag>,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {modalHolder}
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          第三方评估
        </Typography.Title>
        <Space>
          <Button type="primary" onClick={() => setOpen(true)}>
            登记评估结果
          </Button>
          <ExportButton path="/risk/evaluations" query={list.query} columns={EXPORT} fileName="第三方评估" />
        </Space>
      </Space>
      <ListFilters form={form} list={list}>
        <Form.Item label="机构编号" name="providerId">
          <Input allowClear maxLength={64} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label="结论" name="passed">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 100 }}
            options={[
              { value: 'true', label: '合格' },
              { value: 'false', label: '不合格' },
            ]}
          />
        </Form.Item>
        {me?.role === 'city' && <AreaFilter width={110} />}
      </ListFilters>
      {error ? (
        <LoadError error={error} what="评估记录" onRetry={reload} />
      ) : (
        <Table<Evaluation> rowKey="id" size="middle" {...list.tableProps} columns={columns} tableLayout="fixed" scroll={{ x: 900 }} />
      )}
      <EvaluationModal
        open={open}
        onClose={() => setOpen(false)}
        onDone={(r, name) => {
          setOpen(false);
          reload();
          if (r.passed) modal.success({ title: '评估合格', content: `${name}：${r.score} 分（合格线 ${r.passScore} 分）。` });
          else
            modal.warning({
              title: '评估不合格',
              content: `${name}：${r.score} 分，低于合格线 ${r.passScore} 分。${r.statusChange ? '已自动暂停该机构的补贴性培训资格（§5.3）。' : `机构当前状态：${nameOf(PROVIDER_STATUS_NAMES, r.providerStatus)}。`}`,
            });
        }}
      />
    </Space>
  );
}
