// What the office registry screens share: a dialog with a form that sends one request and shows the
// server's refusals under their fields (showServerErrors), the rest above the buttons; and small
// formatters (yes / no / 未登记 — an unknown fact is never shown as "no").
import { Alert, Button, Form, Space, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../api.ts';
import { Dialog, DialogCancelButton } from '../../components.tsx';
import { showServerErrors, type FormFields } from '../../form-errors.ts';
import { residentIdMessage, usccMessage } from '../../../../src/policy/class-application.ts';

export const yesNo = (v: boolean | null | undefined, yes = '是', no = '否', unknown = '未登记') => (v == null ? unknown : v ? yes : no);
export const mono = (s: string) => <span style={{ fontFamily: 'monospace' }}>{s}</span>;
export const yuanToFen = (y: number) => Math.round(y * 100);

/** A form in a dialog: `submit` sends the request; on success the dialog closes and `onDone` runs. */
export function FormDialog<V extends object>({
  open,
  title,
  okText = '保存',
  width = 560,
  onClose,
  onDone,
  submit,
  fields,
  initialValues,
  name,
  children,
  form: given,
}: {
  open: boolean;
  title: string;
  okText?: string;
  width?: number;
  onClose(): void;
  onDone(result: unknown): void;
  submit(values: V): Promise<unknown>;
  fields?: FormFields;
  initialValues?: Partial<V>;
  name: string;
  children: ReactNode;
  form?: FormInstance<V>;
}) {
  const [own] = Form.useForm<V>();
  const form = given ?? own;
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const finish = async (v: V) => {
    setSaving(true);
    setError(null);
    try {
      const r = await submit(v);
      form.resetFields();
      onDone(r);
    } catch (e) {
      setError(e instanceof ApiError ? showServerErrors(form, e, fields) : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog
      open={open}
      title={title}
      guard={form}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      footer={null}
      destroyOnHidden
      width={width}
    >
      <Form form={form} name={name} layout="vertical" onFinish={finish} aria-label={title} initialValues={initialValues} preserve={false}>
        {children}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} disabled={saving}>
            {okText}
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}

/** Required text with the API's limit. */
export const requiredText = (label: string, max: number) => [
  { required: true, whitespace: true, message: `请填写${label}` },
  { max, message: `${label}不超过 ${max} 字` },
];

/** The same identifier checks as the API (the pure module's messages). */
export const residentIdRule = {
  validator: (_: unknown, v?: string) => {
    const m = v ? residentIdMessage(v.trim()) : null;
    return m ? Promise.reject(new Error(m)) : Promise.resolve();
  },
};
export const usccRule = {
  validator: (_: unknown, v?: string) => {
    const m = v ? usccMessage(v.trim()) : null;
    return m ? Promise.reject(new Error(m)) : Promise.resolve();
  },
};
