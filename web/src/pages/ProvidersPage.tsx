// 培训机构目录 (public, no login): the listed providers and the programs each may run (§5.5 目录清单管理).
import { Form, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { Page } from '../api.ts';
import { LoadError } from '../components.tsx';
import { ListFilters } from '../list.tsx';
import { useApi, useListState } from '../hooks.ts';
import { AREA_NAMES, areaName, nameOf, PROGRAM_NAMES, PROVIDER_KIND_NAMES, PROVIDER_STATUS_NAMES } from '../labels.ts';
import type { Provider } from '../types.ts';

const FILTERS = ['name', 'areaCode', 'kind', 'program'] as const;
const SORTABLE: Record<string, string> = { name: 'name', areaCode: 'areaCode' };
const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

export default function ProvidersPage() {
  const { state, update, query } = useListState(FILTERS);
  const { data, error, loading, reload } = useApi<Page<Provider>>('/providers', query);
  const [form] = Form.useForm();

  const sortOrder = (key: string) =>
    SORTABLE[key] && state.sort === SORTABLE[key] ? (state.order === 'desc' ? 'descend' : 'ascend') : null;
  const columns: TableProps<Provider>['columns'] = [
    { title: '机构名称', dataIndex: 'name', key: 'name', sorter: true, sortOrder: sortOrder('name') },
    { title: '类别', dataIndex: 'kind', key: 'kind', render: (k: string) => nameOf(PROVIDER_KIND_NAMES, k) },
    { title: '所在地区', dataIndex: 'areaCode', key: 'areaCode', sorter: true, sortOrder: sortOrder('areaCode'), render: areaName },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      render: (s: string) => <Tag color={s === 'listed' ? 'green' : 'default'}>{nameOf(PROVIDER_STATUS_NAMES, s)}</Tag>,
    },
    {
      title: '可承担的培训项目',
      key: 'programs',
      render: (_: unknown, p) => {
        const programs = [...new Set(p.scopes.map((s) => s.program))];
        return (
          <Space wrap size={4}>
            {programs.map((x) => (
              <Tag key={x}>{nameOf(PROGRAM_NAMES, x)}</Tag>
            ))}
          </Space>
        );
      },
    },
    { title: '创业培训资质', dataIndex: 'entrepreneurshipQualified', key: 'ent', render: (q: boolean) => (q ? '有' : '—') },
  ];

  const onChange: TableProps<Provider>['onChange'] = (pagination, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? SORTABLE[String(s.columnKey)] : undefined;
    update({
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? state.pageSize,
      sort: key,
      order: key ? (s?.order === 'descend' ? 'desc' : 'asc') : undefined,
    });
  };
  // This public page keeps its own list state (no useServerList): the filter bar gets the same three parts.
  const list = {
    state,
    setFilters: (v: Record<string, unknown>) =>
      update({ filters: Object.fromEntries(FILTERS.map((k) => [k, (v[k] as string | undefined)?.trim() || undefined])) }),
    clearFilters: () => update({ filters: Object.fromEntries(FILTERS.map((k) => [k, undefined])), sort: undefined, order: undefined }),
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        培训机构目录
      </Typography.Title>
      <ListFilters form={form} list={list}>
        <Form.Item label="机构名称" name="name">
          <Input allowClear maxLength={100} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label="所在地区" name="areaCode">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={options(AREA_NAMES)} />
        </Form.Item>
        <Form.Item label="类别" name="kind">
          <Select allowClear placeholder="全部" style={{ width: 150 }} options={options(PROVIDER_KIND_NAMES)} />
        </Form.Item>
        <Form.Item label="培训项目" name="program">
          <Select allowClear placeholder="全部" style={{ width: 200 }} options={options(PROGRAM_NAMES)} />
        </Form.Item>
      </ListFilters>
      {error ? (
        <LoadError error={error} what="培训机构" onRetry={reload} />
      ) : (
        <Table<Provider>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          onChange={onChange}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (t) => `共 ${t} 家`,
          }}
        />
      )}
    </Space>
  );
}
