// 我的申领: every claim in the trainee's name, whoever applied (the trainee, the employer, the
// provider), with the decision and the amount; one they don't recognise can be disputed.
import type { TRecordLookup } from '../../../../src/api/routes/records.types.ts';
import { Alert, Button, Form, Select, Space, Table, message, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
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
  const disputed = useDisputeFromLink(setDisputing);
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
      {disputed.problem && <Alert type="warning" showIcon title={disputed.problem} closable onClose={disputed.clear} />}
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
        onClose={() => {
          setDisputing(null);
          disputed.clear();
        }}
        onDone={() => {
          setDisputing(null);
          disputed.clear();
          message.success('异议已提交，人社部门将核查处理');
          navigate('/my-disputes');
        }}
      />
    </Space>
  );
}

/**
 * The "不是我本人？" link of a text about a claim (`/my-claims?dispute=SQ-…`) opens that claim's dispute form:
 * the number is looked up as any record number is (one answer for a number not theirs and one never issued).
 */
function useDisputeFromLink(open: (claim: Claim) => void) {
  const [params, setParams] = useSearchParams();
  const number = params.get('dispute');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!number) return;
    let gone = false;
    void (async () => {
      try {
        const found = await api<TRecordLookup>(`/records/${encodeURIComponent(number)}`);
        const id = found.path?.match(/^\/claims\/([^/?#]+)/)?.[1];
        if (!id) throw new Error('not a claim');
        const claim = await api<Claim>(`/claims/${id}`);
        if (gone) return;
        if (CLOSED.has(claim.status))
          setProblem(`申领 ${number} 的状态为“${nameOf(CLAIM_STATUS_NAMES, claim.status)}”，不会支付，无需再提出异议`);
        else open(claim);
      } catch {
        if (!gone) setProblem(`没有找到您名下编号为 ${number} 的申领，请核对短信中的编号，或在下表中查找`);
      }
    })();
    return () => {
      gone = true;
    };
  }, [number, open]);
  const clear = () => {
    setProblem(null);
    if (params.has('dispute')) {
      params.delete('dispute');
      setParams(params, { replace: true });
    }
  };
  return { problem, clear };
}
