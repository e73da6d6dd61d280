// 培训班: the provider's own classes in every state, paged, sorted and filtered on the server (kept in
// the URL), with the Excel export of every filtered row; 申请开班 opens the application form.
import { Button, Form, Input, Select, Space, Table, Typography, type TableProps } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoadError } from '../../components.tsx';
import { formatDate, withCode } from '../../format.ts';
import { CLASS_STATUS_NAMES, LEVEL_NAMES, nameOf, PROGRAM_NAMES, areaName } from '../../labels.ts';
import { RequireAuth } from '../../layout/RequireAuth.tsx';
import { ListFilters, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { CLASS_PROGRAMS } from '../../../../src/policy/class-application.ts';
import { ClassStatusTag } from './parts.tsx';
import type { ClassSummary } from './types.ts';

const FILTERS = ['status', 'program', 'startFrom', 'startTo'] as const;
const SORTABLE: Record<string, string> = { startDate: 'startDate', endDate: 'endDate', status: 'status' };

const EXPORT: ExportColumn<ClassSummary>[] = [
  { title: '培训班编号', value: (c) => c.number, width: 24 },
  { title: '培训项目', value: (c) => nameOf(PROGRAM_NAMES, c.program), width: 24 },
  { title: '工种', value: (c) => (c.occupationCode ? withCode(c.occupationName, c.occupationCode) : ''), width: 24 },
  { title: '等级', value: (c) => nameOf(LEVEL_NAMES, c.level), width: 16 },
  { title: '地区', value: (c) => areaName(c.areaCode) },
  { title: '开班日期', value: (c) => formatDate(c.startDate), width: 16 },
  { title: '结业日期', value: (c) => formatDate(c.endDate), width: 16 },
  { title: '学员人数', value: (c) => c.trainees },
  { title: '状态', value: (c) => nameOf(CLASS_STATUS_NAMES, c.status), width: 16 },
];

export default function ClassesPage() {
  return (
    <RequireAuth>
      <ClassesList />
    </RequireAuth>
  );
}

function ClassesList() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Newest applications first until the user sorts by a column.
  const list = useServerList<ClassSummary>('/classes', FILTERS, SORTABLE, params.get('sort') ? {} : { sort: 'createdAt', order: 'desc' });
  const { error, reload, sortOrder } = list;
  const [form] = Form.useForm();

  const columns: TableProps<ClassSummary>['columns'] = [
    { title: '编号', dataIndex: 'number', key: 'number', width: 200 },
    {
      title: '培训班',
      dataIndex: 'id',
      key: 'id',
      width: 230,
      render: (id: string, c) => (
        <Link to={`/provider/classes/${encodeURIComponent(id)}`}>
          {nameOf(PROGRAM_NAMES, c.program)}
          {c.occupationCode ? ` · ${c.occupationCode}` : ''}
        </Link>
      ),
    },
    { title: '等级', dataIndex: 'level', key: 'level', width: 120, render: (l: string | null) => nameOf(LEVEL_NAMES, l) },
    {
      title: '开班日期',
      dataIndex: 'startDate',
      key: 'startDate',
      width: 140,
      sorter: true,
      sortOrder: sortOrder('startDate'),
      render: formatDate,
    },
    {
      title: '结业日期',
      dataIndex: 'endDate',
      key: 'endDate',
      width: 140,
      sorter: true,
      sortOrder: sortOrder('endDate'),
      render: formatDate,
    },
    { title: '学员', dataIndex: 'trainees', key: 'trainees', width: 70, align: 'right', render: (n: number) => `${n} 人` },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 130,
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (s: string) => <ClassStatusTag status={s} />,
    },
  ];
  const options = (names: Record<string, string>, keys?: readonly string[]) =>
    (keys ?? Object.keys(names)).map((value) => ({ value, label: names[value] ?? value }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          培训班
        </Typography.Title>
        <Space wrap>
          <Button type="primary" onClick={() => navigate('/provider/classes/new')}>
            申请开班
          </Button>
          <ExportButton path="/classes" query={list.query} columns={EXPORT} fileName="培训班" />
        </Space>
      </Space>
      <ListFilters form={form} list={list}>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 150 }} options={options(CLASS_STATUS_NAMES)} />
        </Form.Item>
        <Form.Item label="培训项目" name="program">
          <Select allowClear placeholder="全部" style={{ width: 200 }} options={options(PROGRAM_NAMES, CLASS_PROGRAMS)} />
        </Form.Item>
        <Form.Item label="开班日期从" name="startFrom">
          <Input type="date" style={{ width: 150 }} />
        </Form.Item>
        <Form.Item label="至" name="startTo">
          <Input type="date" style={{ width: 150 }} />
        </Form.Item>
      </ListFilters>
      {error ? (
        <LoadError error={error} what="培训班" onRetry={reload} />
      ) : (
        <Table<ClassSummary> rowKey="id" size="middle" {...list.tableProps} columns={columns} tableLayout="fixed" scroll={{ x: 1030 }} />
      )}
    </Space>
  );
}
