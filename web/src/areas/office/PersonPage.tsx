// 人员详情: one person of the register — correct the name, area or phone; their facts as of a date
// (is / is not / 未登记 — an unrecorded fact is unknown, never "no"); the whole history as a timeline with
// source, effective date and who recorded it; record a fact with its source and effective date. A
// group (贫困劳动力…) is a period: 属于 from one date, 不再属于 from a later one.
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TPerson, TPersonFacts } from '../../../../src/api/routes/people.types.ts';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { areaName } from '../../labels.ts';
import { RequireRole } from '../trainee/party-ui.tsx';
import { areaOptions } from './PeoplePage.tsx';
import { FormDialog, mono, requiredText, yesNo } from './shared.tsx';
import { DateInput } from '../../date-input.tsx';
import { PayeeAccountCard } from '../../payee-account.tsx';

type FactNow = TPersonFacts['current'][number];

/** Group facts (the plan's 人员类别) read as membership; the others as yes/no. */
const NON_GROUP = new Set(['rural', 'pensionEntitled', 'earlierAppraisal']);
const valueText = (fact: string, v: boolean | null) => (NON_GROUP.has(fact) ? yesNo(v) : yesNo(v, '属于', '不属于'));

export default function PersonPage() {
  return (
    <RequireRole roles={['city', 'county']}>
      <Person />
    </RequireRole>
  );
}

interface FactForm {
  fact: string;
  value: boolean;
  source: string;
  asOf: Dayjs;
}

function RecordFactDialog({
  residentId,
  facts,
  open,
  onClose,
  onDone,
}: {
  residentId: string;
  facts: FactNow[];
  open: boolean;
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm<FactForm>();
  const fact = Form.useWatch('fact', form);
  const group = fact !== undefined && !NON_GROUP.has(fact);
  return (
    <FormDialog<FactForm>
      form={form}
      open={open}
      title="登记人员属性"
      okText="登记"
      name="recordFact"
      onClose={onClose}
      onDone={onDone}
      fields={{ fact: 'fact', value: 'value', source: 'source', asOf: 'asOf' }}
      submit={(v) =>
        api(`/people/${encodeURIComponent(residentId)}/facts`, {
          method: 'POST',
          body: { fact: v.fact, value: v.value, source: v.source.trim(), asOf: v.asOf.format('YYYY-MM-DD') },
        })
      }
    >
      <Form.Item label="属性" name="fact" rules={[{ required: true, message: '请选择要登记的属性' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={facts.map((f) => ({ value: f.fact, label: f.factName }))}
          style={{ width: 320 }}
          placeholder="如：贫困劳动力、具有按月领取养老金资格"
        />
      </Form.Item>
      <Form.Item
        label="登记为"
        name="value"
        rules={[{ required: true, message: '请选择' }]}
        extra={
          group
            ? '人员类别是一段期间：自生效日期起属于；期间结束时再登记“自该日起不再属于”。'
            : '不清楚的不要登记：未登记即“情况不明”，判定时不按“否”处理。'
        }
      >
        <Radio.Group
          options={
            group
              ? [
                  { value: true, label: '自生效日期起属于' },
                  { value: false, label: '自生效日期起不再属于' },
                ]
              : [
                  { value: true, label: '是' },
                  { value: false, label: '否' },
                ]
          }
        />
      </Form.Item>
      <Form.Item label="来源" name="source" rules={requiredText('来源', 200)} extra="如：扶贫开发建档立卡系统、社保系统查询、户籍证明">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="生效日期（自何日起如此）" name="asOf" rules={[{ required: true, message: '请选择生效日期' }]}>
        <DateInput />
      </Form.Item>
    </FormDialog>
  );
}

interface CorrectForm {
  name: string;
  areaCode: string;
  phone?: string;
}

function Person() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const person = useApi<TPerson>(`/people/${encodeURIComponent(id)}`);
  const [on, setOn] = useState<Dayjs | null>(null);
  const facts = useApi<TPersonFacts>(`/people/${encodeURIComponent(id)}/facts`, on ? { asOf: on.format('YYYY-MM-DD') } : undefined);
  const [recording, setRecording] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  if (person.error) return <LoadError error={person.error} what="人员" onRetry={person.reload} />;
  const p = person.data;
  const history = [...(facts.data?.history ?? [])].sort((a, b) =>
    a.asOf === b.asOf ? a.recordedAt.localeCompare(b.recordedAt) : a.asOf.localeCompare(b.asOf),
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/office/people">← 返回人员列表</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {p?.name ?? '人员'}
      </Typography.Title>
      <Card size="small" title="实名信息" loading={!p} extra={<Button onClick={() => setCorrecting(true)}>更正</Button>}>
        {p && (
          <Descriptions
            size="small"
            column={3}
            bordered
            items={[
              { key: 'name', label: '姓名', children: p.name },
              { key: 'id', label: '身份证号', children: mono(p.residentId) },
              { key: 'area', label: '地区', children: areaName(p.areaCode) },
              { key: 'phone', label: '电话', children: p.phone ?? '—' },
              { key: 'by', label: '登记', children: `${p.createdBy}，${formatDateTime(p.createdAt)}` },
              { key: 'upd', label: '最近更正', children: p.updatedBy ? `${p.updatedBy}，${formatDateTime(p.updatedAt)}` : '—' },
            ]}
          />
        )}
        {p && (
          <div style={{ marginTop: 8 }}>
            <Link to={`/review/claims?residentId=${encodeURIComponent(p.residentId)}`}>查看该人员的申领</Link>
          </div>
        )}
      </Card>
      {p && <PayeeAccountCard payee="individual" payeeRef={p.residentId} holderName={p.name} />}
      <Card
        size="small"
        title={`属性（${facts.data ? formatDate(facts.data.asOf) : ''} 时的情况）`}
        extra={
          <Space>
            <span>查看日期</span>
            <DateInput value={on} onChange={setOn} placeholder="今天" />
            <Button type="primary" onClick={() => setRecording(true)}>
              登记属性
            </Button>
          </Space>
        }
      >
        {facts.error ? (
          <LoadError error={facts.error} what="人员属性" onRetry={facts.reload} />
        ) : (
          <Table<FactNow>
            rowKey="fact"
            size="small"
            pagination={false}
            loading={facts.loading}
            dataSource={facts.data?.current ?? []}
            aria-label="当前属性"
            columns={[
              { title: '属性', dataIndex: 'factName', key: 'factName', width: 260 },
              {
                title: '情况',
                key: 'value',
                width: 120,
                render: (_: unknown, f) =>
                  f.value == null ? <Tag>未登记</Tag> : <Tag color={f.value ? 'blue' : 'default'}>{valueText(f.fact, f.value)}</Tag>,
              },
              { title: '生效日期', dataIndex: 'asOf', key: 'asOf', width: 150, render: formatDate },
              { title: '来源', dataIndex: 'source', key: 'source', render: (s: string | null) => s ?? '—' },
            ]}
          />
        )}
      </Card>
      <Card size="small" title="登记记录（按生效日期）">
        {history.length === 0 ? (
          <Alert type="info" showIcon title="尚未登记任何属性" />
        ) : (
          <Timeline
            data-testid="fact-timeline"
            items={history.map((h) => ({
              key: h.id,
              color: h.value ? 'blue' : 'gray',
              content: (
                <div>
                  <Typography.Text strong>
                    {formatDate(h.asOf)}起 {h.factName}：{valueText(h.fact, h.value)}
                  </Typography.Text>
                  <div>
                    <Typography.Text type="secondary">
                      来源：{h.source} · 登记：{h.recordedBy}，{formatDateTime(h.recordedAt)}
                    </Typography.Text>
                  </div>
                </div>
              ),
            }))}
          />
        )}
      </Card>
      <RecordFactDialog
        residentId={id}
        facts={facts.data?.current ?? []}
        open={recording}
        onClose={() => setRecording(false)}
        onDone={() => {
          setRecording(false);
          facts.reload();
        }}
      />
      {p && (
        <FormDialog<CorrectForm>
          open={correcting}
          title="更正人员信息"
          name="correctPerson"
          onClose={() => setCorrecting(false)}
          onDone={() => {
            setCorrecting(false);
            person.reload();
          }}
          initialValues={{ name: p.name, areaCode: p.areaCode, phone: p.phone ?? undefined }}
          submit={(v) =>
            api(`/people/${encodeURIComponent(id)}`, {
              method: 'PATCH',
              body: { name: v.name.trim(), areaCode: v.areaCode, phone: v.phone?.trim() || null },
            })
          }
        >
          <Form.Item label="姓名" name="name" rules={requiredText('姓名', 50)}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label="所属地区" name="areaCode" rules={[{ required: true, message: '请选择地区' }]}>
            <Select options={areaOptions(me)} />
          </Form.Item>
          <Form.Item label="联系电话" name="phone" rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: '电话号码格式不正确' }]}>
            <Input maxLength={20} />
          </Form.Item>
        </FormDialog>
      )}
    </Space>
  );
}
