// 申领列表: the claims in the user's slice, paged, sorted and filtered on the server; every choice
// is kept in the URL (?status=decided&sort=amount&order=desc&page=2).
import { Form, Input, Select, Space, Table, Typography, type TableProps } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../auth.tsx';
import { ClaimStatusTag, LoadError, OutcomeTag } from '../components.tsx';
import { claimAmount, formatDate } from '../format.ts';
import { ListFilters, AreaFilter, ExportButton, useServerList } from '../list.tsx';
import { CLAIM_EXPORT } from '../claim-export.ts';
import { areaName, CLAIM_STATUS_NAMES, nameOf, OUTCOME_NAMES, PROGRAM_NAMES } from '../labels.ts';
import { RequireAuth } from '../layout/RequireAuth.tsx';
import type { Claim } from '../types.ts';

const FILTERS = ['q', 'status', 'outcome', 'program', 'areaCode', 'residentId', 'providerId'] as const;
/** Sortable columns: the table's column key → the API's sort name. */
const SORTABLE: Record<string, string> = { startDate: 'startDate', amountFen: 'amount', status: 'status', program: 'program' };
const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

export default function ClaimsPage() {
  return (
    <RequireAuth>
      <ClaimsList />
    </RequireAuth>
  );
}

function ClaimsList() {
  const { me } = useAuth();
  const list = useServerList<Claim>('/claims', FILTERS, SORTABLE);
  const { error, reload, sortOrder } = list;
  const [form] = Form.useForm();

  const nowrap = { style: { whiteSpace: 'nowrap' as const } };
  const columns: TableProps<Claim>['columns'] = [
    {
      title: '申领编号',
      dataIndex: 'number',
      key: 'number',
      width: 200,
      onCell: () => nowrap,
      render: (number: string, c) => <Link to={`/claims/${encodeURIComponent(c.id)}`}>{number}</Link>,
    },
    { title: '姓名', dataIndex: 'traineeName', key: 'traineeName', width: 90, render: (n: string | null) => n ?? '—' },
    {
      title: '培训项目',
      dataIndex: 'program',
      key: 'program',
      width: 150,
      sorter: true,
      sortOrder: sortOrder('program'),
      render: (p: string) => nameOf(PROGRAM_NAMES, p),
    },
    {
      title: '身份证号',
      dataIndex: 'residentId',
      key: 'residentId',
      width: 170,
      onCell: () => nowrap,
      render: (r: string) => <span style={{ fontFamily: 'monospace' }}>{r}</span>,
    },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 72, onCell: () => nowrap, render: areaName },
    {
      title: '培训期间',
      dataIndex: 'startDate',
      key: 'startDate',
      width: 190,
      sorter: true,
      sortOrder: sortOrder('startDate'),
      onCell: () => nowrap,
      // 2020年3月2日—6月30日: the end's year only when it differs.
      render: (_: string, c) => {
        const end = formatDate(c.endDate);
        return `${formatDate(c.startDate)}—${c.startDate.slice(0, 4) === c.endDate.slice(0, 4) ? end.replace(/^\d+年/, '') : end}`;
      },
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (s: string) => <ClaimStatusTag status={s} />,
    },
    { title: '判定结果', dataIndex: 'outcome', key: 'outcome', width: 100, render: (o: string | null) => <OutcomeTag outcome={o} /> },
    {
      title: '核定金额',
      dataIndex: 'amountFen',
      key: 'amountFen',
      width: 116,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('amountFen'),
      onCell: () => nowrap,
      render: (_: unknown, c: Claim) => claimAmount(c),
    },
  ];

  const countyOnly = me?.role === 'county';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          补贴申领
        </Typography.Title>
        <ExportButton path="/claims" query={list.query} columns={CLAIM_EXPORT} fileName="补贴申领" />
      </Space>
      <ListFilters form={form} list={list}>
        <Form.Item label="编号或姓名" name="q">
          <Input allowClear maxLength={40} placeholder="如 SQ-2021-510422-000123" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={options(CLAIM_STATUS_NAMES)} />
        </Form.Item>
        <Form.Item label="判定结果" name="outcome">
          <Select allowClear placeholder="全部" style={{ width: 130 }} options={options(OUTCOME_NAMES)} />
        </Form.Item>
        <Form.Item label="培训项目" name="program">
          <Select allowClear placeholder="全部" style={{ width: 200 }} options={options(PROGRAM_NAMES)} />
        </Form.Item>
        {!countyOnly && <AreaFilter />}
        <Form.Item label="身份证号" name="residentId">
          <Input allowClear maxLength={18} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="培训机构编号" name="providerId">
          <Input allowClear maxLength={80} style={{ width: 140 }} />
        </Form.Item>
      </ListFilters>
      {error ? (
        <LoadError error={error} what="申领" onRetry={reload} />
      ) : (
        <Table<Claim> rowKey="id" size="middle" {...list.tableProps} columns={columns} tableLayout="fixed" scroll={{ x: 1178 }} />
      )}
    </Space>
  );
}
