// 批量补充事实: for the claims selected on 批量审核, the facts they wait for grouped by kind (e.g. 12
// claims missing an enterprise's 2021 education fund), each person or enterprise answered once with a
// shared source (and effective date), then every affected claim decided again in one bulk request.
import type { TMissingFactsBatch } from '../../../../src/api/routes/claims.types.ts';
import type { TBulkClaimsResult } from '../../../../src/api/routes/claims.types.ts';
import { Alert, Button, Empty, Form, Input, Radio, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { Dialog } from '../../components.tsx';
import { nameOf, OUTCOME_NAMES } from '../../labels.ts';
import { recordFact } from './MissingFacts.tsx';
import { answers, groupMissing, type Group, type MissingFacts, type Subject } from './missing-facts-text.ts';
import { DateInput } from '../../date-input.tsx';

function GroupForm({ group, onDone }: { group: Group; onDone(text: string): void }) {
  const [form] = Form.useForm<{ source: string; asOf?: Dayjs; values: Record<string, boolean | undefined> }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const a = answers(group.sample);
  const dated = group.sample.remedy === 'person_fact';
  const submit = async (v: { source: string; asOf?: Dayjs; values?: Record<string, boolean | undefined> }) => {
    const answered = group.subjects.filter((s) => v.values?.[s.key] !== undefined);
    if (answered.length === 0) {
      setError('请至少为一个对象选择登记结果（不选的留待以后登记）');
      return;
    }
    setSaving(true);
    setError(null);
    const failures: string[] = [];
    const claimIds: string[] = [];
    for (const s of answered) {
      try {
        // Left blank, the date is the one each claim needs the fact for.
        await recordFact(s.fact, {
          value: v.values![s.key]!,
          source: v.source.trim(),
          asOf: v.asOf?.format('YYYY-MM-DD') ?? s.fact.neededOn ?? undefined,
        });
        claimIds.push(...s.claimIds);
      } catch (e) {
        failures.push(`${s.fact.subjectName}：${e instanceof ApiError ? e.message : String(e)}`);
      }
    }
    const outcomes = new Map<string, number>();
    for (let i = 0; i < claimIds.length; i += 200) {
      try {
        const r = await api<TBulkClaimsResult>('/claims/bulk', {
          method: 'POST',
          body: { action: 'decide', claimIds: claimIds.slice(i, i + 200) },
        });
        for (const x of r.results) {
          // Already decided again by the server when the fact was recorded: not a failure.
          const key = x.ok
            ? nameOf(OUTCOME_NAMES, x.outcome ?? '')
            : x.error?.code === 'invalid_transition'
              ? '已由系统重新判定'
              : '重新判定失败';
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        }
      } catch (e) {
        failures.push(`重新判定：${e instanceof ApiError ? e.message : String(e)}`);
      }
    }
    setSaving(false);
    const summary = [...outcomes].map(([k, n]) => `${k} ${n} 笔`).join('，');
    if (failures.length) setError(failures.join('；'));
    onDone(
      `已登记 ${answered.length - failures.filter((f) => !f.startsWith('重新判定')).length} 项，重新判定 ${claimIds.length} 笔申领${summary ? `：${summary}` : ''}`,
    );
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} aria-label={`批量登记${group.title}`}>
      <Table<Subject>
        rowKey="key"
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={group.subjects}
        columns={[
          {
            title: group.sample.subject === 'person' ? '人员' : '企业',
            key: 'who',
            render: (_: unknown, s) => `${s.fact.subjectName}（${s.fact.subjectId ?? ''}）`,
          },
          { title: '涉及申领', key: 'n', width: 90, render: (_: unknown, s) => `${s.claimIds.length} 笔` },
          {
            title: '登记为（不选则暂不登记）',
            key: 'value',
            width: 330,
            render: (_: unknown, s) => (
              <Form.Item name={['values', s.key]} style={{ margin: 0 }}>
                <Radio.Group
                  options={[
                    { value: true, label: a.yes },
                    { value: false, label: a.no },
                  ]}
                />
              </Form.Item>
            ),
          },
        ]}
      />
      <Space wrap style={{ marginTop: 12 }}>
        <Form.Item
          label="来源"
          name="source"
          rules={[
            { required: true, whitespace: true, message: '请注明数据来源' },
            { max: 200, message: '不超过 200 字' },
          ]}
        >
          <Input maxLength={200} style={{ width: 260 }} placeholder="如：社保系统批量比对" />
        </Form.Item>
        {dated && (
          <Form.Item label="生效日期（留空则按各申领需要的日期）" name="asOf">
            <DateInput />
          </Form.Item>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={saving} disabled={saving}>
        登记并重新判定
      </Button>
    </Form>
  );
}

export function BulkMissingFactsDialog({
  claimIds,
  open,
  onClose,
}: {
  claimIds: string[];
  open: boolean;
  onClose(changed: boolean): void;
}) {
  const [data, setData] = useState<MissingFacts[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string[]>([]);
  const [tick, setTick] = useState(0);
  const ids = claimIds.slice(0, 200).join(',');
  useEffect(() => {
    if (!open || !ids) return;
    setError(null);
    api<TMissingFactsBatch>('/claims/missing-facts', { query: { ids } })
      .then((r) => setData(r.items))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [open, ids, tick]);
  useEffect(() => {
    if (!open) {
      setData(null);
      setDone([]);
    }
  }, [open]);
  const { groups, other } = useMemo(() => groupMissing(data ?? []), [data]);
  return (
    <Dialog
      open={open}
      title={`补充所选 ${claimIds.length} 笔申领缺少的事实`}
      width={860}
      footer={null}
      onCancel={() => onClose(done.length > 0)}
      destroyOnHidden
    >
      {claimIds.length > 200 && <Alert type="info" showIcon title="一次最多处理 200 笔，其余的请稍后再选" style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} />}
      {done.map((d, i) => (
        <Alert key={i} type="success" showIcon title={d} style={{ marginBottom: 12 }} data-testid="bulk-facts-done" />
      ))}
      {data && groups.length === 0 && (
        <Empty description={other ? `所选申领缺少的 ${other} 项事实需由申请人补充或在其他页面办理` : '所选申领没有可在此登记的缺少事实'} />
      )}
      <Space orientation="vertical" style={{ width: '100%' }} size="large">
        {groups.map((g) => (
          <div key={g.key} data-testid="missing-fact-group">
            <Typography.Title level={5}>
              {g.subjects.reduce((n, s) => n + s.claimIds.length, 0)} 笔申领缺少：{g.title}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {g.sample.why}（{g.sample.clause}）
            </Typography.Paragraph>
            <GroupForm
              group={g}
              onDone={(t) => {
                setDone((d) => [...d, t]);
                setTick((x) => x + 1);
              }}
            />
          </div>
        ))}
        {data && groups.length > 0 && other > 0 && (
          <Typography.Text type="secondary">另有 {other} 项缺少的事实需由申请人补充，或在其他页面办理（见各申领详情）。</Typography.Text>
        )}
      </Space>
    </Dialog>
  );
}
