// 人员实名登记 (§5.2): the offices search the register by name or resident ID, register a person, and
// open one to correct them or record their facts (PersonPage). A county sees and registers its area.
import { Button, Form, Input, Select, Space, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TPerson as PersonView } from '../../../../src/api/routes/people.types.ts';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { formatDateTime } from '../../format.ts';
import { AREA_NAMES, areaName } from '../../labels.ts';
import { AreaFilter, ExportButton, ListFilters, useServerList, type ExportColumn } from '../../list.tsx';
import { ListHeader, RequireRole } from '../trainee/party-ui.tsx';
import { FormDialog, mono, requiredText, residentIdRule } from './shared.tsx';

const FILTERS = ['name', 'residentId', 'areaCode'] as const;
const SORTABLE = { name: 'name', residentId: 'residentId', areaCode: 'areaCode', createdAt: 'createdAt' };
const EXPORT: ExportColumn<PersonView>[] = [
  { title: '姓名', value: (p) => p.name },
  { title: '身份证号', value: (p) => p.residentId, width: 22 },
  { title: '地区', value: (p) => areaName(p.areaCode) },
  { title: '电话', value: (p) => p.phone ?? '', width: 16 },
  { title: '登记人', value: (p) => p.createdBy, width: 20 },
  { title: '登记时间', value: (p) => formatDateTime(p.createdAt), width: 20 },
];

export const areaOptions = (me: { role: string; areaCode: string | null } | null) =>
  Object.entries(AREA_NAMES)
    .filter(([code]) => me?.role === 'city' || code === me?.areaCode)
    .map(([value, label]) => ({ value, label }));

export default function PeoplePage() {
  return (
    <RequireRole roles={['city', 'county']}>
      <People />
    </RequireRole>
  );
}

interface PersonForm {
  residentId: string;
  name: string;
  areaCode: string;
  phone?: string;
}

export function RegisterPersonDialog({
  open,
  onClose,
  onDone,
  residentId,
}: {
  open: boolean;
  onClose(): void;
  onDone(p: PersonView): void;
  residentId?: string;
}) {
  const { me } = useAuth();
  return (
    <FormDialog<PersonForm>
      open={open}
      title="登记人员（实名制）"
      name="registerPerson"
      onClose={onClose}
      onDone={(p) => onDone(p as PersonView)}
      initialValues={{ areaCode: me?.role === 'county' ? (me.areaCode ?? undefined) : undefined, residentId }}
      submit={(v) =>
        api('/people', {
          method: 'POST',
          body: {
            residentId: v.residentId.trim().toUpperCase(),
            name: v.name.trim(),
            areaCode: v.areaCode,
            phone: v.phone?.trim() || null,
          },
        })
      }
    >
      <Form.Item
        label="居民身份证号码"
        name="residentId"
        rules={[{ required: true, whitespace: true, message: '请填写身份证号' }, residentIdRule]}
      >
        <Input maxLength={18} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item label="姓名" name="name" rules={requiredText('姓名', 50)}>
        <Input maxLength={50} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item label="所属地区" name="areaCode" rules={[{ required: true, message: '请选择地区' }]}>
        <Select options={areaOptions(me)} style={{ width: 240 }} placeholder="请选择" />
      </Form.Item>
      <Form.Item label="联系电话（可不填）" name="phone" rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: '电话号码格式不正确' }]}>
        <Input maxLength={20} style={{ width: 240 }} />
      </Form.Item>
    </FormDialog>
  );
}

function People() {
  const navigate = useNavigate();
  const list = useServerList<PersonView>('/people', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const columns: TableProps<PersonView>['columns'] = [
    {
      title: '姓名',
      dataIndex: 'name',
      key: 'name',
      width: 140,
      sorter: true,
      sortOrder: list.sortOrder('name'),
      render: (n: string, p) => <Link to={`/office/people/${encodeURIComponent(p.residentId)}`}>{n}</Link>,
    },
    {
      title: '身份证号',
      dataIndex: 'residentId',
      key: 'residentId',
      width: 200,
      sorter: true,
      sortOrder: list.sortOrder('residentId'),
      render: mono,
    },
    {
      title: '地区',
      dataIndex: 'areaCode',
      key: 'areaCode',
      width: 100,
      sorter: true,
      sortOrder: list.sortOrder('areaCode'),
      render: areaName,
    },
    { title: '电话', dataIndex: 'phone', key: 'phone', width: 140, render: (p: string | null) => p ?? '—' },
    {
      title: '登记时间',
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: list.sortOrder('createdAt'),
      render: formatDateTime,
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="人员实名登记">
        <Button type="primary" onClick={() => setOpen(true)}>
          登记人员
        </Button>
        <ExportButton path="/people" query={list.query} columns={EXPORT} fileName="人员实名登记" />
      </ListHeader>
      <ListFilters form={form} list={list}>
        <Form.Item label="姓名" name="name">
          <Input allowClear maxLength={50} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="身份证号" name="residentId">
          <Input allowClear maxLength={18} style={{ width: 200 }} />
        </Form.Item>
        <AreaFilter city />
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="人员" onRetry={list.reload} />
      ) : (
        <Table<PersonView> rowKey="residentId" size="middle" {...list.tableProps} columns={columns} />
      )}
      <RegisterPersonDialog
        open={open}
        onClose={() => setOpen(false)}
        onDone={(p) => {
          setOpen(false);
          navigate(`/office/people/${encodeURIComponent(p.residentId)}`);
        }}
      />
    </Space>
  );
}
