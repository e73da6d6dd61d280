// 目录版本 (city): catalog entries by edition and effective dates; a new entry, or a new edition of an
// entry from a date (the edition open on that day is closed the day before; an overlap is refused).
import { Alert, Button, Form, Input, InputNumber, Select, Space, Table, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api.ts';
import { Dialog, DialogCancelButton, LoadError } from '../../components.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { CATALOG_SECTION_NAMES, INDUSTRY_NAMES, LEVEL_NAMES, nameOf } from '../../labels.ts';
import { ListFilters, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import type { CatalogEntry } from '../../types.ts';
import { CityOnly, options, useSubmit } from './shared.tsx';
import { DateInput } from '../../date-input.tsx';

const FILTERS = ['section', 'code', 'name', 'edition', 'onDate'] as const;
const SORTABLE: Record<string, string> = { code: 'code', name: 'name', level: 'level', effectiveFrom: 'effectiveFrom' };
const FIELDS = [
  'section',
  'code',
  'name',
  'level',
  'baseStandardYuan',
  'industry',
  'upliftPercent',
  'appraisalStandardYuan',
  'hours',
  'edition',
  'effectiveFrom',
  'effectiveTo',
] as const;
const period = (e: { effectiveFrom: string | null; effectiveTo: string | null }) =>
  `${e.effectiveFrom ? formatDate(e.effectiveFrom) : '—'} 至 ${e.effectiveTo ? formatDate(e.effectiveTo) : '今'}`;

const EXPORT: ExportColumn<CatalogEntry>[] = [
  { title: '目录', value: (e) => nameOf(CATALOG_SECTION_NAMES, e.section), width: 20 },
  { title: '编码', value: (e) => e.code, width: 14 },
  { title: '职业（工种）', value: (e) => e.name, width: 20 },
  { title: '等级', value: (e) => e.levelName },
  { title: '版本', value: (e) => e.edition ?? '' },
  { title: '基准标准（元）', value: (e) => e.baseStandardFen / 100, width: 14 },
  { title: '上浮比例', value: (e) => e.upliftRate },
  { title: '生效日期', value: (e) => e.effectiveFrom ?? '', width: 14 },
  { title: '失效日期', value: (e) => e.effectiveTo ?? '', width: 14 },
];

export default function AdminCatalogPage() {
  return (
    <CityOnly>
      <CatalogAdmin />
    </CityOnly>
  );
}

function CatalogAdmin() {
  const list = useServerList<CatalogEntry>('/catalog', FILTERS, SORTABLE);
  const [filters] = Form.useForm();
  const [editing, setEditing] = useState<Partial<CatalogEntry> | null>(null);

  const columns: TableProps<CatalogEntry>['columns'] = [
    { title: '目录', dataIndex: 'section', key: 'section', width: 150, render: (s: string) => nameOf(CATALOG_SECTION_NAMES, s) },
    { title: '编码', dataIndex: 'code', key: 'code', width: 110, sorter: true, sortOrder: list.sortOrder('code') },
    { title: '职业（工种）', dataIndex: 'name', key: 'name', width: 150, sorter: true, sortOrder: list.sortOrder('name') },
    { title: '等级', dataIndex: 'levelName', key: 'level', width: 110, sorter: true, sortOrder: list.sortOrder('level') },
    { title: '版本', dataIndex: 'edition', key: 'edition', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '补贴标准', dataIndex: 'effectiveStandardFen', key: 'std', width: 110, align: 'right', render: formatMoney },
    {
      title: '有效期',
      key: 'effectiveFrom',
      width: 230,
      sorter: true,
      sortOrder: list.sortOrder('effectiveFrom'),
      render: (_: unknown, e) => period(e),
    },
    {
      title: '操作',
      key: 'op',
      width: 110,
      render: (_: unknown, e) => (
        <Button size="small" onClick={() => setEditing({ ...e, effectiveFrom: null, effectiveTo: null, edition: null })}>
          发布新版本
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          目录版本管理
        </Typography.Title>
        <Space>
          <Button type="primary" onClick={() => setEditing({})}>
            新增目录条目
          </Button>
          <ExportButton path="/catalog" query={list.query} columns={EXPORT} fileName="补贴目录版本" />
        </Space>
      </Space>
      <ListFilters
        form={filters}
        list={list}
        name="admincatalog-1"
        toForm={(f) => ({ ...f, onDate: f.onDate ? dayjs(f.onDate) : undefined })}
        fromForm={(v: { section?: string; code?: string; name?: string; edition?: string; onDate?: dayjs.Dayjs }) => ({
          ...v,
          onDate: v.onDate ? v.onDate.format('YYYY-MM-DD') : undefined,
        })}
      >
        <Form.Item label="目录" name="section">
          <Select allowClear placeholder="全部" style={{ width: 180 }} options={options(CATALOG_SECTION_NAMES)} />
        </Form.Item>
        <Form.Item label="编码" name="code">
          <Input allowClear maxLength={40} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item label="职业（工种）" name="name">
          <Input allowClear maxLength={100} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="版本" name="edition">
          <Input allowClear maxLength={50} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item label="适用日期" name="onDate">
          <DateInput style={{ width: 150 }} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="目录" onRetry={list.reload} />
      ) : (
        <Table<CatalogEntry> rowKey="id" size="middle" {...list.tableProps} columns={columns} tableLayout="fixed" scroll={{ x: 1070 }} />
      )}
      {editing && (
        <EntryModal
          initial={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) list.reload();
          }}
        />
      )}
    </Space>
  );
}

function EntryModal({ initial, onClose }: { initial: Partial<CatalogEntry>; onClose(saved: boolean): void }) {
  const [form] = Form.useForm();
  const { busy, error, submit } = useSubmit(form, FIELDS);
  const newEdition = initial.code !== undefined;
  const onFinish = async (v: Record<string, unknown>) => {
    const body = {
      section: v.section,
      code: v.code,
      name: v.name,
      level: v.level === 'special' ? 'special' : Number(v.level),
      baseStandardYuan: v.baseStandardYuan,
      industry: v.industry,
      upliftRate: Number(v.upliftPercent ?? 0) / 100,
      appraisalStandardYuan: v.appraisalStandardYuan ?? null,
      hours: v.hours ?? null,
      edition: (v.edition as string | undefined)?.trim() || null,
      effectiveFrom: (v.effectiveFrom as dayjs.Dayjs | undefined)?.format('YYYY-MM-DD'),
      effectiveTo: (v.effectiveTo as dayjs.Dayjs | undefined)?.format('YYYY-MM-DD') ?? null,
    };
    const saved = await submit(() => api('/catalog', { method: 'POST', body }));
    if (saved) onClose(true);
  };
  return (
    <Dialog
      guard={form}
      open
      title={newEdition ? `发布新版本：${initial.name}（${initial.levelName}）` : '新增目录条目'}
      onCancel={() => onClose(false)}
      footer={null}
      width={640}
      destroyOnHidden
    >
      {newEdition && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="新版本自生效日起替代当日有效的旧版本（旧版本于前一日失效）；与其他版本有效期重叠的将被拒绝。"
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form
        form={form}
        name="admincatalog-2"
        layout="vertical"
        onFinish={onFinish}
        aria-label="目录条目"
        initialValues={{
          section: initial.section ?? 'upgrade',
          code: initial.code,
          name: initial.name,
          level: initial.level ?? '4',
          baseStandardYuan: initial.baseStandardFen == null ? undefined : initial.baseStandardFen / 100,
          industry: initial.industry ?? 'other',
          upliftPercent: initial.upliftRate == null ? 0 : Math.round(initial.upliftRate * 1000) / 10,
          appraisalStandardYuan: initial.appraisalStandardFen == null ? undefined : initial.appraisalStandardFen / 100,
          hours: initial.hours ?? undefined,
        }}
      >
        <Space wrap size={12} align="start">
          <Form.Item label="目录" name="section" rules={[{ required: true, message: '请选择目录' }]}>
            <Select style={{ width: 200 }} options={options(CATALOG_SECTION_NAMES)} disabled={newEdition} />
          </Form.Item>
          <Form.Item label="职业（工种）编码" name="code" rules={[{ required: true, message: '请填写编码' }]}>
            <Input maxLength={40} style={{ width: 160 }} disabled={newEdition} />
          </Form.Item>
          <Form.Item label="等级" name="level" rules={[{ required: true, message: '请选择等级' }]}>
            <Select style={{ width: 150 }} options={options(LEVEL_NAMES)} disabled={newEdition} />
          </Form.Item>
        </Space>
        <Space wrap size={12} align="start">
          <Form.Item label="职业（工种）名称" name="name" rules={[{ required: true, message: '请填写名称' }]}>
            <Input maxLength={100} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="基准标准（元）" name="baseStandardYuan" rules={[{ required: true, message: '请填写基准标准' }]}>
            <InputNumber min={0} precision={2} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item label="产业" name="industry" rules={[{ required: true, message: '请选择产业' }]}>
            <Select style={{ width: 140 }} options={options(INDUSTRY_NAMES)} />
          </Form.Item>
        </Space>
        <Space wrap size={12} align="start">
          <Form.Item label="上浮比例（%）" name="upliftPercent">
            <InputNumber min={0} max={100} precision={1} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item label="鉴定补贴（元）" name="appraisalStandardYuan">
            <InputNumber min={0} precision={2} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label="学时" name="hours">
            <InputNumber min={1} max={10000} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item label="版本" name="edition">
            <Input maxLength={50} placeholder="如 2021版" style={{ width: 130 }} />
          </Form.Item>
        </Space>
        <Space wrap size={12} align="start">
          <Form.Item label="生效日期" name="effectiveFrom" rules={[{ required: true, message: '请选择生效日期' }]}>
            <DateInput style={{ width: 170 }} />
          </Form.Item>
          <Form.Item label="失效日期（可空）" name="effectiveTo">
            <DateInput style={{ width: 170 }} />
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
