// 属性变更待处理 (SPEC Facts in time; docs/facts-in-time.md): decisions already published, approved or
// paid that a later-recorded fact would change. They are never rewritten silently: the office reads the
// old and the new outcome here, acts on the claim (reject, revoke, recover) and closes the case with a
// written resolution (POST /fact-cases/:id/close, audited). City all areas, a county its own.
import { Button, Form, Input, Select, Space, Table, Tag, Typography, message, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TFactCaseView as FactCaseView } from '../../../../src/api/routes/fact-cases.types.ts';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';
import { areaName, CLAIM_STATUS_NAMES, nameOf, OUTCOME_NAMES, PROGRAM_NAMES } from '../../labels.ts';
import { AreaFilter, ExportButton, ListFilters, useServerList, type ExportColumn } from '../../list.tsx';
import { ListHeader, RequireRole } from '../trainee/party-ui.tsx';
import { FormDialog } from './shared.tsx';

const FILTERS = ['status', 'areaCode'] as const;
const CASE_STATUS_NAMES: Record<string, string> = { open: '待处理', closed: '已办结' };

/** The recorded change as people read it: the value and the date or year it holds from. */
function changeText(c: FactCaseView): string {
  const r = c.change;
  const v = r.value ?? r.fullyUsed ?? r.insured;
  const value = typeof v === 'boolean' ? (v ? '是' : '否') : v == null ? '' : String(v);
  const from = r.asOf ?? r.validFrom ?? r.year;
  return `${c.factName}${value ? `：${value}` : ''}${from != null ? `（自 ${String(from)}）` : ''}`;
}

const outcome = (o: { outcome: string; amountFen: number }) =>
  `${nameOf(OUTCOME_NAMES, o.outcome)}${o.outcome === 'undecided' ? '，金额待定' : `，${formatMoney(o.amountFen)}`}`;

const EXPORT: ExportColumn<FactCaseView>[] = [
  { title: '地区', value: (c) => areaName(c.areaCode) },
  { title: '培训项目', value: (c) => nameOf(PROGRAM_NAMES, c.program), width: 24 },
  { title: '申领状态（提出时）', value: (c) => nameOf(CLAIM_STATUS_NAMES, c.claimStatus), width: 16 },
  { title: '对象', value: (c) => c.subjectId, width: 22 },
  { title: '变更的属性', value: changeText, width: 30 },
  { title: '原判定', value: (c) => outcome(c.before), width: 22 },
  { title: '按新事实的判定', value: (c) => outcome(c.after), width: 22 },
  { title: '理由', value: (c) => c.after.reasons.join('；'), width: 40 },
  { title: '状态', value: (c) => nameOf(CASE_STATUS_NAMES, c.status) },
  { title: '提出时间', value: (c) => formatDateTime(c.raisedAt), width: 18 },
  { title: '办结时间', value: (c) => formatDateTime(c.closedAt), width: 18 },
  { title: '处理结果', value: (c) => c.resolution ?? '', width: 40 },
];

export default function FactCasesPage() {
  return (
    <RequireRole roles={['city', 'county']}>
      <FactCases />
    </RequireRole>
  );
}

function FactCases() {
  const { me } = useAuth();
  const list = useServerList<FactCaseView>('/fact-cases', FILTERS);
  const [form] = Form.useForm();
  const [closing, setClosing] = useState<FactCaseView | null>(null);
  const columns: TableProps<FactCaseView>['columns'] = [
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 90, render: areaName },
    {
      title: '申领',
      key: 'claim',
      width: 200,
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/claims/${encodeURIComponent(c.claimId)}`}>{nameOf(PROGRAM_NAMES, c.program)}</Link>
          <Typography.Text type="secondary">{nameOf(CLAIM_STATUS_NAMES, c.claimStatus)}</Typography.Text>
        </Space>
      ),
    },
    { title: '对象', dataIndex: 'subjectId', key: 'subjectId', width: 190 },
    { title: '变更的属性', key: 'change', width: 220, render: (_: unknown, c) => changeText(c) },
    { title: '原判定', key: 'before', width: 180, render: (_: unknown, c) => outcome(c.before) },
    {
      title: '按新事实的判定',
      key: 'after',
      width: 260,
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={0}>
          <span>{outcome(c.after)}</span>
          {c.after.reasons.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.after.reasons.join('；')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: '提出时间', dataIndex: 'raisedAt', key: 'raisedAt', width: 150, render: formatDateTime },
    {
      title: '状态',
      key: 'status',
      width: 220,
      fixed: 'right',
      render: (_: unknown, c) =>
        c.status === 'open' ? (
          <Space>
            <Tag color="warning">待处理</Tag>
            <Button size="small" type="primary" onClick={() => setClosing(c)}>
              办结
            </Button>
          </Space>
        ) : (
          <Space orientation="vertical" size={0}>
            <Tag color="success">已办结</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.resolution}（{formatDateTime(c.closedAt)}）
            </Typography.Text>
          </Space>
        ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="属性变更待处理">
        <ExportButton path="/fact-cases" query={list.query} columns={EXPORT} fileName="属性变更待处理" />
      </ListHeader>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        已公示、已批准或已支付的申领不会因事实变化被自动改判：请核对后在申领页办理（驳回、撤销批准或追回），再在此写明处理结果办结。
      </Typography.Paragraph>
      <ListFilters form={form} list={list}>
        <Form.Item label="状态" name="status">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 120 }}
            options={Object.entries(CASE_STATUS_NAMES).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        {me?.role === 'city' && <AreaFilter />}
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="待处理事项" onRetry={list.reload} />
      ) : (
        <Table<FactCaseView>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          columns={columns}
          scroll={{ x: 1500 }}
          data-testid="fact-cases"
        />
      )}
      <FormDialog<{ resolution: string }>
        open={closing !== null}
        title="办结属性变更待处理事项"
        okText="确认办结"
        name="closeFactCase"
        onClose={() => setClosing(null)}
        onDone={() => {
          setClosing(null);
          message.success('已办结');
          list.reload();
        }}
        fields={{ resolution: 'resolution' }}
        submit={(v) => api(`/fact-cases/${closing!.id}/close`, { method: 'POST', body: { resolution: v.resolution.trim() } })}
      >
        <Typography.Paragraph>办结后不能重新打开；事实再有变化会生成新的待处理事项。</Typography.Paragraph>
        <Form.Item
          label="处理结果"
          name="resolution"
          rules={[
            { required: true, whitespace: true, message: '请写明处理结果' },
            { max: 500, message: '不超过 500 字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </FormDialog>
    </Space>
  );
}
