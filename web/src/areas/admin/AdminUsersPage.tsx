// 用户与角色 (city): every login with its role and what it acts for; create one for a role, disable or
// enable it (a disabled user's sessions end), reset its password, set its payment duties (经办 / 复核 /
// 支付: maker–checker on payment batches). All audited on the server.
import type { TIssuerPage } from '../../../../src/api/routes/certificates.types.ts';
import { Alert, Button, Checkbox, Form, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { api } from '../../api.ts';
import { Dialog, DialogCancelButton, LoadError } from '../../components.tsx';
import { formatDateTime } from '../../format.ts';
import { AREA_NAMES, areaName, nameOf, ROLE_NAMES } from '../../labels.ts';
import { ListFilters, AreaFilter, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';

import type { TUserView as UserView } from '../../../../src/api/routes/admin.types.ts';
import { useApi } from '../../hooks.ts';
import { CityOnly, options, useSubmit } from './shared.tsx';
import { DEPARTMENTS, DUTY_NAMES, dutiesForRole } from '../../../../src/vocabulary/roles.ts';

const FILTERS = ['role', 'areaCode', 'department', 'active', 'q'] as const;
const SORTABLE: Record<string, string> = { username: 'username', displayName: 'displayName', role: 'role', createdAt: 'createdAt' };
const COUNTY_NAMES = Object.fromEntries(Object.entries(AREA_NAMES).filter(([code]) => code !== '510400'));
const DEPARTMENT_NAMES: Record<string, string> = DEPARTMENTS;

/** What a login acts for, in words. */
function tiedTo(u: UserView): string {
  if (u.role === 'county' || u.role === 'city') return areaName(u.areaCode);
  if (u.role === 'department') return nameOf(DEPARTMENT_NAMES, u.department);
  return u.enterpriseUscc ?? u.providerId ?? u.residentId ?? u.issuerId ?? '—';
}
const SHORT_DUTY: Record<string, string> = { build: '经办', confirm: '复核', pay: '支付' };
const dutyOptions = (role: string | undefined, department: string | null | undefined) =>
  dutiesForRole(role ?? '', department ?? null).map((d) => ({ value: d, label: DUTY_NAMES[d] }));
const dutiesText = (u: UserView) => (u.paymentDuties.length ? u.paymentDuties.map((d) => SHORT_DUTY[d] ?? d).join('、') : '—');
const EXPORT: ExportColumn<UserView>[] = [
  { title: '用户名', value: (u) => u.username, width: 20 },
  { title: '名称', value: (u) => u.displayName, width: 24 },
  { title: '角色', value: (u) => nameOf(ROLE_NAMES, u.role), width: 16 },
  { title: '所属', value: tiedTo, width: 24 },
  { title: '支付职责', value: dutiesText, width: 16 },
  { title: '状态', value: (u) => (u.active ? '启用' : '停用') },
  { title: '创建时间', value: (u) => formatDateTime(u.createdAt), width: 20 },
];

export default function AdminUsersPage() {
  return (
    <CityOnly>
      <UsersAdmin />
    </CityOnly>
  );
}

type Dialog =
  { kind: 'create' } | { kind: 'active'; user: UserView } | { kind: 'password'; user: UserView } | { kind: 'duties'; user: UserView };

function UsersAdmin() {
  const list = useServerList<UserView>('/users', FILTERS, SORTABLE);
  const [filters] = Form.useForm();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = (saved: boolean) => {
    setDialog(null);
    if (saved) list.reload();
  };
  const columns: TableProps<UserView>['columns'] = [
    { title: '用户名', dataIndex: 'username', key: 'username', width: 150, sorter: true, sortOrder: list.sortOrder('username') },
    { title: '名称', dataIndex: 'displayName', key: 'displayName', width: 170, sorter: true, sortOrder: list.sortOrder('displayName') },
    {
      title: '角色',
      dataIndex: 'role',
      key: 'role',
      width: 130,
      sorter: true,
      sortOrder: list.sortOrder('role'),
      render: (r: string) => nameOf(ROLE_NAMES, r),
    },
    { title: '所属', key: 'tied', width: 190, render: (_: unknown, u) => tiedTo(u) },
    {
      title: '支付职责',
      key: 'duties',
      width: 130,
      render: (_: unknown, u) =>
        u.paymentDuties.length ? (
          u.paymentDuties.map((d) => (
            <Tag key={d} color="blue">
              {SHORT_DUTY[d] ?? d}
            </Tag>
          ))
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '状态',
      dataIndex: 'active',
      key: 'active',
      width: 70,
      render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? '启用' : '停用'}</Tag>,
    },
    {
      title: '操作',
      key: 'op',
      width: 250,
      render: (_: unknown, u) => (
        <Space size={4}>
          <Button size="small" danger={u.active} onClick={() => setDialog({ kind: 'active', user: u })}>
            {u.active ? '停用' : '启用'}
          </Button>
          <Button size="small" onClick={() => setDialog({ kind: 'password', user: u })}>
            重置密码
          </Button>
          {dutyOptions(u.role, u.department).length > 0 && (
            <Button size="small" onClick={() => setDialog({ kind: 'duties', user: u })} aria-label={`支付职责：${u.username}`}>
              支付职责
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          用户与角色
        </Typography.Title>
        <Space>
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>
            创建用户
          </Button>
          <ExportButton path="/users" query={list.query} columns={EXPORT} fileName="用户与角色" />
        </Space>
      </Space>
      <ListFilters form={filters} list={list} name="adminusers-1">
        <Form.Item label="用户名或名称" name="q">
          <Input allowClear maxLength={60} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item label="角色" name="role">
          <Select allowClear placeholder="全部" style={{ width: 150 }} options={options(ROLE_NAMES)} />
        </Form.Item>
        <AreaFilter city />
        <Form.Item label="状态" name="active">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 100 }}
            options={[
              { value: 'true', label: '启用' },
              { value: 'false', label: '停用' },
            ]}
          />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="用户" onRetry={list.reload} />
      ) : (
        <Table<UserView> rowKey="id" size="middle" {...list.tableProps} columns={columns} tableLayout="fixed" scroll={{ x: 1110 }} />
      )}
      {dialog?.kind === 'create' && <CreateUser onClose={close} />}
      {dialog?.kind === 'active' && <SetActive user={dialog.user} onClose={close} />}
      {dialog?.kind === 'password' && <ResetPassword user={dialog.user} onClose={close} />}
      {dialog?.kind === 'duties' && <SetDuties user={dialog.user} onClose={close} />}
    </Space>
  );
}

const CREATE_FIELDS = [
  'username',
  'displayName',
  'password',
  'role',
  'areaCode',
  'department',
  'enterpriseUscc',
  'providerId',
  'residentId',
  'issuerId',
  'paymentDuties',
] as const;

function CreateUser({ onClose }: { onClose(saved: boolean): void }) {
  const [form] = Form.useForm();
  const role = Form.useWatch('role', form) as string | undefined;
  const department = Form.useWatch('department', form) as string | undefined;
  const duties = dutyOptions(role, department);
  const { busy, error, submit } = useSubmit(form, CREATE_FIELDS);
  const onFinish = async (v: Record<string, string | string[] | undefined>) => {
    const body = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x.trim() || null : (x ?? null)]));
    body.paymentDuties ??= [];
    if (await submit(() => api('/users', { method: 'POST', body }))) onClose(true);
  };
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <Dialog guard={form} open title="创建用户" onCancel={() => onClose(false)} footer={null} destroyOnHidden>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form form={form} name="adminusers-2" layout="vertical" onFinish={onFinish} aria-label="创建用户">
        <Form.Item label="用户名" name="username" rules={required('请填写用户名')}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item label="名称" name="displayName" rules={required('请填写名称')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          label="初始密码"
          name="password"
          rules={required('请填写初始密码')}
          extra="至少 8 位，须同时包含字母和数字；不能是常见密码、键盘顺序、重复字符，也不能含用户名或名称"
        >
          <Input.Password maxLength={200} autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={options(ROLE_NAMES)} />
        </Form.Item>
        {role === 'county' && (
          <Form.Item label="所属县（区）" name="areaCode" rules={[{ required: true, message: '请选择所属县（区）' }]}>
            <Select options={options(COUNTY_NAMES)} />
          </Form.Item>
        )}
        {role === 'department' && (
          <Form.Item label="所属部门" name="department" rules={[{ required: true, message: '请选择所属部门' }]}>
            <Select options={options(DEPARTMENT_NAMES)} />
          </Form.Item>
        )}
        {role === 'enterprise' && (
          <Form.Item label="企业统一社会信用代码" name="enterpriseUscc" rules={required('请填写统一社会信用代码')}>
            <Input maxLength={18} />
          </Form.Item>
        )}
        {role === 'provider' && (
          <Form.Item label="培训机构编号" name="providerId" rules={required('请填写培训机构编号')}>
            <Input maxLength={64} />
          </Form.Item>
        )}
        {role === 'trainee' && (
          <Form.Item label="劳动者身份证号" name="residentId" rules={required('请填写身份证号')}>
            <Input maxLength={18} />
          </Form.Item>
        )}
        {role === 'evaluator' && <EvaluationBodySelect />}
        {duties.length > 0 && (
          <Form.Item
            label="支付职责"
            name="paymentDuties"
            extra="编制批次的人不能确认该批次，确认批次的人不能支付该批次；不勾选即不承担支付职责"
          >
            <Checkbox.Group options={duties} />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={busy}>
            创建
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}

function SetActive({ user, onClose }: { user: UserView; onClose(saved: boolean): void }) {
  const [form] = Form.useForm();
  const { busy, error, submit } = useSubmit(form, ['reason']);
  const to = !user.active;
  const onFinish = async (v: { reason: string }) => {
    if (await submit(() => api(`/users/${encodeURIComponent(user.id)}/active`, { method: 'POST', body: { active: to, reason: v.reason } })))
      onClose(true);
  };
  return (
    <Dialog
      guard={form}
      open
      title={`${to ? '启用' : '停用'}用户：${user.displayName}（${user.username}）`}
      onCancel={() => onClose(false)}
      footer={null}
      destroyOnHidden
    >
      {!to && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="停用后该用户立即退出登录，且不能再登录。" />}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form form={form} name="adminusers-3" layout="vertical" onFinish={onFinish} aria-label="停用或启用用户">
        <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" danger={!to} htmlType="submit" loading={busy} disabled={busy}>
            确认{to ? '启用' : '停用'}
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}

function ResetPassword({ user, onClose }: { user: UserView; onClose(saved: boolean): void }) {
  const [form] = Form.useForm();
  const { busy, error, submit } = useSubmit(form, ['password']);
  const onFinish = async (v: { password: string }) => {
    if (await submit(() => api(`/users/${encodeURIComponent(user.id)}/password`, { method: 'POST', body: { password: v.password } })))
      onClose(true);
  };
  return (
    <Dialog
      guard={form}
      open
      title={`重置密码：${user.displayName}（${user.username}）`}
      onCancel={() => onClose(false)}
      footer={null}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form form={form} name="adminusers-4" layout="vertical" onFinish={onFinish} aria-label="重置密码">
        <Form.Item
          label="新密码"
          name="password"
          rules={[{ required: true, message: '请填写新密码' }]}
          extra="至少 8 位，须同时包含字母和数字，不能是常见密码、键盘顺序或含用户名；该用户已登录的会话将退出"
        >
          <Input.Password maxLength={200} autoComplete="new-password" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={busy}>
            重置
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}

function SetDuties({ user, onClose }: { user: UserView; onClose(saved: boolean): void }) {
  const [form] = Form.useForm();
  const { busy, error, submit } = useSubmit(form, ['paymentDuties', 'reason']);
  const onFinish = async (v: { paymentDuties?: string[]; reason: string }) => {
    if (
      await submit(() =>
        api(`/users/${encodeURIComponent(user.id)}/payment-duties`, {
          method: 'POST',
          body: { paymentDuties: v.paymentDuties ?? [], reason: v.reason },
        }),
      )
    )
      onClose(true);
  };
  return (
    <Dialog
      guard={form}
      open
      title={`支付职责：${user.displayName}（${user.username}）`}
      onCancel={() => onClose(false)}
      footer={null}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="经办编制和取消支付批次，复核确认批次，支付执行支付。同一批次的编制人不能确认，确认人不能支付；调整立即生效。"
      />
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form
        form={form}
        name="adminusers-5"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ paymentDuties: user.paymentDuties }}
        aria-label="设置支付职责"
      >
        <Form.Item label="支付职责" name="paymentDuties">
          <Checkbox.Group options={dutyOptions(user.role, user.department)} />
        </Form.Item>
        <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={busy}>
            保存
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}

/** An evaluation body's login is bound to one of the registry's evaluation bodies (an approved enterprise signs in as the enterprise). */
function EvaluationBodySelect() {
  const bodies = useApi<TIssuerPage>('/certificate-issuers', {
    kind: 'evaluation_body',
    pageSize: 100,
  });
  return (
    <Form.Item
      label="所属评价机构"
      name="issuerId"
      rules={[{ required: true, message: '请选择所属评价机构' }]}
      extra="证书库中登记的评价机构；该账号只能登记、导入和撤销本机构的证书"
    >
      <Select
        showSearch
        optionFilterProp="label"
        loading={bodies.loading}
        options={(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.name}（${b.code}）` }))}
      />
    </Form.Item>
  );
}
