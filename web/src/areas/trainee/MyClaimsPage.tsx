// 我的申领: every claim in the trainee's name, whoever applied (the trainee, the employer, the
// provider), with the decision and the amount; one they don't recognise can be disputed.
import { Button, Form, Select, Space, Table, message, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ClaimStatusTag, LoadError, OutcomeTag } from '../../components.tsx';
import { claimAmount, formatDate } from '../../format.ts';
import { APPLICANT_NAMES, CLAIM_STATUS_NAMES, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { ListFilters, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { CLAIM_COLUMNS as C } from '../../claim-export.ts';
import type { Claim } from '../../types.ts';
import { DisputeModal } from './DisputeModal.tsx';
import { ListHeader, options, RequireRole } from './party-ui.tsx';

const FILTERS = ['status', 'program'] as const;
const SORTABLE = { startDate: 'startDate', amountFen: 'amount', status: 'status' };
const EXPORT: ExportColumn<Claim>[] = [
  C.id,
  C.program,
  C.applicant,
  C.startDate,
  C.endDate,
  C.status,
  C.amount,
  { title: '收款方', value: (c) => nameOf(APPLICANT_NAMES, c.payee) },
];
const CLOSED = new Set(['rejected', 'withdrawn']);

export default function MyClaimsPage() {
  return (
    <RequireRole roles={['trainee']}>
      <MyClaims />
    </RequireRole>
  );
}

function MyClaims() {
  const list = useServerList<Claim>('/claims', FILTERS, SORTABLE);
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [disputing, setDisputing] = useState<Claim | null>(null);
  const columns: TableProps<Claim>['columns'] = [
    {
      title: '申领编号',
      dataIndex: 'number',
      key: 'number',
      width: 200,
      render: (number: string, c) => <Link to={`/claims/${encodeURIComponent(c.id)}`}>{number}</Link>,
    },
    { title: '培训项目', dataIndex: 'program', key: 'program', width: 180, render: (p: string) => nameOf(PROGRAM_NAMES, p) },
    { title: '申请人', dataIndex: 'applicant', key: 'applicant', width: 90, render: (a: string) => nameOf(APPLICANT_NAMES, a) },
    {
      title: '培训期间',
      dataIndex: 'startDate',
      key: 'startDate',
      width: 220,
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
      key: 'dispute',
      width: 110,
      fixed: 'right',
      render: (_: unknown, c) =>
        CLOSED.has(c.status) ? null : (
          <Button size="small" danger onClick={() => setDisputing(c)}>
            提出异议
          </Button>
        ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="我的申领">
        <Button type="primary" onClick={() => navigate('/my-apply')}>
          个人申领
        </Button>
        <ExportButton path="/claims" query={list.query} columns={EXPORT} fileName="我的申领" />
      </ListHeader>
      <ListFilters form={form} list={list}>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={options(CLAIM_STATUS_NAMES)} />
        </Form.Item>
        <Form.Item label="培训项目" name="program">
          <Select allowClear placeholder="全部" style={{ width: 220 }} options={options(PROGRAM_NAMES)} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="申领" onRetry={list.reload} />
      ) : (
        <Table<Claim>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          columns={columns}
          scroll={{ x: 1040 }}
          locale={{ emptyText: '您名下暂无申领' }}
        />
      )}
      <DisputeModal
        claim={disputing}
        onClose={() => setDisputing(null)}
        onDone={() => {
          setDisputing(null);
          message.success('异议已提交，人社部门将核查处理');
          navigate('/my-disputes');
        }}
      />
    </Space>
  );
}
