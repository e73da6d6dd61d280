// 培训机构管理 (city): every provider, listed or not, with its licence scopes (§3); register one, add a
// scope (program × occupation × level with dates), suspend or restore its listing (§5.3, §5.5).
import { Alert, Button, Form, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api.ts';
import { Dialog, DialogCancelButton, LoadError } from '../../components.tsx';
import { formatDate } from '../../format.ts';
import { AREA_NAMES, areaName, LEVEL_NAMES, nameOf, PROGRAM_NAMES, PROVIDER_KIND_NAMES, PROVIDER_STATUS_NAMES } from '../../labels.ts';
import { ListFilters, AreaFilter, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import type { Provider } from '../../types.ts';
import { CityOnly, options, useSubmit } from './shared.tsx';
import { DateInput } from '../../date-input.tsx';

const FILTERS = ['name', 'areaCode', 'status', 'program'] as const;
const SORTABLE: Record<string, string> = { name: 'name', id: 'id', areaCode: 'areaCode', status: 'status' };
const scopeText = (s: Provider['scopes'][number]) =>
  `${nameOf(PROGRAM_NAMES, s.program)}${s.occupationCode ? ` ${s.occupationCode}` : ''}${s.level ? ` ${nameOf(LEVEL_NAMES, s.level)}` : ''}（${formatDate(s.validFrom)}起${s.validTo ? `至${formatDate(s.validTo)}` : ''}）`;
const EXPORT: ExportColumn<Provider>[] = [
  { title: '机构编号', value: (p) => p.id, width: 16 },
  { title: '机构名称', value: (p) => p.name, width: 30 },
  { title: '类别', value: (p) => nameOf(PROVIDER_KIND_NAMES, p.kind) },
  { title: '地区', value: (p) => areaName(p.areaCode) },
  { title: '状态', value: (p) => nameOf(PROVIDER_STATUS_NAMES, p.status) },
  { title: '资质范围', value: (p) => p.scopes.map(scopeText).join('\n'), width: 60 },
];

export default function AdminProvidersPage() {
  return (
    <CityOnly>
      <ProvidersAdmin />
    </CityOnly>
  );
}

type Dialog =
  { kind: 'create' } | { kind: 'scope'; provider: Provider } | { kind: 'status'; provider: Provider; to: 'listed' | 'suspended' };

function ProvidersAdmin() {
  const list = useServerList<Provider>('/providers', FILTERS, SORTABLE);
  const [filters] = Form.useForm();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = (saved: boolean) => {
    setDialog(null);
    if (saved) list.reload();
  };

  const columns: TableProps<Provider>['columns'] = [
    { title: '编号', dataIndex: 'id', key: 'id', width: 110, sorter: true, sortOrder: list.sortOrder('id') },
    { title: '机构名称', dataIndex: 'name', key: 'name', width: 200, sorter: true, sortOrder: list.sortOrder('name') },
    {
      title: '地区',
      dataIndex: 'areaCode',
      key: 'areaCode',
      width: 80,
      sorter: true,
      sortOrder: list.sortOrder('areaCode'),
      render: areaName,
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 80,
      sorter: true,
      sortOrder: list.sortOrder('status'),
      render: (s: string) => (
        <Tag color={s === 'listed' ? 'green' : s === 'suspended' ? 'orange' : 'default'}>{nameOf(PROVIDER_STATUS_NAMES, s)}</Tag>
      ),
    },
    {
      title: '资质范围',
      key: 'scopes',
      render: (_: unknown, p) => (
        <Space orientation="vertical" size={0}>
          {p.scopes.map((s) => (
            <span key={s.id}>{scopeText(s)}</span>
          ))}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'op',
      width: 190,
      render: (_: unknown, p) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setDialog({ kind: 'scope', provider: p })}>
            增加资质
          </Button>
          {p.status === 'listed' && (
            <Button size="small" danger onClick={() => setDialog({ kind: 'status', provider: p, to: 'suspended' })}>
              暂停
            </Button>
          )}
          {p.status === 'suspended' && (
            <Button size="small" onClick={() => setDialog({ kind: 'status', provider: p, to: 'listed' })}>
              恢复
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
          培训机构管理
        </Typography.Title>
        <Space>
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>
            登记培训机构
          </Button>
          <ExportButton path="/providers" query={list.query} columns={EXPORT} fileName="培训机构及资质" />
        </Space>
      </Space>
      <ListFilters form={filters} list={list} name="adminproviders-1">
        <Form.Item label="机构名称" name="name">
          <Input allowClear maxLength={100} style={{ width: 160 }} />
        </Form.Item>
        <AreaFilter city />
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 100 }} options={options(PROVIDER_STATUS_NAMES)} />
        </Form.Item>
        <Form.Item label="培训项目" name="program">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部"
            style={{ width: 190 }}
            options={options(PROGRAM_NAMES)}
          />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="培训机构" onRetry={list.reload} />
      ) : (
        <Table<Provider> rowKey="id" size="middle" {...list.tableProps} columns={columns} tableLayout="fixed" scroll={{ x: 1000 }} />
      )}
      {dialog?.kind === 'create' && <CreateProvider onClose={close} />}
      {dialog?.kind === 'scope' && <AddScope provider={dialog.provider} onClose={close} />}
      {dialog?.kind === 'status' && <ChangeStatus provider={dialog.provider} to={dialog.to} onClose={close} />}
    </Space>
  );
}

function CreateProvider({ onClose }: { onClose(saved: boolean): void }) {
  const [form] = Form.useForm();
  const { busy, error, submit } = useSubmit(form, ['id', 'name', 'kind', 'uscc', 'areaCode']);
  const onFinish = async (v: { id: string; name: string; kind: string; uscc?: string; areaCode: string }) => {
    if (await submit(() => api('/providers', { method: 'POST', body: { ...v, uscc: v.uscc?.trim() || null } }))) onClose(true);
  };
  return (
    <Dialog guard={form} open title="登记培训机构" onCancel={() => onClose(false)} footer={null} destroyOnHidden>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form form={form} name="adminproviders-2" layout="vertical" onFinish={onFinish} aria-label="登记培训机构">
        <Form.Item label="机构编号" name="id" rules={[{ required: true, message: '请填写机构编号' }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label="机构名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写机构名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="类别" name="kind" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={options(PROVIDER_KIND_NAMES)} />
        </Form.Item>
        <Form.Item label="统一社会信用代码（可空）" name="uscc">
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item label="所在地区" name="areaCode" rules={[{ required: true, message: '请选择地区' }]}>
          <Select options={options(AREA_NAMES)} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={busy}>
            登记
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}

function AddScope({ provider, onClose }: { provider: Provider; onClose(saved: boolean): void }) {
  const [form] = Form.useForm();
  const { busy, error, submit } = useSubmit(form, ['program', 'occupationCode', 'level', 'validFrom', 'validTo']);
  const onFinish = async (v: {
    program: string;
    occupationCode?: string;
    level?: string;
    validFrom: dayjs.Dayjs;
    validTo?: dayjs.Dayjs | null;
  }) => {
    const body = {
      program: v.program,
      occupationCode: v.occupationCode?.trim() || null,
      level: v.level ?? null,
      validFrom: v.validFrom.format('YYYY-MM-DD'),
      validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
    };
    if (await submit(() => api(`/providers/${encodeURIComponent(provider.id)}/scopes`, { method: 'POST', body }))) onClose(true);
  };
  return (
    <Dialog guard={form} open title={`增加资质范围：${provider.name}`} onCancel={() => onClose(false)} footer={null} destroyOnHidden>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form form={form} name="adminproviders-3" layout="vertical" onFinish={onFinish} aria-label="增加资质范围">
        <Form.Item label="培训项目" name="program" rules={[{ required: true, message: '请选择培训项目' }]}>
          <Select showSearch optionFilterProp="label" options={options(PROGRAM_NAMES)} />
        </Form.Item>
        <Form.Item label="职业（工种）编码（可空：该项目全部工种）" name="occupationCode">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label="等级（可空：全部等级）" name="level">
          <Select allowClear options={options(LEVEL_NAMES)} />
        </Form.Item>
        <Space wrap>
          <Form.Item label="起始日期" name="validFrom" rules={[{ required: true, message: '请选择起始日期' }]}>
            <DateInput />
          </Form.Item>
          <Form.Item label="终止日期（可空）" name="validTo">
            <DateInput />
          </Form.Item>
        </Space>
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

function ChangeStatus({ provider, to, onClose }: { provider: Provider; to: 'listed' | 'suspended'; onClose(saved: boolean): void }) {
  const [form] = Form.useForm();
  const { busy, error, submit } = useSubmit(form, ['reason']);
  const onFinish = async (v: { reason: string }) => {
    if (
      await submit(() =>
        api(`/providers/${encodeURIComponent(provider.id)}/status`, { method: 'POST', body: { status: to, reason: v.reason } }),
      )
    )
      onClose(true);
  };
  return (
    <Dialog
      guard={form}
      open
      title={`${to === 'suspended' ? '暂停' : '恢复'}培训机构：${provider.name}`}
      onCancel={() => onClose(false)}
      footer={null}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form form={form} name="adminproviders-4" layout="vertical" onFinish={onFinish} aria-label="变更机构状态">
        <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Space>
          <Button type="primary" danger={to === 'suspended'} htmlType="submit" loading={busy} disabled={busy}>
            确认{to === 'suspended' ? '暂停' : '恢复'}
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}
