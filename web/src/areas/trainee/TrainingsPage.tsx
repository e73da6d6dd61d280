// 我的培训: every class the trainee is on the roster of, with their own attendance, result and
// certificate in a drawer.
import { Button, Drawer, Form, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import type { TClassSummary as ClassRow } from '../../../../src/api/routes/classes.types.ts';
import { LoadError } from '../../components.tsx';
import { formatDate } from '../../format.ts';
import { areaName, CLASS_STATUS_NAMES, LEVEL_NAMES, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { ListFilters, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { ClassSummary } from '../department/ClassSummary.tsx';
import { ListHeader, options, RequireRole } from './party-ui.tsx';

const FILTERS = ['status', 'program'] as const;
const SORTABLE = { startDate: 'startDate', status: 'status' };

export const CLASS_EXPORT: ExportColumn<ClassRow>[] = [
  { title: '培训班编号', value: (c) => c.number, width: 26 },
  { title: '培训项目', value: (c) => nameOf(PROGRAM_NAMES, c.program), width: 24 },
  { title: '职业（工种）', value: (c) => c.occupationCode, width: 18 },
  { title: '等级', value: (c) => nameOf(LEVEL_NAMES, c.level), width: 16 },
  { title: '培训机构', value: (c) => c.providerId },
  { title: '地区', value: (c) => areaName(c.areaCode) },
  { title: '开班日期', value: (c) => formatDate(c.startDate), width: 16 },
  { title: '结业日期', value: (c) => formatDate(c.endDate), width: 16 },
  { title: '状态', value: (c) => nameOf(CLASS_STATUS_NAMES, c.status), width: 16 },
];

export function classColumns(
  list: { sortOrder(k: string): 'ascend' | 'descend' | null },
  open: (id: string) => void,
): TableProps<ClassRow>['columns'] {
  return [
    { title: '培训项目', dataIndex: 'program', key: 'program', width: 170, render: (p: string) => nameOf(PROGRAM_NAMES, p) },
    {
      title: '职业（工种）',
      dataIndex: 'occupationCode',
      key: 'occupationCode',
      width: 160,
      render: (o: string | null, c) => `${o ?? '—'} ${c.level ? nameOf(LEVEL_NAMES, c.level) : ''}`,
    },
    {
      title: '培训期间',
      dataIndex: 'startDate',
      key: 'startDate',
      width: 250,
      sorter: true,
      sortOrder: list.sortOrder('startDate'),
      render: (_: string, c) => `${formatDate(c.startDate)}—${formatDate(c.endDate)}`,
    },
    { title: '培训机构', dataIndex: 'providerId', key: 'providerId', width: 100 },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 80, render: areaName },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 130,
      sorter: true,
      sortOrder: list.sortOrder('status'),
      render: (s: string) => <Tag>{nameOf(CLASS_STATUS_NAMES, s)}</Tag>,
    },
    {
      title: '操作',
      key: 'open',
      width: 80,
      fixed: 'right',
      render: (_: unknown, c) => (
        <Button size="small" onClick={() => open(c.id)}>
          查看
        </Button>
      ),
    },
  ];
}

export default function TrainingsPage() {
  return (
    <RequireRole roles={['trainee']}>
      <Trainings />
    </RequireRole>
  );
}

function Trainings() {
  const list = useServerList<ClassRow>('/classes', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="我的培训">
        <ExportButton path="/classes" query={list.query} columns={CLASS_EXPORT} fileName="我的培训" />
      </ListHeader>
      <ListFilters form={form} list={list}>
        <Form.Item label="培训项目" name="program">
          <Select allowClear placeholder="全部" style={{ width: 200 }} options={options(PROGRAM_NAMES)} />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 160 }} options={options(CLASS_STATUS_NAMES)} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="培训班" onRetry={list.reload} />
      ) : (
        <Table<ClassRow>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          columns={classColumns(list, setOpenId)}
          scroll={{ x: 980 }}
          locale={{ emptyText: '暂无培训记录' }}
        />
      )}
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} title="培训详情" size="large" destroyOnHidden>
        {openId && <ClassSummary classId={openId} />}
      </Drawer>
    </Space>
  );
}
