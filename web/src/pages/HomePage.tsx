// 我的待办: what waits for the signed-in user, with counts read from the list endpoints of their
// slice (each count is a one-row page's `total`). Visitors without a session see the public catalog.
import type { TEnterpriseSharePage } from '../../../src/api/routes/supervision.types.ts';
import { Alert, Card, Col, List, Row, Skeleton, Statistic, Typography } from 'antd';
import { Link, Navigate } from 'react-router';
import type { Page, Query } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useBusinessDate } from '../business-date.tsx';
import { LoadError } from '../components.tsx';
import { formatDate } from '../format.ts';
import { useApi } from '../hooks.ts';
import { areaName } from '../labels.ts';
import { whoLabel } from '../layout/AppLayout.tsx';
import type { Me, PublicityNotice } from '../types.ts';

interface Todo {
  key: string;
  title: string;
  hint: string;
  path: string;
  query: Query;
  /** Where the user works on these; absent while that screen does not exist yet. */
  link?: string;
}

const claims = (status: string, title: string, hint: string): Todo => ({
  key: `claims-${status}`,
  title,
  hint,
  path: '/claims',
  query: { status },
  link: `/claims?status=${status}`,
});

/** R9 (§5.2): the years whose enterprise-employee share of special-action spending is below the minimum. */
const R9_TODO: Todo = {
  key: 'r9-warnings',
  title: '资金占比预警（R9）',
  hint: '企业职工培训补贴占专账资金支出低于规定比例的年度',
  path: '/supervision/enterprise-share',
  query: { belowOnly: 'true' },
  link: '/supervision/funds',
};

/** Each role's to-dos (DESIGN.md "Who uses it"). Later screens add theirs here. */
export function todosFor(me: Me): Todo[] {
  switch (me.role) {
    case 'city':
    case 'county':
      // Each links to the review screens (web/src/areas/review).
      return [
        { ...claims('submitted', '待判定的申领', '已提交，等待按政策判定'), link: '/review/claims?status=submitted' },
        { ...claims('decided', '待审核的申领', '已判定，等待审核'), link: '/review/claims?status=decided' },
        { ...claims('reviewed', '待公示的申领', '已审核，等待发布公示'), link: '/review/publicity/new' },
        { ...claims('publicity', '公示中的申领', '公示期满后可批准'), link: '/review/publicity?status=open' },
        // Counted on the server against the business date (its "today"), as the close itself is.
        {
          key: 'notices-closable',
          title: '期满待结束的公示',
          hint: '最后一个工作日已过，可结束公示并批准其中的申领',
          path: '/review/publicity-notices',
          query: { closable: 'true' },
          link: '/review/publicity?status=open',
        },
        { ...claims('approved', '待支付的申领', '已批准，等待纳入支付批次'), link: '/review/payments' },
        {
          key: 'classes-submitted',
          title: '待审查的开班申请',
          hint: '培训机构已提交开班申请',
          path: '/classes',
          query: { status: 'submitted' },
          link: '/review/classes?status=submitted',
        },
        {
          key: 'disputes-pending',
          title: '待办结的异议案件',
          hint: '劳动者对本人名下申领提出的异议',
          path: '/disputes',
          query: { pending: 'true' },
          link: '/dispute-cases?pending=true',
        },
        {
          key: 'flags-raised',
          title: '待处理的部门标记',
          hint: '行业主管部门对申领或培训班的标记',
          path: '/oversight-notes',
          query: { kind: 'flag', status: 'raised' },
          link: '/oversight-flags?kind=flag&status=raised',
        },
        {
          key: 'fact-cases-open',
          title: '属性变更待处理',
          hint: '后来登记的事实会改变已公示、批准或支付的判定',
          path: '/fact-cases',
          query: { status: 'open' },
          link: '/office/fact-cases?status=open',
        },
        ...(me.role === 'city' ? [R9_TODO] : []),
      ];
    case 'department':
      return [
        { ...claims('decided', '本领域已判定的申领', '可查阅、提出意见或标记'), link: '/dept-claims?status=decided' },
        { ...claims('publicity', '本领域公示中的申领', '公示期内可提出异议'), link: '/dept-claims?status=publicity' },
        {
          key: 'flags-raised',
          title: '未解除的标记',
          hint: '本部门提出、等待人社部门处理',
          path: '/oversight-notes',
          query: { kind: 'flag', status: 'raised' },
          link: '/dept-notes?kind=flag&status=raised',
        },
        ...(me.department === 'finance' ? [R9_TODO] : []),
      ];
    case 'provider':
      return [
        {
          key: 'classes-draft',
          title: '未提交的开班申请',
          hint: '草稿，提交后由人社部门审查',
          path: '/classes',
          query: { status: 'draft' },
          link: '/provider/classes?status=draft',
        },
        {
          key: 'classes-returned',
          title: '被退回的开班申请',
          hint: '按退回意见修改后重新提交',
          path: '/classes',
          query: { status: 'returned' },
          link: '/provider/classes?status=returned',
        },
        {
          key: 'classes-running',
          title: '培训中的班级',
          hint: '登记考勤、考核结果和证书',
          path: '/classes',
          query: { status: 'running' },
          link: '/provider/classes?status=running',
        },
        claims('submitted', '待判定的申领', '本机构提交的申领'),
        claims('publicity', '公示中的申领', '本机构的申领'),
      ];
    case 'trainee':
      return [
        { ...claims('submitted', '待判定的申领', '本人名下，已提交'), link: '/my-claims?status=submitted' },
        { ...claims('decided', '审核中的申领', '本人名下，已判定，等待审核'), link: '/my-claims?status=decided' },
        { ...claims('publicity', '公示中的申领', '本人名下；不认识的申领可提出异议'), link: '/my-claims?status=publicity' },
        { ...claims('approved', '待支付的申领', '已批准，等待拨付'), link: '/my-claims?status=approved' },
        {
          key: 'disputes-pending',
          title: '处理中的异议',
          hint: '等待人社部门核查答复',
          path: '/disputes',
          query: { pending: 'true' },
          link: '/my-disputes?pending=true',
        },
      ];
    case 'enterprise':
      return [
        {
          key: 'advances-open',
          title: '待结算的预付资金',
          hint: '学徒制预付款，核定时抵扣',
          path: '/my/advances',
          query: { status: 'paid' },
          link: '/ent-advances?status=paid',
        },
        {
          key: 'filings-returned',
          title: '被退回的备案',
          hint: '按退回意见修改后重新报送',
          path: '/filings',
          query: { status: 'returned' },
          link: '/ent-filings?status=returned',
        },
        claims('submitted', '待判定的申领', '已提交，等待人社部门判定'),
        claims('decided', '审核中的申领', '已判定，等待审核'),
        claims('publicity', '公示中的申领', '公示期满后批准'),
        claims('approved', '待支付的申领', '已批准，等待拨付'),
      ];
    case 'evaluator':
      return [
        {
          key: 'certificates-valid',
          title: '本机构登记的有效证书',
          hint: '已登记到本市证书库、未撤销的证书',
          path: '/registry-certificates',
          query: { state: 'valid' },
          link: '/eval-certificates',
        },
        {
          key: 'certificates-revoked',
          title: '本机构撤销的证书',
          hint: '错发或以欺诈取得而撤销，不能作为补贴凭证',
          path: '/registry-certificates',
          query: { state: 'revoked' },
          link: '/eval-certificates',
        },
      ];
  }
}

function TodoCard({ todo }: { todo: Todo }) {
  const { data, error, loading } = useApi<Page<unknown>>(todo.path, { ...todo.query, page: 1, pageSize: 1 });
  const body = (
    <Card size="small" hoverable={Boolean(todo.link)} data-testid={`todo-${todo.key}`}>
      {loading ? (
        <Skeleton active paragraph={false} />
      ) : (
        <Statistic title={todo.title} value={error ? '—' : (data?.total ?? 0)} suffix={error ? undefined : '件'} />
      )}
      <Typography.Text type="secondary">{error ? `无法读取：${error.message}` : todo.hint}</Typography.Text>
    </Card>
  );
  return todo.link ? (
    <Link to={todo.link} aria-label={`${todo.title}：查看列表`}>
      {body}
    </Link>
  ) : (
    body
  );
}

function OpenNotices({ me }: { me: Me }) {
  const { today } = useBusinessDate();
  const areaCode = me.role === 'county' ? (me.areaCode ?? undefined) : undefined;
  const { data, error, loading } = useApi<PublicityNotice[]>('/publicity-notices', { areaCode });
  const open = (data ?? []).filter((n) => n.status === 'open');
  if (error) return <LoadError error={error} what="公示" />;
  return (
    <Card title="进行中的公示" size="small">
      <List
        loading={loading}
        dataSource={open}
        locale={{ emptyText: '暂无进行中的公示' }}
        renderItem={(n) => (
          <List.Item>
            <List.Item.Meta
              title={n.title}
              description={`${areaName(n.areaCode)} · ${n.claims} 笔申领 · ${formatDate(n.startsOn)}起 ${n.workingDays} 个工作日，${formatDate(n.endsOn)}结束${n.endsOn < today ? ' · 已期满，可结束' : ''}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export default function HomePage() {
  const { me, loading } = useAuth();
  const { today } = useBusinessDate();
  if (loading) return <Skeleton active />;
  if (!me) return <Navigate to="/catalog" replace />;
  const todos = todosFor(me);
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        我的待办
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {whoLabel(me)}，您好。以下是您办理范围内截至 {formatDate(today)} 等待处理的事项。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {todos.map((t) => (
          <Col key={t.key} xs={24} sm={12} lg={8}>
            <TodoCard todo={t} />
          </Col>
        ))}
      </Row>
      {(me.role === 'city' || me.role === 'county') && (
        <div style={{ marginTop: 16 }}>
          <OpenNotices me={me} />
        </div>
      )}
      {(me.role === 'city' || (me.role === 'department' && me.department === 'finance')) && <R9Warnings />}
    </div>
  );
}

/** The R9 warnings with their figures (§5.2), for the city and the finance bureau. */
function R9Warnings() {
  const { data } = useApi<TEnterpriseSharePage>('/supervision/enterprise-share', { belowOnly: 'true' });
  if (!data?.items.length) return null;
  return (
    <div style={{ marginTop: 16 }} data-testid="r9-warnings">
      {data.items.map((w) => (
        <Alert
          key={w.year}
          type="error"
          showIcon
          title={w.message}
          action={<Link to="/supervision/funds">查看资金</Link>}
          style={{ marginBottom: 8 }}
        />
      ))}
    </div>
  );
}
