// 过程监督抽查 (§5.3): draw the classes to visit, with a probability rising with each class's risk score
// (reproducible: the same seed over the same classes draws the same sample), see each drawn class with
// its score, probability and draw, and record what the inspection found.
import { Link } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  message as antdMessage,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api.ts';
import { useAuth } from '../../../auth.tsx';
import { LoadError } from '../../../components.tsx';
import { formatDate } from '../../../format.ts';
import { AREA_NAMES, areaName, CLASS_STATUS_NAMES, nameOf } from '../../../labels.ts';
import { RequireAuth } from '../../../layout/RequireAuth.tsx';
import { AreaFilter, ExportButton, ListFilters, useServerList, type ExportColumn } from '../../../list.tsx';
import { Dialog } from '../../../components.tsx';
import { DateInput, FormError, isoDay } from './forms.tsx';
import { showServerErrors } from '../../../form-errors.ts';
import { INSPECTION_RESULT_NAMES, INSPECTION_STATUS_NAMES, LEVELS, levelOf, RISK_LEVEL_COLORS, RISK_LEVEL_NAMES } from './risk-labels.ts';
import type { Inspection, SampleResult } from './risk-types.ts';
import { SanctionModal, type SanctionPrefill } from './SanctionModal.tsx';
import { useBusinessDate } from '../../../business-date.tsx';
import type { InspectionResult } from '../../../../../src/vocabulary/statuses.ts';

const FILTERS = ['sampleId', 'status', 'result', 'areaCode', 'classId'] as const;
const SORTABLE: Record<string, string> = { id: 'id', score: 'score', probability: 'probability' };
const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));
const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

const EXPORT: ExportColumn<Inspection>[] = [
  { title: '检查任务编号', value: (i) => i.id, width: 32 },
  { title: '抽样种子', value: (i) => i.seed, width: 20 },
  { title: '培训班', value: (i) => i.classNumber, width: 26 },
  { title: '培训机构', value: (i) => i.providerName, width: 30 },
  { title: '地区', value: (i) => areaName(i.areaCode) },
  { title: '风险评分', value: (i) => i.score },
  { title: '抽中概率', value: (i) => pct(i.probability) },
  { title: '随机数', value: (i) => i.draw.toFixed(4) },
  { title: '状态', value: (i) => INSPECTION_STATUS_NAMES[i.status] },
  { title: '检查结果', value: (i) => (i.result ? INSPECTION_RESULT_NAMES[i.result] : '') },
  { title: '检查日期', value: (i) => i.inspectedOn },
  { title: '检查发现', value: (i) => i.note, width: 60 },
];

export default function RiskInspectionsPage() {
  return (
    <RequireAuth>
      <Inspections />
    </RequireAuth>
  );
}

function SampleForm({ onSampled }: { onSampled(s: SampleResult): void }) {
  const { me } = useAuth();
  const [form] = Form.useForm<{ seed: string; areaCode?: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { seed: string; areaCode?: string }) => {
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      onSampled(await api<SampleResult>('/risk/samples', { method: 'POST', body: { seed: v.seed.trim(), areaCode: v.areaCode ?? null } }));
    } catch (e) {
      setError(showServerErrors(form, e, { seed: 'seed', areaCode: 'areaCode' }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title="按风险抽取检查对象">
      <FormError message={error} />
      <Typography.Paragraph type="secondary">
        每个开班审查通过或培训中的培训班被抽中的概率 = 5% + 85% × 风险评分 / 100；以种子和班级编号计算随机数，同一种子可复现同一结果。
      </Typography.Paragraph>
      <Form form={form} name="sample" layout="inline" onFinish={submit} aria-label="抽样" style={{ rowGap: 12 }}>
        <Form.Item
          label="抽样种子"
          name="seed"
          rules={[{ required: true, whitespace: true, message: '请填写抽样种子（如 2021年11月过程监督）' }]}
        >
          <Input maxLength={100} style={{ width: 220 }} placeholder="如 2021年11月过程监督" />
        </Form.Item>
        {me?.role === 'city' && (
          <Form.Item label="地区" name="areaCode">
            <Select
              allowClear
              placeholder="全市"
              style={{ width: 110 }}
              options={options(AREA_NAMES).filter((o) => o.value !== '510400')}
            />
          </Form.Item>
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} disabled={saving}>
            抽样
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

interface ResultValues {
  result: InspectionResult;
  inspectedOn: import('dayjs').Dayjs;
  note: string;
}

function ResultModal({ inspection, onClose, onDone }: { inspection: Inspection | null; onClose(): void; onDone(): void }) {
  const { day } = useBusinessDate();
  const [form] = Form.useForm<ResultValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, messageHolder] = antdMessage.useMessage();
  useEffect(() => {
    if (inspection) setError(null);
  }, [inspection]);
  const submit = async () => {
    let v: ResultValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await api(`/risk/inspections/${encodeURIComponent(inspection!.id)}/result`, {
        method: 'POST',
        body: { result: v.result, note: v.note.trim(), inspectedOn: isoDay(v.inspectedOn) },
      });
      message.success('已登记检查结果');
      onDone();
    } catch (e) {
      setError(showServerErrors(form, e, { result: 'result', note: 'note', inspectedOn: 'inspectedOn' }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      {messageHolder}
      <Dialog
        guard={form}
        open={inspection !== null}
        title={`登记检查结果：培训班 ${inspection?.classNumber ?? ''}`}
        onCancel={onClose}
        onOk={submit}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        okButtonProps={{ disabled: saving }}
        destroyOnHidden
      >
        <FormError message={error} />
        <Typography.Paragraph type="secondary">
          培训班 {inspection?.classNumber}（{inspection?.providerName}）
        </Typography.Paragraph>
        <Form form={form} name="inspection" layout="vertical" aria-label="检查结果" initialValues={{ inspectedOn: day() }} preserve={false}>
          <Form.Item label="检查结果" name="result" rules={[{ required: true, message: '请选择检查结果' }]}>
            <Radio.Group options={options(INSPECTION_RESULT_NAMES)} />
          </Form.Item>
          <Form.Item label="检查日期" name="inspectedOn" rules={[{ required: true, message: '请选择检查日期' }]}>
            <DateInput />
          </Form.Item>
          <Form.Item label="检查发现" name="note" rules={[{ required: true, whitespace: true, message: '请记录检查发现' }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder="如：现场实到 3 人，花名册 12 人；签到表为同一笔迹" />
          </Form.Item>
        </Form>
      </Dialog>
    </>
  );
}

function Inspections() {
  const { me } = useAuth();
  const list = useServerList<Inspection>('/risk/inspections', FILTERS, SORTABLE);
  const { error, reload, sortOrder } = list;
  const [form] = Form.useForm();
  const [recording, setRecording] = useState<Inspection | null>(null);
  const [sanction, setSanction] = useState<SanctionPrefill | null>(null);
  const [sampled, setSampled] = useState<SampleResult | null>(null);

  const columns: TableProps<Inspection>['columns'] = [
    {
      title: '培训班',
      dataIndex: 'classId',
      key: 'classId',
      ellipsis: { showTitle: true },
      render: (_: string, i) => (
        <span>
          <Link to={`/records/${encodeURIComponent(i.classNumber)}`}>{i.classNumber}</Link>
          <br />
          <Typography.Text type="secondary">
            {i.providerName}（{i.providerId}）
          </Typography.Text>
        </span>
      ),
    },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 80, render: areaName },
    { title: '班级状态', dataIndex: 'classStatus', key: 'classStatus', width: 110, render: (s: string) => nameOf(CLASS_STATUS_NAMES, s) },
    {
      title: '风险评分',
      dataIndex: 'score',
      key: 'score',
      width: 110,
      sorter: true,
      sortOrder: sortOrder('score'),
      render: (s: number) => {
        const l = levelOf(LEVELS.score, s);
        return (
          <Space size={4}>
            {s}
            <Tag color={RISK_LEVEL_COLORS[l]}>{RISK_LEVEL_NAMES[l]}</Tag>
          </Space>
        );
      },
    },
    {
      title: '抽中概率',
      dataIndex: 'probability',
      key: 'probability',
      width: 100,
      sorter: true,
      sortOrder: sortOrder('probability'),
      render: pct,
    },
    { title: '随机数', dataIndex: 'draw', key: 'draw', width: 80, render: (d: number) => d.toFixed(4) },
    {
      title: '检查结果',
      key: 'result',
      width: 200,
      render: (_: unknown, i) =>
        i.status === 'done' ? (
          <span>
            <Tag color={i.result === 'irregular' ? 'red' : 'green'}>{INSPECTION_RESULT_NAMES[i.result!]}</Tag>
            {formatDate(i.inspectedOn)}
            <br />
            {i.note}
          </span>
        ) : (
          <Tag>{INSPECTION_STATUS_NAMES[i.status]}</Tag>
        ),
    },
    {
      title: '操作',
      key: 'act',
      width: 120,
      render: (_: unknown, i) =>
        i.status === 'planned' ? (
          <Button size="small" onClick={() => setRecording(i)}>
            登记结果
          </Button>
        ) : i.result === 'irregular' ? (
          <Button size="small" danger onClick={() => setSanction({ target: 'provider', providerId: i.providerId, inspectionId: i.id })}>
            查处
          </Button>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          过程监督抽查
        </Typography.Title>
        <ExportButton path="/risk/inspections" query={list.query} columns={EXPORT} fileName="过程监督检查任务" />
      </Space>
      <SampleForm
        onSampled={(s) => {
          setSampled(s);
          list.update({ filters: { sampleId: s.id, status: undefined, result: undefined, areaCode: undefined, classId: undefined } });
        }}
      />
      {sampled && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setSampled(null)}
          title={`抽样完成：种子“${sampled.seed}”，${sampled.areaCode ? areaName(sampled.areaCode) : '全市'}可抽查的培训班 ${sampled.population} 个，抽中 ${sampled.inspections.length} 个（下表只列本次抽中的）`}
          description={sampled.scanId ? '按最近一次风险扫描的评分计算概率' : '尚无风险扫描，各班按基础概率抽取'}
        />
      )}
      <ListFilters form={form} list={list}>
        <Form.Item label="抽样编号" name="sampleId">
          <Input allowClear maxLength={64} style={{ width: 230 }} />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 100 }} options={options(INSPECTION_STATUS_NAMES)} />
        </Form.Item>
        <Form.Item label="结果" name="result">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={options(INSPECTION_RESULT_NAMES)} />
        </Form.Item>
        {me?.role === 'city' && <AreaFilter width={110} />}
      </ListFilters>
      {error ? (
        <LoadError error={error} what="检查任务" onRetry={reload} />
      ) : (
        <Table<Inspection> rowKey="id" size="middle" {...list.tableProps} columns={columns} tableLayout="fixed" scroll={{ x: 1000 }} />
      )}
      <ResultModal
        inspection={recording}
        onClose={() => setRecording(null)}
        onDone={() => {
          setRecording(null);
          reload();
        }}
      />
      <SanctionModal open={sanction !== null} prefill={sanction ?? {}} onClose={() => setSanction(null)} onDone={() => setSanction(null)} />
    </Space>
  );
}
