// 查处记录 (§5.2, §5.3): the sanctions imposed, as the public list shows them (units by name,
// individuals by surname only), and the form to impose one.
import { Button, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../components.tsx';
import { formatDate, formatMoney } from '../../../format.ts';
import { RequireAuth } from '../../../layout/RequireAuth.tsx';
import { ExportButton, useServerList, type ExportColumn } from '../../../list.tsx';
import type { Sanction } from './risk-types.ts';
import { SanctionModal } from './SanctionModal.tsx';

const EXPORT: ExportColumn<Sanction>[] = [
  { title: '查处编号', value: (s) => s.id, width: 26 },
  { title: '处理', value: (s) => s.kindName, width: 28 },
  { title: '当事方', value: (s) => s.party, width: 30 },
  { title: '理由', value: (s) => s.reason, width: 60 },
  { title: '追回金额（元）', value: (s) => (s.amountFen == null ? null : s.amountFen / 100), width: 16 },
  { title: '地区', value: (s) => s.areaName ?? s.areaCode },
  { title: '查处日期', value: (s) => formatDate(s.sanctionedOn), width: 16 },
];
const KIND_COLORS: Record<string, string> = {
  claim_rejected: 'orange',
  money_recovered: 'red',
  provider_suspended: 'volcano',
  provider_delisted: 'magenta',
};

export default function RiskSanctionsPage() {
  return (
    <RequireAuth>
      <Sanctions />
    </RequireAuth>
  );
}

function Sanctions() {
  const list = useServerList<Sanction>('/risk/sanctions', []);
  const [open, setOpen] = useState(false);
  const columns: TableProps<Sanction>['columns'] = [
    { title: '处理', dataIndex: 'kindName', key: 'kind', width: 200, render: (n: string, s) => <Tag color={KIND_COLORS[s.kind]}>{n}</Tag> },
    { title: '当事方', dataIndex: 'party', key: 'party', width: 200 },
    { title: '理由', dataIndex: 'reason', key: 'reason' },
    { title: '追回金额', dataIndex: 'amountFen', key: 'amountFen', width: 120, align: 'right', render: formatMoney },
    { title: '地区', dataIndex: 'areaName', key: 'area', width: 90 },
    { title: '查处日期', dataIndex: 'sanctionedOn', key: 'on', width: 140, render: formatDate },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          查处记录
        </Typography.Title>
        <Space>
          <Button type="primary" onClick={() => setOpen(true)}>
            实施查处
          </Button>
          <ExportButton path="/risk/sanctions" query={list.query} columns={EXPORT} fileName="查处记录" />
        </Space>
      </Space>
      <Typography.Text type="secondary">本列表即公开的查处名单：单位写明名称，个人只显示姓氏，不显示身份证号。</Typography.Text>
      {list.error ? (
        <LoadError error={list.error} what="查处记录" onRetry={list.reload} />
      ) : (
        <Table<Sanction> rowKey="id" size="middle" {...list.tableProps} columns={columns} tableLayout="fixed" scroll={{ x: 900 }} />
      )}
      <SanctionModal
        open={open}
        prefill={{}}
        onClose={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          list.reload();
        }}
      />
    </Space>
  );
}
