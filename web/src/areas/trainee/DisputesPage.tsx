// 异议案件 / 我的异议: a trainee's disputes of claims in their name with the outcome; for the county
// and city offices, the cases of their slice, to take (受理) and resolve with a finding.
import { Alert, Button, Form, Input, Popconfirm, Radio, Select, Space, Table, Tag, Typography, message, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TDisputeView as DisputeView } from '../../../../src/api/routes/disputes.types.ts';
import { api, ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { ClaimStatusTag, Dialog, DialogCancelButton, LoadError } from '../../components.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';
import { areaName, DISPUTE_FINDING_NAMES, DISPUTE_STATUS_NAMES, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { ListFilters, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { applyServerError, ListHeader, options, RequireRole } from './party-ui.tsx';
import { AttachmentsCard } from '../../attachments.tsx';

const FILTERS = ['status', 'pending'] as const;
const SORTABLE = { createdAt: 'createdAt', status: 'status', resolvedAt: 'resolvedAt' };
const STATUS_COLORS: Record<string, string> = { open: 'error', taken: 'processing', resolved: 'success' };

const EXPORT: ExportColumn<DisputeView>[] = [
  { title: '申领编号', value: (d) => d.claim?.number ?? '', width: 26 },
  { title: '培训项目', value: (d) => nameOf(PROGRAM_NAMES, d.claim?.program), width: 24 },
  { title: '身份证号', value: (d) => d.residentId, width: 22 },
  { title: '地区', value: (d) => areaName(d.areaCode) },
  { title: '异议理由', value: (d) => d.reason, width: 40 },
  { title: '提出时间', value: (d) => formatDateTime(d.createdAt), width: 22 },
  { title: '状态', value: (d) => nameOf(DISPUTE_STATUS_NAMES, d.status) },
  { title: '受理人', value: (d) => d.takenBy, width: 18 },
  { title: '处理结论', value: (d) => (d.finding ? nameOf(DISPUTE_FINDING_NAMES, d.finding) : ''), width: 22 },
  { title: '处理说明', value: (d) => d.resolution, width: 40 },
  { title: '办结时间', value: (d) => formatDateTime(d.resolvedAt), width: 22 },
];

export default function DisputesPage() {
  return (
    <RequireRole roles={['trainee', 'county', 'city']}>
      <Disputes />
    </RequireRole>
  );
}

function Disputes() {
  const { me } = useAuth();
  const office = me?.role === 'city' || me?.role === 'county';
  const list = useServerList<DisputeView>('/disputes', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const [busy, setBusy] = useState<string | null>(null);
  const [resolving, setResolving] = useState<DisputeView | null>(null);

  const take = async (d: DisputeView) => {
    setBusy(d.id);
    try {
      await api(`/disputes/${encodeURIComponent(d.id)}/take`, { method: 'POST', body: {} });
      message.success('已受理');
      list.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableProps<DisputeView>['columns'] = [
    {
      title: '申领',
      dataIndex: 'claimId',
      key: 'claimId',
      width: 240,
      render: (id: string, d) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/claims/${encodeURIComponent(id)}`}>{d.claim?.number ?? '申领'}</Link>
          <span>{nameOf(PROGRAM_NAMES, d.claim?.program)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.claim ? formatMoney(d.claim.amountFen) : ''} {d.claim && <ClaimStatusTag status={d.claim.status} />}
          </Typography.Text>
        </Space>
      ),
    },
    ...(office
      ? [
          {
            title: '身份证号',
            dataIndex: 'residentId',
            key: 'residentId',
            width: 180,
            render: (r: string) => <span style={{ fontFamily: 'monospace' }}>{r}</span>,
          },
          { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 80, render: areaName },
        ]
      : []),
    { title: '异议理由', dataIndex: 'reason', key: 'reason', ellipsis: { showTitle: true } },
    {
      title: '提出时间',
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 160,
      sorter: true,
      sortOrder: list.sortOrder('createdAt'),
      render: formatDateTime,
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      sorter: true,
      sortOrder: list.sortOrder('status'),
      render: (s: string) => <Tag color={STATUS_COLORS[s]}>{nameOf(DISPUTE_STATUS_NAMES, s)}</Tag>,
    },
    {
      title: '处理结果',
      key: 'finding',
      width: 240,
      render: (_: unknown, d) =>
        d.finding ? (
          <Space orientation="vertical" size={0}>
            <strong>{nameOf(DISPUTE_FINDING_NAMES, d.finding)}</strong>
            <Typography.Text type="secondary">{d.resolution}</Typography.Text>
          </Space>
        ) : d.takenBy ? (
          `${d.takenBy} 已受理`
        ) : (
          '—'
        ),
    },
    ...(office
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 90,
            fixed: 'right' as const,
            render: (_: unknown, d: DisputeView) =>
              d.status === 'open' ? (
                <Popconfirm title="受理该异议案件？" okText="受理" cancelText="取消" onConfirm={() => take(d)}>
                  <Button size="small" type="primary" loading={busy === d.id} disabled={busy !== null}>
                    受理
                  </Button>
                </Popconfirm>
              ) : d.status === 'taken' ? (
                <Button size="small" onClick={() => setResolving(d)}>
                  办结
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title={office ? '异议案件' : '我的异议'}>
        <ExportButton path="/disputes" query={list.query} columns={EXPORT} fileName={office ? '异议案件' : '我的异议'} />
      </ListHeader>
      {!office && <Alert type="info" showIcon title="在“我的申领”中对不认识的申领提出异议，由受理该申领的人社部门核查并答复。" />}
      <ListFilters form={form} list={list}>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={options(DISPUTE_STATUS_NAMES)} />
        </Form.Item>
        <Form.Item label="范围" name="pending">
          <Select allowClear placeholder="全部" style={{ width: 140 }} options={[{ value: 'true', label: '未办结' }]} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="异议案件" onRetry={list.reload} />
      ) : (
        <Table<DisputeView>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          columns={columns}
          scroll={{ x: office ? 1250 : 900 }}
          locale={{ emptyText: '暂无异议' }}
          expandable={{
            expandedRowRender: (d) => <AttachmentsCard record={`/disputes/${encodeURIComponent(d.id)}`} title="争议证据（附件）" />,
            columnTitle: '证据',
          }}
        />
      )}
      <ResolveModal
        dispute={resolving}
        onClose={() => setResolving(null)}
        onDone={() => {
          setResolving(null);
          message.success('已办结');
          list.reload();
        }}
      />
    </Space>
  );
}

interface ResolveForm {
  finding: 'claim_rejected' | 'dismissed';
  resolution: string;
}

function ResolveModal({ dispute, onClose, onDone }: { dispute: DisputeView | null; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<ResolveForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: ResolveForm) => {
    if (!dispute) return;
    setSaving(true);
    setError(null);
    try {
      await api(`/disputes/${encodeURIComponent(dispute.id)}/resolve`, { method: 'POST', body: v });
      form.resetFields();
      onDone();
    } catch (e) {
      setError(applyServerError(form, e, ['finding', 'resolution']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog
      guard={form}
      open={dispute !== null}
      title="办结异议案件"
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      {dispute && <Typography.Paragraph>异议理由：{dispute.reason}</Typography.Paragraph>}
      <Form form={form} name="resolveDispute" layout="vertical" onFinish={submit} aria-label="办结异议案件">
        <Form.Item label="处理结论" name="finding" rules={[{ required: true, message: '请选择处理结论' }]}>
          <Radio.Group options={options(DISPUTE_FINDING_NAMES)} />
        </Form.Item>
        <Form.Item
          label="核查情况及处理说明"
          name="resolution"
          rules={[
            { required: true, whitespace: true, message: '请填写处理说明' },
            { max: 2000, message: '不超过2000个字' },
          ]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        <Alert
          type="warning"
          showIcon
          title="异议成立：未批准的申领驳回；已批准未支付的撤销批准、释放预留资金并移出支付批次；已支付的登记追回。案件办结前，该申领暂缓支付。"
          style={{ marginBottom: 16 }}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} disabled={saving}>
            办结
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}
