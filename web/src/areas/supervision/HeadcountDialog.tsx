// 登记主要岗位职工人数: one enterprise's figure for a year (§1), entered or corrected. Shared by the
// offices' list (任务与目标) and the enterprise's own page. A labelled number field, Chinese
// validation, the button busy while the request runs, a server error next to the field it names.
import { Alert, Descriptions, Form, InputNumber } from 'antd';
import { Dialog } from '../../components.tsx';
import { useState } from 'react';
import { api } from '../../api.ts';
import { ROLE_NAMES } from '../../labels.ts';
import type { Role } from '../../types.ts';
import type { THeadcountPage as HeadcountPage } from '../../../../src/api/routes/headcounts.types.ts';
import { showServerErrors } from '../../form-errors.ts';

export type { HeadcountPage };
export type HeadcountView = HeadcountPage['items'][number];

/** Who recorded a figure, from the audit label `role:username` (市人社局（city）); '—' when not known. */
export function recordedByText(label: string | null): string {
  if (!label) return '—';
  const [role, username] = label.split(':', 2) as [string, string | undefined];
  const name = (ROLE_NAMES as Record<string, string>)[role as Role];
  return name && username ? `${name}（${username}）` : label;
}

/** The PUT, with the server's field error (body.mainPostEmployees) returned for the form to show. */
export async function saveHeadcount(uscc: string, year: number, mainPostEmployees: number): Promise<HeadcountView> {
  return api<HeadcountView>(`/enterprises/${encodeURIComponent(uscc)}/headcounts/${year}`, { method: 'PUT', body: { mainPostEmployees } });
}

export function HeadcountDialog({ row, onClose, onSaved }: { row: HeadcountView; onClose(): void; onSaved(saved: HeadcountView): void }) {
  const [form] = Form.useForm<{ mainPostEmployees: number }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ mainPostEmployees }: { mainPostEmployees: number }) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await saveHeadcount(row.uscc, row.year, mainPostEmployees));
    } catch (e) {
      setError(showServerErrors(form, e, ['mainPostEmployees']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      guard={form}
      open
      title={`${row.year}年主要岗位职工人数`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      destroyOnHidden
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, disabled: busy }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="企业">{row.name}</Descriptions.Item>
        <Descriptions.Item label="统一社会信用代码">{row.uscc}</Descriptions.Item>
        <Descriptions.Item label="所属产业">
          {row.industryName}（{row.areaName}）
        </Descriptions.Item>
        <Descriptions.Item label="已登记人数">{row.mainPostEmployees == null ? '未登记' : `${row.mainPostEmployees} 人`}</Descriptions.Item>
      </Descriptions>
      <Form
        form={form}
        layout="vertical"
        aria-label="登记主要岗位职工人数"
        onFinish={submit}
        initialValues={row.mainPostEmployees == null ? {} : { mainPostEmployees: row.mainPostEmployees }}
      >
        <Form.Item
          label="主要岗位职工人数（人）"
          name="mainPostEmployees"
          extra="主体岗位在岗职工人数（§1 轮训目标的基数），可为 0"
          rules={[
            { required: true, message: '请填写主要岗位职工人数' },
            { type: 'integer', min: 0, message: '应为不小于 0 的整数' },
          ]}
        >
          <InputNumber min={0} precision={0} style={{ width: '100%' }} autoFocus />
        </Form.Item>
      </Form>
    </Dialog>
  );
}
