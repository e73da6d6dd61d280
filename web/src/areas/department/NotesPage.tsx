// 意见和标记: a department's own comments and flags (and whether each flag was cleared, with the
// office's note); for the county and city offices (部门标记), the notes on their slice, to clear.
import { Button, Form, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TNoteView as NoteView } from '../../../../src/api/routes/oversight.types.ts';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { formatDateTime } from '../../format.ts';
import { areaName, DEPARTMENT_NAMES, FLAG_STATUS_NAMES, nameOf, NOTE_KIND_NAMES } from '../../labels.ts';
import { ListFilters, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { ListHeader, options, RequireRole } from '../trainee/party-ui.tsx';
import { ClearFlagModal } from './OversightNotesPanel.tsx';

const FILTERS = ['kind', 'status', 'subjectKind', 'department'] as const;
const SORTABLE = { createdAt: 'createdAt', kind: 'kind', status: 'status' };
const SUBJECTS = { claim: '申领', class: '培训班' };

const EXPORT: ExportColumn<NoteView>[] = [
  { title: '类型', value: (n) => nameOf(NOTE_KIND_NAMES, n.kind) },
  { title: '对象', value: (n) => `${nameOf(SUBJECTS, n.subjectKind)} ${n.subjectNumber ?? ''}`, width: 30 },
  { title: '地区', value: (n) => areaName(n.areaCode) },
  { title: '部门', value: (n) => nameOf(DEPARTMENT_NAMES, n.department), width: 20 },
  { title: '内容', value: (n) => n.text, width: 50 },
  { title: '提出时间', value: (n) => formatDateTime(n.createdAt), width: 22 },
  { title: '标记状态', value: (n) => (n.status ? nameOf(FLAG_STATUS_NAMES, n.status) : '') },
  { title: '解除说明', value: (n) => n.clearNote, width: 40 },
  { title: '解除人', value: (n) => n.clearedBy, width: 18 },
];

export default function NotesPage() {
  return (
    <RequireRole roles={['department', 'county', 'city']}>
      <Notes />
    </RequireRole>
  );
}

function Notes() {
  const { me } = useAuth();
  const office = me?.role === 'city' || me?.role === 'county';
  const list = useServerList<NoteView>('/oversight-notes', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const [clearing, setClearing] = useState<NoteView | null>(null);
  const columns: TableProps<NoteView>['columns'] = [
    {
      title: '类型',
      dataIndex: 'kind',
      key: 'kind',
      width: 110,
      sorter: true,
      sortOrder: list.sortOrder('kind'),
      render: (k: string, n) => (
        <Tag color={k === 'flag' ? (n.status === 'raised' ? 'red' : 'default') : 'blue'}>
          {nameOf(NOTE_KIND_NAMES, k)}
          {n.status ? `·${nameOf(FLAG_STATUS_NAMES, n.status)}` : ''}
        </Tag>
      ),
    },
    {
      title: '对象',
      key: 'subject',
      width: 200,
      ellipsis: true,
      render: (_: unknown, n) =>
        n.subjectKind === 'claim' ? (
          <Link to={`/claims/${encodeURIComponent(n.subjectId)}`}>申领 {n.subjectNumber}</Link>
        ) : (
          <span>培训班 {n.subjectNumber}</span>
        ),
    },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 80, render: areaName },
    ...(office
      ? [{ title: '部门', dataIndex: 'department', key: 'department', width: 150, render: (d: string) => nameOf(DEPARTMENT_NAMES, d) }]
      : []),
    { title: '内容', dataIndex: 'text', key: 'text', ellipsis: { showTitle: true } },
    {
      title: '提出时间',
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 160,
      sorter: true,
      sortOrder: list.sortOrder('createdAt'),
      render: formatDateTime,
    },
    {
      title: '处理',
      key: 'cleared',
      width: 220,
      fixed: 'right',
      render: (_: unknown, n) =>
        n.status === 'cleared' ? (
          <Typography.Text type="secondary">
            {n.clearedBy}：{n.clearNote}
          </Typography.Text>
        ) : office && n.status === 'raised' ? (
          <Button size="small" onClick={() => setClearing(n)}>
            解除标记
          </Button>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title={office ? '部门标记' : '我的意见和标记'}>
        <ExportButton path="/oversight-notes" query={list.query} columns={EXPORT} fileName={office ? '部门意见和标记' : '我的意见和标记'} />
      </ListHeader>
      <ListFilters form={form} list={list}>
        <Form.Item label="类型" name="kind">
          <Select allowClear placeholder="全部" style={{ width: 110 }} options={options(NOTE_KIND_NAMES)} />
        </Form.Item>
        <Form.Item label="标记状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={options(FLAG_STATUS_NAMES)} />
        </Form.Item>
        <Form.Item label="对象" name="subjectKind">
          <Select allowClear placeholder="全部" style={{ width: 110 }} options={options(SUBJECTS)} />
        </Form.Item>
        {office && (
          <Form.Item label="部门" name="department">
            <Select allowClear placeholder="全部" style={{ width: 180 }} options={options(DEPARTMENT_NAMES)} />
          </Form.Item>
        )}
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="意见和标记" onRetry={list.reload} />
      ) : (
        <Table<NoteView>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          columns={columns}
          scroll={{ x: office ? 1200 : 1050 }}
          locale={{ emptyText: '暂无意见或标记' }}
        />
      )}
      <ClearFlagModal
        note={clearing}
        onClose={() => setClearing(null)}
        onDone={() => {
          setClearing(null);
          list.reload();
        }}
      />
    </Space>
  );
}
