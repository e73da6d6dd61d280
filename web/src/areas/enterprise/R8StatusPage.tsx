// 80% 补贴状态 (R8, §5.2): year by year, whether the enterprise fully drew and used its employee-
// education fund, whether its enterprise-paid subsidies are cut to 80%, and the claims that were.
import { R8_VERDICT_NAMES } from '../../../../src/vocabulary/statuses.ts';
import { Alert, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TEnterpriseR8Status } from '../../../../src/api/routes/my-records.types.ts';
import { useAuth } from '../../auth.tsx';
import { ClaimStatusTag, LoadError } from '../../components.tsx';
import { formatDate, formatDateTime, formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { RequireRole } from '../trainee/party-ui.tsx';

type R8Year = TEnterpriseR8Status['years'][number];

const VERDICT_COLOR: Record<R8Year['r8'], string> = { applies: 'warning', not_applies: 'success', unknown: 'default' };

export default function R8StatusPage() {
  return (
    <RequireRole roles={['enterprise']}>
      <R8Status />
    </RequireRole>
  );
}

function R8Status() {
  const { me } = useAuth();
  const uscc = me?.enterpriseUscc ?? null;
  const { data, error, loading, reload } = useApi<TEnterpriseR8Status>(uscc ? `/enterprises/${encodeURIComponent(uscc)}/r8-status` : null);
  if (error) return <LoadError error={error} what="企业" onRetry={reload} />;
  if (loading || !data) return <Skeleton active />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        80% 补贴状态（R8）
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        title="企业未足额提取和使用职工教育经费的，以企业为收款方的各项补贴按标准的 80% 核定（§5.2）。按培训结业日期所在年度的职工教育经费情况判定；年度情况未登记的，相关申领判定为“待补充事实”，请向人社部门报送。"
      />
      <Typography.Text type="secondary">
        {data.name}（{data.uscc}）
      </Typography.Text>
      {data.years.length === 0 ? (
        <Empty description="暂无年度记录" />
      ) : (
        <Row gutter={[16, 16]}>
          {data.years.map((y) => (
            <Col key={y.year} xs={24} xl={12}>
              <YearCard y={y} />
            </Col>
          ))}
        </Row>
      )}
    </Space>
  );
}

function YearCard({ y }: { y: R8Year }) {
  const fund = y.educationFund.fullyUsed == null ? '未登记' : y.educationFund.fullyUsed ? '已足额提取使用' : '未足额提取使用';
  return (
    <Card
      title={`${y.year} 年度`}
      extra={
        <Tag color={VERDICT_COLOR[y.r8]} data-testid={`r8-${y.year}`}>
          {R8_VERDICT_NAMES[y.r8]}
        </Tag>
      }
      size="small"
    >
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="职工教育经费">{fund}</Descriptions.Item>
        <Descriptions.Item label="来源">
          {y.educationFund.source ?? '—'}
          {y.educationFund.recordedAt ? `（${formatDateTime(y.educationFund.recordedAt)}登记）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="按 80% 核定的申领">{y.reducedClaims.length} 笔</Descriptions.Item>
        <Descriptions.Item label="因此少补贴">
          {y.reducedTotalFen == null ? '部分金额无法确定' : formatMoney(y.reducedTotalFen)}
        </Descriptions.Item>
        {y.undecidedClaims.length > 0 && (
          <Descriptions.Item label="待补充事实的申领">{y.undecidedClaims.length} 笔（缺本年度职工教育经费情况）</Descriptions.Item>
        )}
      </Descriptions>
      {y.reducedClaims.length > 0 && (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 640 }}
          dataSource={y.reducedClaims}
          columns={[
            {
              title: '申领编号',
              dataIndex: 'number',
              key: 'number',
              width: 200,
              render: (n: string, c: { id: string }) => <Link to={`/claims/${encodeURIComponent(c.id)}`}>{n}</Link>,
            },
            { title: '项目', dataIndex: 'program', key: 'program', width: 130, render: (p: string) => nameOf(PROGRAM_NAMES, p) },
            { title: '结业', dataIndex: 'endDate', key: 'endDate', width: 130, render: formatDate },
            { title: '标准', dataIndex: 'standardFen', key: 'standardFen', width: 100, align: 'right', render: formatMoney },
            { title: '核定（80%）', dataIndex: 'amountFen', key: 'amountFen', width: 110, align: 'right', render: formatMoney },
            { title: '状态', dataIndex: 'status', key: 'status', width: 90, render: (s: string) => <ClaimStatusTag status={s} /> },
          ]}
        />
      )}
      {y.undecidedClaims.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          待补充：
          {y.undecidedClaims.map((c) => (
            <Link key={c.id} to={`/claims/${encodeURIComponent(c.id)}`} style={{ marginRight: 8 }}>
              {c.number}
            </Link>
          ))}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
