// 企业登记: the enterprises the rules read (insured status for §4.8, education fund by year for R8,
// difficulty recognitions for §4.5, headcounts for §1). Search by name, area or industry; register one
// (insured asked explicitly: 已参保 / 未参保 / 尚不清楚 — the last is recorded as unknown, never "no").
import { Button, Form, Input, Radio, Select, Space, Switch, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TEnterprise as EnterpriseView } from '../../../../src/api/routes/enterprises.types.ts';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { areaName, INDUSTRY_NAMES, nameOf } from '../../labels.ts';
import { AreaFilter, ExportButton, ListFilters, useServerList, type ExportColumn } from '../../list.tsx';
import { ListHeader, options, RequireRole } from '../trainee/party-ui.tsx';
import { areaOptions } from './PeoplePage.tsx';
import { FormDialog, mono, requiredText, usccRule, yesNo } from './shared.tsx';

type Enterprise = Omit<EnterpriseView, 'educationFund' | 'difficulty'>;
const FILTERS = ['name', 'areaCode', 'industry', 'directlyManaged'] as const;
const SORTABLE = { name: 'name', areaCode: 'areaCode' };
const EXPORT: ExportColumn<Enterprise>[] = [
  { title: '企业名称', value: (e) => e.name, width: 30 },
  { title: '统一社会信用代码', value: (e) => e.uscc, width: 22 },
  { title: '地区', value: (e) => areaName(e.areaCode) },
  { title: '行业', value: (e) => nameOf(INDUSTRY_NAMES, e.industry), width: 16 },
  { title: '参保情况', value: (e) => yesNo(e.insured, '已参保', '未参保', '不明') },
  { title: '市直管', value: (e) => (e.directlyManaged ? '是' : '否') },
];

export default function EnterprisesPage() {
  return (
    <RequireRole roles={['city', 'county']}>
      <Enterprises />
    </RequireRole>
  );
}

interface EnterpriseForm {
  uscc: string;
  name: string;
  areaCode: string;
  industry: string;
  insured: 'yes' | 'no' | 'unknown';
  directlyManaged?: boolean;
  dispatchingAgencyUscc?: string;
}

function Enterprises() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const list = useServerList<Enterprise>('/enterprises', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const columns: TableProps<Enterprise>['columns'] = [
    {
      title: '企业名称',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: list.sortOrder('name'),
      render: (n: string, e) => <Link to={`/office/enterprises/${encodeURIComponent(e.uscc)}`}>{n}</Link>,
    },
    { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc', width: 200, render: mono },
    {
      title: '地区',
      dataIndex: 'areaCode',
      key: 'areaCode',
      width: 90,
      sorter: true,
      sortOrder: list.sortOrder('areaCode'),
      render: areaName,
    },
    { title: '行业', dataIndex: 'industry', key: 'industry', width: 130, render: (i: string) => nameOf(INDUSTRY_NAMES, i) },
    {
      title: '参保',
      dataIndex: 'insured',
      key: 'insured',
      width: 90,
      render: (v: boolean | null) => (
        <Tag color={v ? 'green' : v === false ? 'red' : 'default'}>{yesNo(v, '已参保', '未参保', '不明')}</Tag>
      ),
    },
    { title: '市直管', dataIndex: 'directlyManaged', key: 'directlyManaged', width: 80, render: (v: boolean) => (v ? '是' : '') },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="企业登记">
        <Button type="primary" onClick={() => setOpen(true)}>
          登记企业
        </Button>
        <ExportButton path="/enterprises" query={list.query} columns={EXPORT} fileName="企业登记" />
      </ListHeader>
      <ListFilters form={form} list={list}>
        <Form.Item label="企业名称" name="name">
          <Input allowClear maxLength={100} style={{ width: 180 }} />
        </Form.Item>
        <AreaFilter city />
        <Form.Item label="行业" name="industry">
          <Select allowClear placeholder="全部" style={{ width: 150 }} options={options(INDUSTRY_NAMES)} />
        </Form.Item>
        <Form.Item label="市直管" name="directlyManaged">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 100 }}
            options={[
              { value: 'true', label: '是' },
              { value: 'false', label: '否' },
            ]}
          />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="企业" onRetry={list.reload} />
      ) : (
        <Table<Enterprise> rowKey="uscc" size="middle" {...list.tableProps} columns={columns} />
      )}
      <FormDialog<EnterpriseForm>
        open={open}
        title="登记企业"
        name="registerEnterprise"
        width={620}
        onClose={() => setOpen(false)}
        onDone={(e) => {
          setOpen(false);
          navigate(`/office/enterprises/${encodeURIComponent((e as Enterprise).uscc)}`);
        }}
        initialValues={{ areaCode: me?.role === 'county' ? (me.areaCode ?? undefined) : undefined }}
        fields={{
          uscc: 'uscc',
          name: 'name',
          areaCode: 'areaCode',
          industry: 'industry',
          insured: 'insured',
          directlyManaged: 'directlyManaged',
          dispatchingAgencyUscc: 'dispatchingAgencyUscc',
        }}
        submit={(v) =>
          api('/enterprises', {
            method: 'POST',
            body: {
              uscc: v.uscc.trim().toUpperCase(),
              name: v.name.trim(),
              areaCode: v.areaCode,
              industry: v.industry,
              insured: v.insured === 'yes' ? true : v.insured === 'no' ? false : null,
              ...(me?.role === 'city' ? { directlyManaged: v.directlyManaged ?? false } : {}),
              dispatchingAgencyUscc: v.dispatchingAgencyUscc?.trim().toUpperCase() || null,
            },
          })
        }
      >
        <Form.Item
          label="统一社会信用代码"
          name="uscc"
          rules={[{ required: true, whitespace: true, message: '请填写统一社会信用代码' }, usccRule]}
        >
          <Input maxLength={18} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item label="企业名称" name="name" rules={requiredText('企业名称', 100)}>
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap>
          <Form.Item label="所属地区" name="areaCode" rules={[{ required: true, message: '请选择地区' }]}>
            <Select options={areaOptions(me)} style={{ width: 180 }} placeholder="请选择" />
          </Form.Item>
          <Form.Item label="行业" name="industry" rules={[{ required: true, message: '请选择行业' }]}>
            <Select options={options(INDUSTRY_NAMES)} style={{ width: 200 }} placeholder="请选择" />
          </Form.Item>
        </Space>
        <Form.Item label="是否依法参加社会保险（§4.8 以工代训）" name="insured" rules={[{ required: true, message: '请选择参保情况' }]}>
          <Radio.Group
            options={[
              { value: 'yes', label: '已参保' },
              { value: 'no', label: '未参保' },
              { value: 'unknown', label: '尚不清楚（记为情况不明）' },
            ]}
          />
        </Form.Item>
        {me?.role === 'city' && (
          <Form.Item label="市直管企业（§5.7）" name="directlyManaged" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Form.Item label="劳务派遣机构的统一社会信用代码（可不填）" name="dispatchingAgencyUscc" rules={[usccRule]}>
          <Input maxLength={18} style={{ width: 260 }} />
        </Form.Item>
      </FormDialog>
    </Space>
  );
}
