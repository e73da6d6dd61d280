// 开班审查: the class applications of the office's slice (submitted ones first by default), paged and
// filtered on the server; each opens the review with every trainee's cross-program status.
import { Form, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { formatDate, withCode } from '../../format.ts';
import { areaName, CLASS_STATUS_NAMES, LEVEL_NAMES, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { ListFilters, AreaFilter, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { options, reviewPage, type ClassSummary } from './shared.tsx';

const FILTERS = ['status', 'program', 'areaCode', 'providerId'] as const;
const SORTABLE: Record<string, string> = { startDate: 'startDate', status: 'status' };
const CLASS_PROGRAMS = [
  'skill_upgrade',
  'short_term',
  'pre_job',
  'employment_skill',
  'entrepreneurship',
  'safety',
  'project_based',
  'work_for_training',
];

const EXPORT: ExportColumn<ClassSummary>[] = [
  { title: '培训班编号', value: (c) => c.number, width: 24 },
  { title: '培训项目', value: (c) => nameOf(PROGRAM_NAMES, c.program), width: 22 },
  { title: '培训机构', value: (c) => withCode(c.providerName, c.providerId), width: 30 },
  { title: '地区', value: (c) => areaName(c.areaCode) },
  { title: '职业（工种）', value: (c) => (c.occupationCode ? withCode(c.occupationName, c.occupationCode) : ''), width: 24 },
  { title: '等级', value: (c) => (c.level ? nameOf(LEVEL_NAMES, c.level) : '') },
  { title: '开班日期', value: (c) => formatDate(c.startDate), width: 16 },
  { title: '结业日期', value: (c) => formatDate(c.endDate), width: 16 },
  { title: '学员人数', value: (c) => c.trainees },
  { title: '状态', value: (c) => nameOf(CLASS_STATUS_NAMES, c.status), width: 16 },
];

function ClassesReview() {
  const { me } = useAuth();
  const list = useServerList<ClassSummary>('/classes', FILTERS, SORTABLE);
  const { error, reload, sortOrder } = list;
  const [form] = Form.useForm();

  const columns: TableProps<ClassSummary>['columns'] = [
    {
      title: '培训班编号',
      dataIndex: 'number',
      key: 'number',
      width: 200,
      render: (n: string, c) => <Link to={`/review/classes/${encodeURIComponent(c.id)}`}>{n}</Link>,
    },
    { title: '培训项目', dataIndex: 'program', key: 'program', width: 150, render: (p: string) => nameOf(PROGRAM_NAMES, p) },
    { title: '培训机构', dataIndex: 'providerId', key: 'providerId', width: 180, render: (id: string, c) => withCode(c.providerName, id) },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 80, render: areaName },
    {
      title: '工种 / 等级',
      key: 'occ',
      width: 160,
      render: (_: unknown, c) =>
        c.occupationCode ? `${withCode(c.occupationName, c.occupationCode)}${c.level ? ` ${nameOf(LEVEL_NAMES, c.level)}` : ''}` : '—',
    },
    {
      title: '开班日期',
      dataIndex: 'startDate',
      key: 'startDate',
      width: 130,
      sorter: true,
      sortOrder: sortOrder('startDate'),
      render: formatDate,
    },
    { title: '学员', dataIndex: 'trainees', key: 'trainees', width: 64, align: 'right' },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 130,
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (s: string) => (
        <Tag color={s === 'submitted' ? 'processing' : s === 'returned' ? 'warning' : 'default'}>{nameOf(CLASS_STATUS_NAMES, s)}</Tag>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          开班审查
        </Typography.Title>
        <ExportButton path="/classes" query={list.query} columns={EXPORT} fileName="开班申请" />
      </Space>
      <ListFilters form={form} list={list}>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 160 }} options={options(CLASS_STATUS_NAMES)} />
        </Form.Item>
        <Form.Item label="培训项目" name="program">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 200 }}
            options={CLASS_PROGRAMS.map((p) => ({ value: p, label: nameOf(PROGRAM_NAMES, p) }))}
          />
        </Form.Item>
        {me?.role === 'city' && <AreaFilter />}
        <Form.Item label="培训机构编号" name="providerId">
          <Input allowClear maxLength={40} style={{ width: 130 }} />
        </Form.Item>
      </ListFilters>
      {error ? (
        <LoadError error={error} what="培训班" onRetry={reload} />
      ) : (
        <Table<ClassSummary> rowKey="id" size="middle" {...list.tableProps} columns={columns} tableLayout="fixed" scroll={{ x: 984 }} />
      )}
    </Space>
  );
}

export default reviewPage(ClassesReview);
