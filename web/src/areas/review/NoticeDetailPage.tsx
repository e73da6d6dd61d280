// 公示详情: a notice's dates (its working-day end, moved when objections paused it), its objections —
// recorded here as received, and resolved (upheld rejects the claim; dismissed lets the notice run
// on) —, closing it once its last working day has passed, and approving the claims whose publicity
// ended (one bulk act, reported per claim). Every day here is the server's business date: an objection
// is dated the day it is received, a resolution or a close the day it is done — none is typed. Closing
// and approving ask for confirmation with the count and the total first: neither can be undone.
import type { TObjectionReceived, TObjectionResolution } from '../../../../src/api/routes/publicity.types.ts';
import type { TBulkClaimsResult } from '../../../../src/api/routes/claims.types.ts';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Progress,
  Radio,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api.ts';
import { ClaimStatusTag, Dialog, LoadError } from '../../components.tsx';
import { PrintButton } from '../../components.tsx';
import { claimAmount, formatDate, formatDateTime, formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { areaName, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { ExportButton, RowsExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { CLAIM_COLUMNS as C } from '../../claim-export.ts';
import type { Claim } from '../../types.ts';
import { NoticeStatusTag } from './PublicityPage.tsx';
import { OBJECTION_STATUS_NAMES, post, reviewPage, useAction, type NoticeDetail, type Objection } from './shared.tsx';
import { validFields } from '../../form-errors.ts';
import { AttachmentsCard } from '../../attachments.tsx';

const EXPORT: ExportColumn<Claim>[] = [C.id, C.traineeName, C.program, C.residentId, C.status, C.amount];
const OBJECTION_EXPORT: ExportColumn<Objection>[] = [
  { title: '申领编号', value: (o) => o.claimNumber ?? '', width: 24 },
  { title: '异议内容', value: (o) => o.text, width: 50 },
  { title: '受理日期', value: (o) => formatDate(o.receivedOn ?? o.raisedAt.slice(0, 10)), width: 16 },
  { title: '提出', value: (o) => `${o.raisedBy} ${formatDateTime(o.raisedAt)}`, width: 30 },
  { title: '状态', value: (o) => nameOf(OBJECTION_STATUS_NAMES, o.status) },
  { title: '处理意见', value: (o) => o.resolution ?? '', width: 50 },
  { title: '处理日期', value: (o) => (o.resolvedOn ? formatDate(o.resolvedOn) : ''), width: 16 },
  { title: '处理', value: (o) => (o.resolvedAt ? `${o.resolvedBy ?? ''} ${formatDateTime(o.resolvedAt)}` : ''), width: 30 },
];
const APPROVE_CHUNK = 10;

interface ObjectionForm {
  claimId: string;
  text: string;
}
interface ResolveForm {
  verdict: 'upheld' | 'dismissed';
  resolution: string;
}

function NoticeDetailScreen() {
  const { id = '' } = useParams();
  const notice = useApi<NoticeDetail>(`/review/publicity-notices/${encodeURIComponent(id)}`);
  const claims = useServerList<Claim>('/claims', [], { amountFen: 'amount' }, { noticeId: id });
  const [objectionForm] = Form.useForm<ObjectionForm>();
  const [resolveForm] = Form.useForm<ResolveForm>();
  const [resolving, setResolving] = useState<Objection | null>(null);
  const [objecting, setObjecting] = useState(false);
  const objectAction = useAction(objectionForm);
  const resolveAction = useAction(resolveForm);
  const closeAction = useAction();
  const [approving, setApproving] = useState<{ done: number; total: number } | null>(null);
  const [approved, setApproved] = useState<{ ok: number; failed: { id: string; message: string }[] } | null>(null);
  const approvingRef = useRef(false);
  // The claims an objection may name: those of this notice still in publicity (up to a page of 200).
  const objectable = useApi<{ items: Claim[]; total: number }>(objecting ? '/claims' : null, {
    noticeId: id,
    status: 'publicity',
    pageSize: 200,
  });

  if (notice.error) return <LoadError error={notice.error} what="公示" onRetry={notice.reload} />;
  if (notice.loading && !notice.data) return <Spin size="large" />;
  const n = notice.data!;
  const reload = () => {
    notice.reload();
    claims.reload();
  };
  const inPublicity = n.claimsByStatus.publicity ?? 0;
  const inPublicityFen = n.amountFenByStatus.publicity ?? 0;

  const record = (v: ObjectionForm) =>
    objectAction.run(
      'object',
      () =>
        post<TObjectionReceived>(`/publicity-notices/${encodeURIComponent(n.id)}/objections`, {
          claimId: v.claimId,
          text: v.text.trim(),
        }),
      (r) => {
        setObjecting(false);
        objectionForm.resetFields();
        reload();
        return `异议已登记（受理日期 ${formatDate(r.receivedOn)}），公示暂停`;
      },
    );
  const resolve = () =>
    validFields(resolveForm).then((v) =>
      resolveAction.run(
        'resolve',
        () =>
          post<TObjectionResolution>(`/objections/${encodeURIComponent(resolving!.id)}/resolve`, {
            verdict: v.verdict,
            resolution: v.resolution.trim(),
          }),
        (r) => {
          setResolving(null);
          resolveForm.resetFields();
          reload();
          return r.noticeStatus === 'open' ? `异议已处理，公示继续，${formatDate(r.endsOn)}结束` : '异议已处理';
        },
      ),
    );
  const close = () =>
    closeAction.run(
      'close',
      () => post(`/publicity-notices/${encodeURIComponent(n.id)}/close`, {}),
      () => {
        reload();
        return '公示已结束，可批准其中的申领';
      },
    );
  const counted = (claims: number, fen: number) => `${claims} 笔申领，合计 ${formatMoney(fen)}`;

  /** Approves every claim of the notice still in publicity, in small parts, reporting each failure. */
  const approveAll = async () => {
    if (approvingRef.current) return;
    approvingRef.current = true;
    try {
      const ids: string[] = [];
      for (let page = 1; ; page++) {
        const got = await api<{ items: Claim[]; total: number }>('/claims', {
          query: { noticeId: n.id, status: 'publicity', page, pageSize: 200 },
        });
        ids.push(...got.items.map((c) => c.id));
        if (got.items.length === 0 || ids.length >= got.total) break;
      }
      const failed: { id: string; message: string }[] = [];
      let ok = 0;
      setApproving({ done: 0, total: ids.length });
      for (let i = 0; i < ids.length; i += APPROVE_CHUNK) {
        const part = ids.slice(i, i + APPROVE_CHUNK);
        try {
          const r = await post<TBulkClaimsResult>('/claims/bulk', {
            action: 'approve',
            claimIds: part,
          });
          for (const x of r.results)
            if (x.ok) ok++;
            else failed.push({ id: x.id, message: x.error?.message ?? '' });
        } catch (e) {
          failed.push(...part.map((id) => ({ id, message: (e as Error).message })));
        }
        setApproving({ done: i + part.length, total: ids.length });
      }
      setApproved({ ok, failed });
    } finally {
      approvingRef.current = false;
      setApproving(null);
      reload();
    }
  };

  const objectionColumns: TableProps<Objection>['columns'] = [
    {
      title: '申领编号',
      dataIndex: 'claimNumber',
      key: 'claimNumber',
      width: 200,
      render: (n: string | null, o) => (o.claimId && n ? <Link to={`/claims/${encodeURIComponent(o.claimId)}`}>{n}</Link> : '—'),
    },
    { title: '异议内容', dataIndex: 'text', key: 'text' },
    { title: '受理日期', key: 'received', width: 130, render: (_: unknown, o) => formatDate(o.receivedOn ?? o.raisedAt.slice(0, 10)) },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (s: string) => (
        <Tag color={s === 'open' ? 'warning' : s === 'upheld' ? 'error' : 'default'}>{nameOf(OBJECTION_STATUS_NAMES, s)}</Tag>
      ),
    },
    {
      title: '处理意见',
      dataIndex: 'resolution',
      key: 'resolution',
      render: (r: string | null, o) => (r ? `${r}${o.resolvedOn ? `（${formatDate(o.resolvedOn)}）` : ''}` : '—'),
    },
    {
      title: '操作',
      key: 'act',
      width: 90,
      render: (_: unknown, o) =>
        o.status === 'open' ? (
          <Button size="small" onClick={() => setResolving(o)}>
            处理
          </Button>
        ) : null,
    },
  ];
  const claimColumns: TableProps<Claim>['columns'] = [
    {
      title: '申领编号',
      dataIndex: 'number',
      key: 'number',
      width: 200,
      render: (n: string, c) => <Link to={`/claims/${encodeURIComponent(c.id)}`}>{n}</Link>,
    },
    { title: '姓名', dataIndex: 'traineeName', key: 'traineeName', width: 90, render: (n: string | null) => n ?? '—' },
    { title: '培训项目', dataIndex: 'program', key: 'program', width: 150, render: (p: string) => nameOf(PROGRAM_NAMES, p) },
    { title: '身份证号', dataIndex: 'residentId', key: 'residentId', width: 170 },
    { title: '状态', dataIndex: 'status', key: 'status', width: 90, render: (s: string) => <ClaimStatusTag status={s} /> },
    {
      title: '核定金额',
      dataIndex: 'amountFen',
      key: 'amountFen',
      width: 116,
      align: 'right',
      sorter: true,
      sortOrder: claims.sortOrder('amountFen'),
      render: (_: unknown, c: Claim) => claimAmount(c),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/review/publicity">← 返回公示管理</Link>
      <PrintButton path={`/publicity-notices/${encodeURIComponent(n.id)}/notice.pdf`} label="打印公示（张贴用）" />
      <Typography.Title level={3} style={{ margin: 0 }}>
        公示 {n.number}　{n.title} <NoticeStatusTag status={n.status} />
      </Typography.Title>
      <Card size="small" title="公示期">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2, lg: 3 }}
          items={[
            { key: 'area', label: '地区', children: areaName(n.areaCode) },
            { key: 'published', label: '发布日期', children: formatDate(n.publishedOn) },
            { key: 'start', label: '开始日期', children: formatDate(n.startsOn) },
            { key: 'days', label: '工作日数', children: `${n.workingDays} 个工作日` },
            { key: 'end', label: '结束日期', children: <span data-testid="notice-ends-on">{formatDate(n.endsOn)}</span> },
            {
              key: 'paused',
              label: '暂停',
              children: n.status === 'paused' ? `${formatDate(n.pausedOn)}起暂停，尚余 ${n.daysLeft ?? '—'} 个工作日` : '—',
            },
            ...(n.status === 'closed' ? [{ key: 'closed', label: '结束日期（操作）', children: formatDate(n.closedOn) }] : []),
            {
              key: 'claims',
              label: '申领',
              children:
                Object.entries(n.claimsByStatus)
                  .map(([s, c]) => `${nameOf({ publicity: '公示中', approved: '已批准', rejected: '已驳回', paid: '已支付' }, s)} ${c} 笔`)
                  .join('，') || '—',
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          结束日期按 2020—2021 年法定节假日和调休安排的工作日计算；有未处理的异议时公示暂停，处理完毕后从处理之日起继续计算剩余工作日。
        </Typography.Paragraph>
        <Space style={{ marginTop: 12 }} wrap>
          {n.status !== 'closed' && <Button onClick={() => setObjecting(true)}>登记异议</Button>}
          {n.status === 'open' && (
            <Popconfirm
              title={`结束公示：${counted(inPublicity, inPublicityFen)}`}
              description={
                <span data-testid="close-confirm">
                  公示期已于{formatDate(n.endsOn)}届满。结束后不再受理异议，其中的申领可以批准；结束后不能恢复。
                </span>
              }
              okText="确认结束"
              cancelText="取消"
              disabled={!n.closable}
              onConfirm={close}
            >
              <Button type="primary" loading={closeAction.running === 'close'} disabled={!n.closable}>
                结束公示
              </Button>
            </Popconfirm>
          )}
          {n.status === 'open' && !n.closable && (
            <Typography.Text type="secondary">
              公示期至 {formatDate(n.endsOn)}，今天（{formatDate(n.today)}）未满，{formatDate(n.endsOn)}之后才能结束
            </Typography.Text>
          )}
          {n.status === 'paused' && <Typography.Text type="warning">有未处理的异议，公示已暂停，不能结束</Typography.Text>}
          {n.status === 'closed' && inPublicity > 0 && (
            <Popconfirm
              title={`批准：${counted(inPublicity, inPublicityFen)}`}
              description={<span data-testid="approve-confirm">批准后按申领金额从相应资金预留，等待编入支付批次；批准不能撤回。</span>}
              okText="确认批准"
              cancelText="取消"
              onConfirm={() => void approveAll()}
            >
              <Button type="primary" loading={approving !== null}>
                批准公示期满的申领（{inPublicity} 笔）
              </Button>
            </Popconfirm>
          )}
        </Space>
        {approved && (
          <Alert
            style={{ marginTop: 12 }}
            type={approved.failed.length ? 'warning' : 'success'}
            showIcon
            closable
            onClose={() => setApproved(null)}
            data-testid="approve-summary"
            title={`批准成功 ${approved.ok} 笔，失败 ${approved.failed.length} 笔`}
            description={
              approved.failed.length ? (
                <ul style={{ margin: 0 }}>
                  {approved.failed.slice(0, 20).map((f) => (
                    <li key={f.id}>{f.message}</li>
                  ))}
                </ul>
              ) : (
                '已从相应资金预留金额，可编入支付批次。'
              )
            }
          />
        )}
      </Card>
      <Card
        size="small"
        title={`异议（${n.objections.length}）`}
        extra={<RowsExportButton rows={n.objections} columns={OBJECTION_EXPORT} fileName={`公示${n.number}异议`} sheetName="异议" />}
      >
        <Table<Objection>
          rowKey="id"
          size="small"
          columns={objectionColumns}
          dataSource={n.objections}
          pagination={false}
          locale={{ emptyText: '暂无异议' }}
          scroll={{ x: 900 }}
          aria-label="异议"
          expandable={{
            expandedRowRender: (o) => <AttachmentsCard record={`/objections/${encodeURIComponent(o.id)}`} title="异议证据（附件）" />,
            columnTitle: '证据',
          }}
        />
      </Card>
      <Card
        size="small"
        title="公示的申领"
        extra={<ExportButton path="/claims" query={claims.query} columns={EXPORT} fileName="公示申领" />}
      >
        {claims.error ? (
          <LoadError error={claims.error} what="申领" onRetry={claims.reload} />
        ) : (
          <Table<Claim> rowKey="id" size="small" {...claims.tableProps} columns={claimColumns} tableLayout="fixed" scroll={{ x: 700 }} />
        )}
      </Card>
      <Dialog
        guard={objectionForm}
        open={objecting}
        title="登记异议"
        okText="登记"
        cancelText="取消"
        onOk={() => objectionForm.submit()}
        onCancel={() => setObjecting(false)}
        okButtonProps={{ loading: objectAction.running !== null }}
        destroyOnHidden
      >
        <Form form={objectionForm} layout="vertical" onFinish={record}>
          <Form.Item label="异议的申领" name="claimId" rules={[{ required: true, message: '请选择异议针对的申领' }]}>
            <Select
              showSearch
              placeholder="选择申领（可输入编号或身份证号查找）"
              loading={objectable.loading}
              optionFilterProp="label"
              options={(objectable.data?.items ?? []).map((c) => ({
                value: c.id,
                label: `${c.number} ${c.traineeName ?? ''}（${c.residentId}）`,
              }))}
            />
          </Form.Item>
          <Form.Item
            label="异议内容"
            name="text"
            rules={[
              { required: true, whitespace: true, message: '请填写异议内容' },
              { max: 4000, message: '不超过 4000 字' },
            ]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Typography.Text type="secondary">受理日期为今天（{formatDate(n.today)}），由系统记录。</Typography.Text>
        </Form>
      </Dialog>
      <Dialog
        guard={resolveForm}
        open={resolving !== null}
        title="处理异议"
        okText="确认处理"
        cancelText="取消"
        onOk={resolve}
        onCancel={() => setResolving(null)}
        okButtonProps={{ loading: resolveAction.running !== null }}
        destroyOnHidden
      >
        {resolving && (
          <Typography.Paragraph>
            申领 {resolving.claimNumber}：{resolving.text}
          </Typography.Paragraph>
        )}
        <Form form={resolveForm} layout="vertical">
          <Form.Item label="处理结论" name="verdict" rules={[{ required: true, message: '请选择异议是否成立' }]}>
            <Radio.Group
              options={[
                { value: 'dismissed', label: '不成立（公示继续）' },
                { value: 'upheld', label: '成立（驳回该申领）' },
              ]}
            />
          </Form.Item>
          <Form.Item
            label="处理意见"
            name="resolution"
            rules={[
              { required: true, whitespace: true, message: '请填写处理意见' },
              { max: 4000, message: '不超过 4000 字' },
            ]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Typography.Text type="secondary">
            处理日期为今天（{formatDate(n.today)}），由系统记录；异议全部处理后，公示自今天起继续计算剩余工作日。
          </Typography.Text>
        </Form>
      </Dialog>
      <Dialog open={approving !== null} title="正在批准" footer={null} closable={false} mask={{ closable: false }}>
        <Progress percent={approving ? Math.round((approving.done / Math.max(1, approving.total)) * 100) : 0} aria-label="批准进度" />
      </Dialog>
    </Space>
  );
}

export default reviewPage(NoticeDetailScreen);
