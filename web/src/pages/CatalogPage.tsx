// 补贴目录 (public, no login): the catalog entries with their standards (§4.0 base standard, the
// industry uplift, the appraisal subsidy), filtered and paged on the server, state kept in the URL.
import { Alert, Form, Input, Select, Space, Table, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import type { Page } from '../api.ts';
import { LoadError } from '../components.tsx';
import { ListFilters } from '../list.tsx';
import { formatDate, formatMoney } from '../format.ts';
import { useApi, useListState } from '../hooks.ts';
import { CATALOG_SECTION_NAMES, INDUSTRY_NAMES, LEVEL_NAMES, nameOf } from '../labels.ts';
import type { CatalogEntry } from '../types.ts';
import { DateInput } from '../date-input.tsx';

const FILTERS = ['section', 'industry', 'level', 'name', 'onDate'] as const;
const SORTABLE: Record<string, string> = {
  code: 'code',
  name: 'name',
  level: 'level',
  effectiveStandardFen: 'standard',
  effectiveFrom: 'effectiveFrom',
};
const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

function percent(rate: number): string {
  return rate === 0 ? '—' : `上浮 ${Math.round(rate * 1000) / 10}%`;
}

export default function CatalogPage() {
  const { state, update, query } = useListState(FILTERS);
  const { data, error, loading, reload } = useApi<Page<CatalogEntry>>('/catalog', query);
  const [form] = Form.useForm();

  const sortOrder = (key: string) =>
    SORTABLE[key] && state.sort === SORTABLE[key] ? (state.order === 'desc' ? 'descend' : 'ascend') : null;
  const columns: TableProps<CatalogEntry>['columns'] = [
    { title: '目录', dataIndex: 'section', key: 'section', render: (s: string) => nameOf(CATALOG_SECTION_NAMES, s) },
    { title: '职业（工种）编码', dataIndex: 'code', key: 'code', sorter: true, sortOrder: sortOrder('code') },
    { title: '职业（工种）', dataIndex: 'name', key: 'name', sorter: true, sortOrder: sortOrder('name') },
    { title: '等级', dataIndex: 'levelName', key: 'level', sorter: true, sortOrder: sortOrder('level') },
    {
      title: '产业',
      dataIndex: 'industry',
      key: 'industry',
      render: (i: string, e) => `${nameOf(INDUSTRY_NAMES, i)}${e.upliftRate ? `（${percent(e.upliftRate)}）` : ''}`,
    },
    { title: '基准标准', dataIndex: 'baseStandardFen', key: 'base', align: 'right', render: formatMoney },
    {
      title: '补贴标准',
      dataIndex: 'effectiveStandardFen',
      key: 'effectiveStandardFen',
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('effectiveStandardFen'),
      render: formatMoney,
    },
    { title: '鉴定补贴', dataIndex: 'appraisalStandardFen', key: 'appraisal', align: 'right', render: formatMoney },
    { title: '学时', dataIndex: 'hours', key: 'hours', align: 'right', render: (h: number | null) => (h == null ? '—' : h) },
    {
      title: '有效期',
      dataIndex: 'effectiveFrom',
      key: 'effectiveFrom',
      sorter: true,
      sortOrder: sortOrder('effectiveFrom'),
      render: (_: unknown, e) =>
        `${e.effectiveFrom ? formatDate(e.effectiveFrom) : '—'} 至 ${e.effectiveTo ? formatDate(e.effectiveTo) : '今'}`,
    },
  ];

  const onChange: TableProps<CatalogEntry>['onChange'] = (pagination, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? SORTABLE[String(s.columnKey)] : undefined;
    update({
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? state.pageSize,
      sort: key,
      order: key ? (s?.order === 'descend' ? 'desc' : 'asc') : undefined,
    });
  };
  const onSearch = (v: { section?: string; industry?: string; level?: string; name?: string; onDate?: dayjs.Dayjs | null }) =>
    update({
      filters: {
        section: v.section,
        industry: v.industry,
        level: v.level,
        name: v.name?.trim() || undefined,
        onDate: v.onDate ? v.onDate.format('YYYY-MM-DD') : undefined,
      },
    });
  // This public page keeps its own list state (no useServerList): the filter bar gets the same three parts.
  const list = {
    state,
    setFilters: (v: Record<string, unknown>) => onSearch(v as Parameters<typeof onSearch>[0]),
    clearFilters: () => update({ filters: Object.fromEntries(FILTERS.map((k) => [k, undefined])), sort: undefined, order: undefined }),
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        职业技能培训补贴目录
      </Typography.Title>
      <Alert type="info" showIcon title="本系统内置的目录为演示用示例数据，不是官方发布的补贴目录。" />
      <ListFilters form={form} list={list} toForm={(f) => ({ ...f, onDate: f.onDate ? dayjs(f.onDate) : undefined })}>
        <Form.Item label="目录" name="section">
          <Select allowClear placeholder="全部" style={{ width: 190 }} options={options(CATALOG_SECTION_NAMES)} />
        </Form.Item>
        <Form.Item label="产业" name="industry">
          <Select allowClear placeholder="全部" style={{ width: 130 }} options={options(INDUSTRY_NAMES)} />
        </Form.Item>
        <Form.Item label="等级" name="level">
          <Select allowClear placeholder="全部" style={{ width: 150 }} options={options(LEVEL_NAMES)} />
        </Form.Item>
        <Form.Item label="职业（工种）" name="name">
          <Input allowClear maxLength={100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="适用日期" name="onDate">
          <DateInput style={{ width: 150 }} />
        </Form.Item>
      </ListFilters>
      {error ? (
        <LoadError error={error} what="目录" onRetry={reload} />
      ) : (
        <Table<CatalogEntry>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          onChange={onChange}
          scroll={{ x: 1100 }}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (t) => `共 ${t} 条`,
          }}
        />
      )}
    </Space>
  );
}
