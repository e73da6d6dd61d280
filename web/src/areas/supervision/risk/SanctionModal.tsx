// 实施查处 (§5.2, §5.3): reject a claim (an approved, unpaid one has its payment stopped; a paid one has
// its money recovered) or suspend / delist a provider, with the reason, the date and the findings or
// inspection it rests on. Used from the findings list (prefilled) and the sanctions list.
import type { TSanctionView } from '../../../../../src/api/routes/risk.types.ts';
import { Form, Input, message as antdMessage, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api.ts';
import { formatMoney } from '../../../format.ts';
import { Dialog } from '../../../components.tsx';
import { DateInput, FormError, isoDay } from './forms.tsx';
import { showServerErrors } from '../../../form-errors.ts';
import { SANCTION_KIND_NAMES } from './risk-labels.ts';
import { useBusinessDate } from '../../../business-date.tsx';

type SanctionDone = TSanctionView;

export interface SanctionPrefill {
  target?: 'claim' | 'provider';
  claimId?: string;
  providerId?: string;
  findingIds?: string[];
  inspectionId?: string;
}

interface Values {
  target: 'claim' | 'provider';
  claimId?: string;
  providerId?: string;
  status?: 'suspended' | 'delisted';
  reason: string;
  on: import('dayjs').Dayjs;
  findingIds?: string;
  inspectionId?: string;
}

export function SanctionModal({
  open,
  prefill,
  onClose,
  onDone,
}: {
  open: boolean;
  prefill: SanctionPrefill;
  onClose(): void;
  onDone(s: SanctionDone): void;
}) {
  const { day } = useBusinessDate();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, messageHolder] = antdMessage.useMessage();
  const target = Form.useWatch('target', form);

  useEffect(() => {
    if (open) setError(null);
  }, [open]);
  const initialValues = {
    target: prefill.target ?? 'claim',
    claimId: prefill.claimId,
    providerId: prefill.providerId,
    status: 'suspended' as const,
    on: day(),
    findingIds: (prefill.findingIds ?? []).join('\n'),
    inspectionId: prefill.inspectionId,
  };

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const findingIds = (v.findingIds ?? '')
      .split(/[\s,，、]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const basis = { findingIds, inspectionId: v.inspectionId?.trim() || null };
    const body =
      v.target === 'claim'
        ? { target: 'claim', claimId: v.claimId?.trim(), reason: v.reason.trim(), on: isoDay(v.on), basis }
        : { target: 'provider', providerId: v.providerId?.trim(), status: v.status, reason: v.reason.trim(), on: isoDay(v.on), basis };
    setSaving(true);
    setError(null);
    try {
      const s = await api<SanctionDone>('/risk/sanctions', { method: 'POST', body });
      message.success(
        `已登记查处：${SANCTION_KIND_NAMES[s.kind] ?? s.kind}${s.amountFen != null ? `（追回 ${formatMoney(s.amountFen)}）` : ''}`,
      );
      onDone(s);
    } catch (e) {
      setError(
        showServerErrors(form, e, {
          claimId: 'claimId',
          providerId: 'providerId',
          status: 'status',
          reason: 'reason',
          on: 'on',
          'basis.findingIds': 'findingIds',
          'basis.inspectionId': 'inspectionId',
        }),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {messageHolder}
      <Dialog
        guard={form}
        open={open}
        title="实施查处"
        onCancel={onClose}
        onOk={submit}
        okText="确认查处"
        cancelText="取消"
        confirmLoading={saving}
        okButtonProps={{ disabled: saving }}
        destroyOnHidden
        width={560}
      >
        <FormError message={error} />
        <Form form={form} name="sanction" layout="vertical" aria-label="查处" initialValues={initialValues} preserve={false}>
          <Form.Item label="查处对象" name="target" rules={[{ required: true, message: '请选择查处对象' }]}>
            <Radio.Group
              options={[
                { value: 'claim', label: '补贴申领（驳回或追回）' },
                { value: 'provider', label: '培训机构（暂停或取消资格）' },
              ]}
            />
          </Form.Item>
          {target === 'provider' ? (
            <>
              <Form.Item
                label="培训机构编号"
                name="providerId"
                rules={[{ required: true, whitespace: true, message: '请填写培训机构编号' }]}
              >
                <Input maxLength={64} />
              </Form.Item>
              <Form.Item label="处理" name="status" rules={[{ required: true, message: '请选择处理方式' }]}>
                <Select
                  options={[
                    { value: 'suspended', label: '暂停补贴性培训资格' },
                    { value: 'delisted', label: '取消补贴性培训资格（除名）' },
                  ]}
                />
              </Form.Item>
            </>
          ) : (
            <Form.Item
              label="申领编号"
              name="claimId"
              rules={[{ required: true, whitespace: true, message: '请填写申领编号' }]}
              extra="未支付的申领将被驳回（已批准待支付的停止支付）；已支付的将追回补贴资金。"
            >
              <Input maxLength={64} />
            </Form.Item>
          )}
          <Form.Item label="查处理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写查处理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item label="查处日期" name="on" rules={[{ required: true, message: '请选择查处日期' }]}>
            <DateInput />
          </Form.Item>
          <Form.Item label="依据的风险线索编号（可多个，换行分隔）" name="findingIds">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label="依据的检查任务编号" name="inspectionId">
            <Input maxLength={64} />
          </Form.Item>
        </Form>
      </Dialog>
    </>
  );
}
