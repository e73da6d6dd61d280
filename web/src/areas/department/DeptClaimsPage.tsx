// 本领域申领 (§5.7): the claims of the department's slice, read-only, each with the department's
// comments and flags beside it.
import { Button, Drawer, Form, Select, Space, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ClaimStatusTag, LoadError, OutcomeTag } from '../../components.tsx';
import { claimAmount, formatDate } from '../../format.ts';
import { areaName, CLAIM_STATUS_NAMES, nameOf, OUTCOME_NAMES, PROGRAM_NAMES } from '../../labels.ts';
import { ListFilters, AreaFilter, ExportButton, useServerList } from '../../list.tsx';
import { CLAIM_EXPORT } from '../../claim-export.ts';
import type { Claim } from '../../types.ts';
import { ListHeader, options, RequireRole } from '../trainee/party-ui.tsx';
import { OversightNotesPanel } from './OversightNotesPanel.tsx';

const FILTERS = ['status', 'outcome', 'program', 'areaCode'] as const;
const SORTABLE = { startDate: 'startDate', amountFen: 'amount', status: 'status', program: 'program' };

export default function DeptClaimsPage() {
  return (
    <RequireRole roles={['department']}>
      <DeptClaims />
    </RequireRole>
  );
}

function DeptClaims() {
  const list = useServerList<Claim>('/claims', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const [open, setOpen] = useState<Claim | null>(null);
  const columns: TableProps<Claim>['columns'] = [
    {
      title: '申领编号',
      dataIndex: 'number',
      key: 'number',
      width: 200,
      render: (number: string, c) => <Link to={`/claims/${encodeURIComponent(c.id)}`}>{number}</Link>,
    },
    {
      title: '培训项目',
      dataIndex: 'program',
      key: 'program',
      width: 170,
      sorter: true,
      sortOrder: list.sortOrder('program'),
      render: (p: string) => nameOf(PROGRAM_NAMES, p),
    },
    { title: '姓名', dataIndex: 'traineeName', key: 'traineeName', width: 80, render: (n: string | null) => n ?? '—' },
    {
      title: '身份证号',
      dataIndex: 'residentId',
      key: 'residentId',
      width: 180,
      render: (r: string) => <span style={{ fontFamily: 'monospace' }}>{r}</span>,
    },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 80, render: areaName },
    {
      title: '培训期间',
      dataIndex: 'startDate',
      key: 'startDate',
      width: 250,
      sorter: true,
      sortOrder: list.sortOrder('startDate'),
      render: (_: string, c) => `${formatDate(c.startDate)}—${formatDate(c.endDate)}`,
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      sorter: true,
      sortOrder: list.sortOrder('status'),
      render: (s: string) => <ClaimStatusTag status={s} />,
    },
    { title: '判定', dataIndex: 'outcome', key: 'outcome', width: 100, render: (o: string | null) => <OutcomeTag outcome={o} /> },
    {
      title: '核定金额',
      dataIndex: 'amountFen',
      key: 'amountFen',
      width: 110,
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrder('amountFen'),
      render: (_: unknown, c: Claim) => claimAmount(c),
    },
    {
      title: '操作',
      key: 'notes',
      width: 110,
      fixed: 'right',
      render: (_: unknown, c) => (
        <Button size="small" onClick={() => setOpen(c)}>
          意见/标记
        </Button>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="本领域申领">
        <ExportButton path="/claims" query={list.query} columns={CLAIM_EXPORT} fileName="本领域申领" />
      </ListHeader>
      <ListFilters form={form} list={list}>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={options(CLAIM_STATUS_NAMES)} />
        </Form.Item>
        <Form.Item label="判定结果" name="outcome">
          <Select allowClear placeholder="全部" style={{ width: 130 }} options={options(OUTCOME_NAMES)} />
        </Form.Item>
        <Form.Item label="培训项目" name="program">
          <Select allowClear placeholder="全部" style={{ width: 200 }} options={options(PROGRAM_NAMES)} />
        </Form.Item>
        <AreaFilter />
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="申领" onRetry={list.reload} />
      ) : (
        <Table<Claim>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          columns={columns}
          scroll={{ x: 1240 }}
          locale={{ emptyText: '本领域暂无申领' }}
        />
      )}
      <Drawer open={open !== null} onClose={() => setOpen(null)} title={open ? `申领 ${open.number}` : ''} size="large" destroyOnHidden>
        {open && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <div>
              {nameOf(PROGRAM_NAMES, open.program)} · {areaName(open.areaCode)} · {formatDate(open.startDate)}—{formatDate(open.endDate)} ·{' '}
              {claimAmount(open)} <ClaimStatusTag status={open.status} />
            </div>
            <Link to={`/claims/${encodeURIComponent(open.id)}`}>查看判定过程</Link>
            <OversightNotesPanel subjectKind="claim" subjectId={open.id} />
          </Space>
        )}
      </Drawer>
    </Space>
  );
}
