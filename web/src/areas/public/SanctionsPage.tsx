// 查处名单 (public, no login, §5.2/§5.3): the sanctions decided — units by name, individuals by surname,
// no resident IDs — newest first, paged on the server.
import type { TPublicSanction } from '../../../../src/api/routes/risk.types.ts';
import { Space, Table, Typography, type TableProps } from 'antd';
import { LoadError } from '../../components.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { areaName } from '../../labels.ts';
import { ExportButton, useServerList, type ExportColumn } from '../../list.tsx';

type Sanction = TPublicSanction;
const NO_FILTERS: readonly string[] = [];
const EXPORT: ExportColumn<Sanction>[] = [
  { title: '查处日期', value: (s) => s.sanctionedOn, width: 14 },
  { title: '对象', value: (s) => s.party, width: 30 },
  { title: '地区', value: (s) => s.areaName ?? areaName(s.areaCode) },
  { title: '处理', value: (s) => s.kindName, width: 28 },
  { title: '金额（元）', value: (s) => (s.amountFen == null ? null : s.amountFen / 100), width: 14 },
  { title: '事由', value: (s) => s.reason, width: 50 },
];

export default function SanctionsPage() {
  const list = useServerList<Sanction>('/risk/sanctions', NO_FILTERS);
  const columns: TableProps<Sanction>['columns'] = [
    { title: '查处日期', dataIndex: 'sanctionedOn', key: 'sanctionedOn', width: 140, render: formatDate },
    { title: '对象', dataIndex: 'party', key: 'party', width: 220 },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 90, render: (a: string, s) => s.areaName ?? areaName(a) },
    { title: '处理', dataIndex: 'kindName', key: 'kindName', width: 220 },
    { title: '金额', dataIndex: 'amountFen', key: 'amountFen', width: 120, align: 'right', render: formatMoney },
    { title: '事由', dataIndex: 'reason', key: 'reason', width: 300 },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          查处名单
        </Typography.Title>
        <ExportButton path="/risk/sanctions" query={list.query} columns={EXPORT} fileName="查处名单" />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        依据方案五（二）、五（三），对骗取、套取补贴等违规行为的查处结果予以公开：单位公开名称，个人仅公开姓氏。
      </Typography.Paragraph>
      {list.error ? (
        <LoadError error={list.error} what="查处名单" onRetry={list.reload} />
      ) : (
        <Table<Sanction> rowKey="id" size="middle" {...list.tableProps} columns={columns} tableLayout="fixed" scroll={{ x: 1090 }} />
      )}
    </Space>
  );
}
