// 收款账户: a payee's receiving account on the pages of its owner (the trainee's own page, an
// enterprise's or provider's unit page) and of the office (person, enterprise pages). The number is
// shown masked (the server's one rule); 查看完整账号 is a separate act the server records in the audit
// log, asked for first; 登记 / 变更 opens a form that checks the number as the server will (digits,
// 12–30 long; a social-security card: 16–19 digits with its Luhn check digit) and confirms the change.
import type { TRevealedPayeeAccount } from '../../src/api/routes/bank-payments.types.ts';
import type { TPayeeAccount } from '../../src/api/routes/bank-payments.types.ts';
import type { Wire } from './types.ts';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Space, Typography, message } from 'antd';
import { useState } from 'react';
import { api } from './api.ts';
import { LoadError } from './components.tsx';
import { formatDateTime } from './format.ts';
import { useApi } from './hooks.ts';
import { applyServerError } from './areas/trainee/party-ui.tsx';

export type PayeeKind = TPayeeAccount['payee'];

type PayeeAccount = Wire<TPayeeAccount>;

const KIND_NAMES = { social_security_card: '社会保障卡金融账户', bank: '银行结算账户' } as const;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The same checks as the server's (payee-accounts.ts), so the form says what is wrong before sending. */
export function accountNumberMessage(payee: PayeeKind, typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '');
  if (digits === '') return '请填写账号';
  if (!/^\d+$/.test(digits)) return '账号只能由数字组成';
  if (digits.length < 12 || digits.length > 30) return `账号应为 12–30 位数字，现为 ${digits.length} 位`;
  if (payee === 'individual') {
    if (digits.length < 16 || digits.length > 19) return `社会保障卡金融账号应为 16–19 位银行卡号，现为 ${digits.length} 位`;
    if (!luhnValid(digits)) return '社会保障卡金融账号的校验位不正确，请核对卡号';
  }
  return null;
}

interface FormValues {
  accountName: string;
  bankName: string;
  accountNumber: string;
}

/** The account card; `holderName` is the registered name the account's holder must bear. */
export function PayeeAccountCard({ payee, payeeRef, holderName }: { payee: PayeeKind; payeeRef: string; holderName: string }) {
  const path = `/payee-accounts/${payee}/${encodeURIComponent(payeeRef)}`;
  const account = useApi<PayeeAccount | null>(path);
  const [editing, setEditing] = useState(false);
  const [full, setFull] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  const reveal = async () => {
    setRevealing(true);
    try {
      setFull((await api<TRevealedPayeeAccount>(`${path}/reveal`, { method: 'POST', body: {} })).accountNumber);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setRevealing(false);
    }
  };
  const a = account.data;
  return (
    <Card
      size="small"
      title="收款账户"
      data-testid="payee-account"
      extra={
        <Space>
          {a && (
            <Popconfirm
              title="查看完整账号？"
              description="查看完整账号将记入审计日志（查看人、时间、收款方）。"
              okText="查看"
              cancelText="取消"
              onConfirm={() => void reveal()}
            >
              <Button size="small" loading={revealing} disabled={full !== null}>
                查看完整账号
              </Button>
            </Popconfirm>
          )}
          <Button size="small" type={a ? 'default' : 'primary'} onClick={() => setEditing(true)}>
            {a ? '变更收款账户' : '登记收款账户'}
          </Button>
        </Space>
      }
    >
      {account.error ? (
        <LoadError error={account.error} what="收款账户" onRetry={account.reload} />
      ) : account.loading && a === undefined ? null : a ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'kind', label: '账户类型', children: KIND_NAMES[a.kind] },
            { key: 'name', label: '户名', children: a.accountName },
            { key: 'bank', label: '开户行', children: a.bankName },
            {
              key: 'no',
              label: '账号',
              children: (
                <span style={{ fontFamily: 'monospace' }} data-testid="account-number">
                  {full ?? a.accountMasked}
                </span>
              ),
            },
            { key: 'by', label: '最后登记', children: `${a.updatedBy}，${formatDateTime(a.updatedAt)}` },
          ]}
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          title="尚未登记收款账户"
          description={
            payee === 'individual'
              ? '补贴发放到本人社会保障卡的金融账户；未登记时，所在支付批次不能生成银行支付文件。'
              : '补贴发放到单位的银行结算账户；未登记时，所在支付批次不能生成银行支付文件。'
          }
        />
      )}
      {editing && (
        <AccountForm
          payee={payee}
          path={path}
          holderName={holderName}
          current={a ?? null}
          onClose={(saved) => {
            setEditing(false);
            if (saved) {
              setFull(null);
              account.reload();
            }
          }}
        />
      )}
    </Card>
  );
}

function AccountForm({
  payee,
  path,
  holderName,
  current,
  onClose,
}: {
  payee: PayeeKind;
  path: string;
  holderName: string;
  current: PayeeAccount | null;
  onClose: (saved: boolean) => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (v: FormValues) => {
    setSaving(true);
    setError(null);
    try {
      await api(path, { method: 'PUT', body: v });
      void message.success(current ? '收款账户已变更' : '收款账户已登记');
      onClose(true);
    } catch (e) {
      setError(applyServerError(form, e, ['accountName', 'bankName', 'accountNumber']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={current ? '变更收款账户' : '登记收款账户'} footer={null} onCancel={() => onClose(false)} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        {payee === 'individual'
          ? '请填写本人社会保障卡的金融账户（卡面上的银行卡号）。户名须与登记的姓名一致。'
          : '请填写单位的银行结算账户。户名须与登记的单位名称一致。'}
        账号加密保存，页面只显示前 4 位和后 4 位；变更记入审计日志。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ accountName: current?.accountName ?? holderName, bankName: current?.bankName ?? '', accountNumber: '' }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item label="户名" name="accountName" rules={[{ required: true, whitespace: true, message: '请填写户名' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label="开户行" name="bankName" rules={[{ required: true, whitespace: true, message: '请填写开户行全称' }]}>
          <Input maxLength={60} placeholder="如：中国工商银行攀枝花分行" />
        </Form.Item>
        <Form.Item
          label={payee === 'individual' ? '社会保障卡金融账号' : '银行账号'}
          name="accountNumber"
          rules={[
            {
              validator: (_r, v: string | undefined) => {
                const problem = accountNumberMessage(payee, v ?? '');
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input maxLength={40} inputMode="numeric" autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {current ? '确认变更' : '登记'}
          </Button>
          <Button onClick={() => onClose(false)}>取消</Button>
        </Space>
      </Form>
    </Modal>
  );
}
