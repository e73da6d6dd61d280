// 资金使用公开 (§5.2, public, no login): the money approved and paid in a year or quarter, by program,
// area and provider, with each fund's budget and use; downloadable as Excel. No personal data.
import { Card, Col, Form, Row, Select, Space, Statistic, Table, Typography, type TableProps } from 'antd';
import { useSearchParams } from 'react-router';
import { LoadError } from '../../components.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { DownloadButton, QUARTER_OPTIONS, YEAR_OPTIONS, type DisclosureRow, type FundDisclosure } from './shared.tsx';

export default function DisclosurePage() {
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? '2021';
  const quarter = params.get('quarter') ?? undefined;
  const query = { year, ...(quarter ? { quarter } : {}) };
  const { data, error, loading, reload } = useApi<FundDisclosure>('/public/fund-disclosure', query);
  const set = (k: string, v: string | undefined) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (v) n.set(k, v);
      else n.delete(k);
      return n;
    });
  const columns = (title: string): TableProps<DisclosureRow>['columns'] => [
    { title, dataIndex: 'name', key: 'name' },
    { title: '笔数', dataIndex: 'claims', key: 'claims', align: 'right', width: 90 },
    { title: '人数', dataIndex: 'people', key: 'people', align: 'right', width: 90 },
    { title: '批准金额', dataIndex: 'approvedFen', key: 'approved', align: 'right', width: 150, render: formatMoney },
    { title: '已支付', dataIndex: 'paidFen', key: 'paid', align: 'right', width: 150, render: formatMoney },
  ];
  const table = (title: string, rows: DisclosureRow[], label: string) => (
    <Card size="small" title={title}>
      <Table<DisclosureRow>
        rowKey={(r) => r.key || '-'}
        size="small"
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        columns={columns(label)}
        dataSource={rows}
        scroll={{ x: 640 }}
      />
    </Card>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        资金使用公开
      </Typography.Title>
      <Card size="small">
        <Form layout="inline" aria-label="公开期间" style={{ rowGap: 12 }}>
          <Form.Item label="年度">
            <Select aria-label="年度" value={year} style={{ width: 110 }} options={YEAR_OPTIONS} onChange={(v) => set('year', v)} />
          </Form.Item>
          <Form.Item label="期间">
            <Select
              aria-label="期间"
              allowClear
              placeholder="全年"
              value={quarter}
              style={{ width: 130 }}
              options={QUARTER_OPTIONS}
              onChange={(v) => set('quarter', v)}
            />
          </Form.Item>
          <Form.Item>
            <DownloadButton
              type="primary"
              path="/public/fund-disclosure/xlsx"
              query={query}
              label="下载定期公开表（Excel）"
              fileName="资金使用公开.xlsx"
            />
          </Form.Item>
        </Form>
      </Card>
      {error ? (
        <LoadError error={error} what="资金使用公开" onRetry={reload} />
      ) : (
        <>
          <Card
            size="small"
            loading={loading}
            title={data ? `${data.period.label}（${formatDate(data.period.from)}—${formatDate(data.period.to)}）` : '资金使用情况'}
          >
            {data && (
              <>
                <Row gutter={[16, 16]}>
                  <Col xs={12} md={6}>
                    <Statistic title="批准补贴" value={formatMoney(data.totals.approvedFen)} />
                  </Col>
                  <Col xs={12} md={6}>
                    <Statistic title="已支付" value={formatMoney(data.totals.paidFen)} />
                  </Col>
                  <Col xs={12} md={6}>
                    <Statistic title="笔数" value={data.totals.claims} />
                  </Col>
                  <Col xs={12} md={6}>
                    <Statistic title="受益人数" value={data.totals.people} />
                  </Col>
                </Row>
                <Table
                  size="small"
                  style={{ marginTop: 16 }}
                  rowKey="id"
                  pagination={false}
                  dataSource={data.funds}
                  scroll={{ x: 640 }}
                  columns={[
                    { title: '资金', key: 's', render: (_: unknown, f: FundDisclosure['funds'][number]) => `${f.year}年 ${f.sourceName}` },
                    { title: '预算', dataIndex: 'budgetFen', key: 'b', align: 'right', render: formatMoney },
                    { title: '已使用', dataIndex: 'spentFen', key: 'u', align: 'right', render: formatMoney },
                    { title: '已支付', dataIndex: 'paidFen', key: 'p', align: 'right', render: formatMoney },
                    { title: '余额', dataIndex: 'remainingFen', key: 'r', align: 'right', render: formatMoney },
                  ]}
                />
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                  {data.note}
                </Typography.Paragraph>
              </>
            )}
          </Card>
          {data && table('分培训项目', data.byProgram, '培训项目')}
          {data && table('分地区', data.byArea, '地区')}
          {data && table('分培训机构', data.byProvider, '培训机构')}
        </>
      )}
    </Space>
  );
}
