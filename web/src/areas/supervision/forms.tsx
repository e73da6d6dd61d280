// The supervision forms: 下达年度任务 and 调整年度任务 (city), 登记就业人员统计 (city, county),
// 登记重大事项 (city, county). Labelled fields, Chinese validation, the submit button busy while the request runs, and a
// server error shown next to the field it names.
import { Alert, Form, Input, InputNumber, Select, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { AREA_NAMES, PROGRAM_NAMES } from '../../labels.ts';
import type { Me } from '../../types.ts';
import { Dialog } from '../../components.tsx';
import { YEAR_OPTIONS, type TaskProgress } from './shared.tsx';
import { useBusinessDate } from '../../business-date.tsx';
import { DateInput } from '../../date-input.tsx';

const TRAINING_PROGRAMS = Object.entries(PROGRAM_NAMES)
  .filter(([k]) => k !== 'living_allowance' && k !== 'appraisal')
  .map(([value, label]) => ({ value, label }));
const COUNTIES = Object.entries(AREA_NAMES)
  .filter(([k]) => k !== '510400')
  .map(([value, label]) => ({ value, label }));
const TASK_DEPARTMENTS = [
  { value: 'emergency', label: '市应急管理局' },
  { value: 'veterans', label: '市退役军人事务局' },
  { value: 'civil_affairs', label: '市民政局' },
  { value: 'disabled_federation', label: '市残联' },
  { value: 'housing', label: '市住房和城乡建设局' },
  { value: 'education', label: '市教育和体育局' },
  { value: 'development_reform', label: '市发展改革委' },
];

/** Submits once; a field error from the server goes next to that field, anything else above the form. */
function useSubmit(form: FormInstance, fields: readonly string[], onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (path: string, body: unknown, method = 'POST') => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api(path, { method, body });
      form.resetFields();
      onDone();
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'client', String(e));
      const name = err.field?.replace(/^body\./, '').split(/[.[]/)[0];
      if (name && fields.includes(name)) form.setFields([{ name, errors: [err.message] }]);
      else setError(err.message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit, clear: () => setError(null) };
}

export function TaskForm({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm();
  const kind = Form.useWatch('unitKind', form) as string | undefined;
  const { busy, error, submit, clear } = useSubmit(form, ['year', 'unitKind', 'unit', 'program', 'target', 'note'], () => {
    onSaved();
    onClose();
  });
  return (
    <Dialog
      guard={form}
      open={open}
      title="下达年度培训任务"
      okText="下达"
      cancelText="取消"
      onCancel={() => {
        clear();
        onClose();
      }}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, disabled: busy }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: 2021, unitKind: 'area' }}
        aria-label="下达年度培训任务"
        preserve={false}
        onFinish={(v) => submit('/targets', { ...v, year: Number(v.year), note: v.note || null })}
      >
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请选择年度' }]}>
          <Select options={YEAR_OPTIONS.map((o) => ({ value: Number(o.value), label: o.label }))} />
        </Form.Item>
        <Form.Item label="承担单位类型" name="unitKind" rules={[{ required: true, message: '请选择' }]}>
          <Select
            options={[
              { value: 'area', label: '县（区）' },
              { value: 'department', label: '部门' },
            ]}
            onChange={() => form.setFieldValue('unit', undefined)}
          />
        </Form.Item>
        <Form.Item label="承担单位" name="unit" rules={[{ required: true, message: '请选择承担单位' }]}>
          <Select options={kind === 'department' ? TASK_DEPARTMENTS : COUNTIES} placeholder="请选择" />
        </Form.Item>
        <Form.Item label="培训项目" name="program" rules={[{ required: true, message: '请选择培训项目' }]}>
          <Select options={TRAINING_PROGRAMS} placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item
          label="年度任务（人次）"
          name="target"
          rules={[
            { required: true, message: '请填写任务数' },
            { type: 'integer', min: 1, message: '任务数应为大于 0 的整数' },
          ]}
        >
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="说明" name="note">
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Dialog>
  );
}

/** 调整年度任务 (§5.3): a new target for a task already set, with the reason (the server audits old and new). */
export function TaskChangeForm({ task, onClose, onSaved }: { task: TaskProgress | null; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm();
  const { busy, error, submit, clear } = useSubmit(form, ['target', 'reason'], () => {
    onSaved();
    onClose();
  });
  return (
    <Dialog
      guard={form}
      open={task !== null}
      title="调整年度培训任务"
      okText="调整"
      cancelText="取消"
      onCancel={() => {
        clear();
        onClose();
      }}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, disabled: busy }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {task && (
        <Typography.Paragraph>
          {task.year}年 {task.unitName}「{task.programName}」，现任务 {task.target} 人次。
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        aria-label="调整年度培训任务"
        initialValues={{ target: task?.target }}
        preserve={false}
        onFinish={(v) => task && submit(`/targets/${task.id}`, { target: v.target, reason: v.reason.trim() }, 'PATCH')}
      >
        <Form.Item
          label="调整后的年度任务（人次）"
          name="target"
          rules={[
            { required: true, message: '请填写任务数' },
            { type: 'integer', min: 1, message: '任务数应为大于 0 的整数' },
          ]}
        >
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="调整原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写调整原因' }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Dialog>
  );
}

export function EmploymentForm({ me, open, onClose, onSaved }: { me: Me; open: boolean; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm();
  const { busy, error, submit, clear } = useSubmit(form, ['areaCode', 'year', 'employed', 'skilled', 'highSkilled', 'source'], () => {
    onSaved();
    onClose();
  });
  const areas = me.role === 'county' ? COUNTIES.filter((c) => c.value === me.areaCode) : COUNTIES;
  return (
    <Dialog
      guard={form}
      open={open}
      title="登记就业人员统计（§1）"
      okText="登记"
      cancelText="取消"
      onCancel={() => {
        clear();
        onClose();
      }}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, disabled: busy }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: 2021, areaCode: me.role === 'county' ? me.areaCode : undefined }}
        aria-label="登记就业人员统计"
        preserve={false}
        onFinish={(v) => submit('/employment-figures', { ...v, year: Number(v.year) })}
      >
        <Form.Item label="地区" name="areaCode" rules={[{ required: true, message: '请选择地区' }]}>
          <Select options={areas} />
        </Form.Item>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请选择年度' }]}>
          <Select options={YEAR_OPTIONS.map((o) => ({ value: Number(o.value), label: o.label }))} />
        </Form.Item>
        <Form.Item label="就业人员（人）" name="employed" rules={[{ required: true, message: '请填写就业人员数' }]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label="技能劳动者（人）"
          name="skilled"
          dependencies={['employed']}
          rules={[
            { required: true, message: '请填写技能劳动者人数' },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v == null || getFieldValue('employed') == null || v <= getFieldValue('employed')
                  ? Promise.resolve()
                  : Promise.reject(new Error('技能劳动者不能多于就业人员')),
            }),
          ]}
        >
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label="高技能人才（人）"
          name="highSkilled"
          dependencies={['skilled']}
          rules={[
            { required: true, message: '请填写高技能人才人数' },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v == null || getFieldValue('skilled') == null || v <= getFieldValue('skilled')
                  ? Promise.resolve()
                  : Promise.reject(new Error('高技能人才不能多于技能劳动者')),
            }),
          ]}
        >
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="数据来源" name="source" rules={[{ required: true, whitespace: true, message: '请填写数据来源' }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Dialog>
  );
}

const ids = (s: string | undefined) =>
  (s ?? '')
    .split(/[\s,，、]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function MatterForm({ me, open, onClose, onSaved }: { me: Me; open: boolean; onClose(): void; onSaved(): void }) {
  const businessDate = useBusinessDate();
  const [form] = Form.useForm();
  const { busy, error, submit, clear } = useSubmit(
    form,
    ['title', 'areaCode', 'flaggedOn', 'summary', 'claimIds', 'classIds', 'providerIds'],
    () => {
      onSaved();
      onClose();
    },
  );
  const areas = me.role === 'county' ? COUNTIES.filter((c) => c.value === me.areaCode) : [{ value: '510400', label: '全市' }, ...COUNTIES];
  return (
    <Dialog
      guard={form}
      open={open}
      title="登记重大事项"
      okText="登记"
      cancelText="取消"
      onCancel={() => {
        clear();
        onClose();
      }}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, disabled: busy }}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        aria-label="登记重大事项"
        preserve={false}
        initialValues={{ areaCode: me.role === 'county' ? me.areaCode : undefined, flaggedOn: businessDate.day() }}
        onFinish={(v) =>
          submit('/major-matters', {
            title: v.title,
            areaCode: v.areaCode,
            flaggedOn: v.flaggedOn.format('YYYY-MM-DD'),
            summary: v.summary,
            claimIds: ids(v.claimIds),
            classIds: ids(v.classIds),
            providerIds: ids(v.providerIds),
          })
        }
      >
        <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="地区" name="areaCode" rules={[{ required: true, message: '请选择地区' }]}>
          <Select options={areas} />
        </Form.Item>
        <Form.Item label="发现日期" name="flaggedOn" rules={[{ required: true, message: '请选择日期' }]}>
          <DateInput style={{ width: '100%' }} disabledDate={businessDate.afterToday} />
        </Form.Item>
        <Form.Item label="情况说明" name="summary" rules={[{ required: true, whitespace: true, message: '请填写情况说明' }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item label="涉及申领编号（逗号或空格分隔）" name="claimIds">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label="涉及培训班编号" name="classIds">
          <Input />
        </Form.Item>
        <Form.Item label="涉及培训机构编号" name="providerIds">
          <Input />
        </Form.Item>
      </Form>
    </Dialog>
  );
}
