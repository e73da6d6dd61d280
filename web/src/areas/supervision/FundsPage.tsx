// 资金监管 (§5.2): each fund account by source and year — budget, reserved, paid, advanced, recovered,
// remaining — with its spending by program; the R9 enterprise-employee share of each year's
// special-action spending, warned below the policy minimum with the figures (city and finance).
import { Alert, Card, Descriptions, Form, Select, Space, Statistic, Table, Typography, type TableProps } from 'antd';
import type { Page } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { RequireAuth } from '../../layout/RequireAuth.tsx';
import { ListFilters, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { DownloadButton, percent, YEAR_OPTIONS, type EnterpriseShare, type FundAccount, type ProgramSpending } from './shared.tsx';

const FILTERS = ['year', 'source'] as const;
const SOURCE_OPTIONS = [
  { value: 'special_action', label: '职业技能提升行动专账资金' },
  { value: 'employment_fund', label: '就业创业补助资金' },
];
const yuan = (fen: number) => fen / 100;

const EXPORT: ExportColumn<FundAccount>[] = [
  { title: '资金', value: (f) => f.sourceName, width: 28 },
  { title: '年度', value: (f) => f.year },
  { title: '预算（元）', value: (f) => yuan(f.budgetFen), width: 16 },
  { title: '预留（元）', value: (f) => yuan(f.reservedFen), width: 16 },
  { title: '已支付（元）', value: (f) => yuan(f.paidFen), width: 16 },
  { title: '预支（元）', value: (f) => yuan(f.advancedFen), width: 16 },
  { title: '追回（元）', value: (f) => yuan(f.recoveredFen), width: 16 },
  { title: '已使用（元）', value: (f) => yuan(f.spentFen), width: 16 },
  { title: '余额（元）', value: (f) => yuan(f.remainingFen), width: 16 },
];

export default function FundsPage() {
  return (
    <RequireAuth>
      <Funds />
    </RequireAuth>
  );
}

function ShareCard({ share }: { share: EnterpriseShare }) {
  return (
    <Card size="small" title={`${share.year}年 企业职工培训补贴占比（R9，§5.2）`} data-testid={`r9-${share.year}`}>
      <Space wrap size="large">
        <Statistic
          title="占比"
          value={percent(share.shareBasisPoints, '尚无支出')}
          valueStyle={{ color: share.below ? '#cf1322' : undefined }}
        />
        <Statistic title={`最低比例`} value={`${share.minPercent}%`} />
        <Statistic title="企业职工培训补贴" value={formatMoney(share.enterpriseFen)} />
        <Statistic title="专账资金支出" value={formatMoney(share.totalFen)} />
      </Space>
      <Alert
        style={{ marginTop: 12 }}
        type={share.below ? 'error' : share.shareBasisPoints == null ? 'info' : 'success'}
        showIcon
        title={share.message}
      />
    </Card>
  );
}

function Funds() {
  const { me } = useAuth();
  const seesShare = me?.role === 'city' || (me?.role === 'department' && me.department === 'finance');
  const list = useServerList<FundAccount>('/supervision/funds', FILTERS);
  const shares = useApi<Page<EnterpriseShare>>(
    seesShare ? '/supervision/enterprise-share' : null,
    list.state.filters.year ? { year: list.state.filters.year } : {},
  );
  const [form] = Form.useForm();

  const columns: TableProps<FundAccount>['columns'] = [
    { title: '资金', key: 'source', render: (_, f) => `${f.year}年 ${f.sourceName}`, width: 230 },
    { title: '预算', dataIndex: 'budgetFen', key: 'budget', align: 'right', render: formatMoney },
    { title: '预留', dataIndex: 'reservedFen', key: 'reserved', align: 'right', render: formatMoney },
    { title: '已支付', dataIndex: 'paidFen', key: 'paid', align: 'right', render: formatMoney },
    { title: '预支', dataIndex: 'advancedFen', key: 'advanced', align: 'right', render: formatMoney },
    { title: '追回', dataIndex: 'recoveredFen', key: 'recovered', align: 'right', render: formatMoney },
    {
      title: '余额',
      dataIndex: 'remainingFen',
      key: 'remaining',
      align: 'right',
      render: (v: number) => <strong>{formatMoney(v)}</strong>,
    },
  ];
  const programColumns: TableProps<ProgramSpending>['columns'] = [
    { title: '培训项目', dataIndex: 'programName', key: 'p' },
    { title: '预留', dataIndex: 'reservedFen', key: 'r', align: 'right', render: formatMoney },
    { title: '已支付', dataIndex: 'paidFen', key: 'pd', align: 'right', render: formatMoney },
    { title: '预支', dataIndex: 'advancedFen', key: 'a', align: 'right', render: formatMoney },
    { title: '追回', dataIndex: 'recoveredFen', key: 'x', align: 'right', render: formatMoney },
    { title: '合计支出', dataIndex: 'spentFen', key: 's', align: 'right', render: formatMoney },
  ];
  const year = list.state.filters.year ?? '2021';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          资金监管
        </Typography.Title>
        <Space wrap>
          <DownloadButton
            path="/public/fund-disclosure/xlsx"
            query={{ year }}
            label={`${year}年资金使用公开（Excel）`}
            fileName="资金使用公开.xlsx"
          />
          <ExportButton path="/supervision/funds" query={list.query} columns={EXPORT} fileName="资金账户" />
        </Space>
      </Space>
      {seesShare &&
        (shares.error ? (
          <LoadError error={shares.error} what="R9 占比" onRetry={shares.reload} />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {(shares.data?.items ?? []).map((s) => (
              <ShareCard key={s.year} share={s} />
            ))}
          </Space>
        ))}
      <ListFilters form={form} list={list}>
        <Form.Item label="年度" name="year">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={YEAR_OPTIONS} />
        </Form.Item>
        <Form.Item label="资金来源" name="source">
          <Select allowClear placeholder="全部" style={{ width: 220 }} options={SOURCE_OPTIONS} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="资金" onRetry={list.reload} />
      ) : (
        <Table<FundAccount>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          columns={columns}
          scroll={{ x: 900 }}
          expandable={{
            expandedRowRender: (f) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Descriptions
                  size="small"
                  column={3}
                  items={[
                    { key: 'spent', label: '已使用（预留＋支付＋预支−追回）', children: formatMoney(f.spentFen) },
                    { key: 'check', label: '核对', children: `预算 − 已使用 = ${formatMoney(f.budgetFen - f.spentFen)}（与余额一致）` },
                  ]}
                />
                <Table<ProgramSpending> rowKey="program" size="small" pagination={false} columns={programColumns} dataSource={f.programs} />
              </Space>
            ),
          }}
        />
      )}
    </Space>
  );
}
