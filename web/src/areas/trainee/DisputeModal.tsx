// 提出异议: the trainee says why they don't recognise a claim in their name; it becomes a case for
// the HR office reviewing the claim.
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { Dialog, DialogCancelButton } from '../../components.tsx';
import { useState } from 'react';
import { api } from '../../api.ts';
import { claimAmount, formatDate } from '../../format.ts';
import { nameOf, PROGRAM_NAMES } from '../../labels.ts';
import type { Claim } from '../../types.ts';
import { applyServerError } from './party-ui.tsx';

export function DisputeModal({ claim, onClose, onDone }: { claim: Claim | null; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ reason }: { reason: string }) => {
    if (!claim) return;
    setSaving(true);
    setError(null);
    try {
      await api('/disputes', { method: 'POST', body: { claimId: claim.id, reason } });
      form.resetFields();
      onDone();
    } catch (e) {
      setError(applyServerError(form, e, ['reason']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog
      guard={form}
      open={claim !== null}
      title="对申领提出异议"
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      {claim && (
        <Typography.Paragraph>
          {nameOf(PROGRAM_NAMES, claim.program)} · {formatDate(claim.startDate)}—{formatDate(claim.endDate)} · {claimAmount(claim)}
          <br />
          <Typography.Text type="secondary">{claim.number}</Typography.Text>
        </Typography.Paragraph>
      )}
      <Form form={form} name="dispute" layout="vertical" onFinish={submit} aria-label="对申领提出异议">
        <Form.Item
          label="异议理由"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请说明异议理由' },
            { max: 2000, message: '不超过2000个字' },
          ]}
          extra="例如：本人未参加该培训、未取得该证书、培训时间不符。异议将转交受理该申领的人社部门核查。"
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} disabled={saving}>
            提交异议
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}
