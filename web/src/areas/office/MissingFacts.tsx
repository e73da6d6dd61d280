// 待补充的事实: what an undecided claim (R10) waits for, said plainly — whose fact, which, for which
// date or year, the rule and clause that need it — with an inline form that records it (source and
// effective date) for the offices allowed to, then decides the claim again and shows the new decision.
// Used on the claim page and, for many claims at once, on 批量审核.
import type { TDecision } from '../../../../src/api/routes/claims.types.ts';
import type { Claim } from '../../types.ts';
import { useUnsavedGuard } from '../../unsaved-guard.tsx';
import { Alert, App as AntApp, Button, Card, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { clauseHeading, formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { nameOf, OUTCOME_NAMES } from '../../labels.ts';
import { showServerErrors } from '../../form-errors.ts';
import { answers, describe, type MissingFact, type MissingFacts } from './missing-facts-text.ts';
import { DateInput } from '../../date-input.tsx';

export { answers, describe, pathLabel, type MissingFact, type MissingFacts } from './missing-facts-text.ts';

/** The engine's decision as POST /claims/:id/decide returns it (extra fields are ignored). */
/** What the page shows of a decision (POST /claims/:id/decide). */
// A claim read back may have no amount yet (undecided): never shown as 0.
export type Decision = Pick<TDecision, 'outcome' | 'reasons'> & { amountFen: TDecision['amountFen'] | null };

interface FactForm {
  value: boolean;
  source: string;
  asOf?: Dayjs;
}

/** Records one missing fact (POST to the person's or enterprise's register). */
export async function recordFact(f: MissingFact, v: { value: boolean; source: string; asOf?: string }): Promise<void> {
  if (f.remedy === 'person_fact') {
    await api(`/people/${encodeURIComponent(f.subjectId ?? '')}/facts`, {
      method: 'POST',
      body: { fact: f.fact, value: v.value, source: v.source, asOf: v.asOf },
    });
  } else if (f.remedy === 'education_fund') {
    await api(`/enterprises/${encodeURIComponent(f.subjectId ?? '')}/education-fund`, {
      method: 'POST',
      body: { year: f.year, fullyUsed: v.value, source: v.source },
    });
  } else if (f.remedy === 'enterprise_insured') {
    await api(`/enterprises/${encodeURIComponent(f.subjectId ?? '')}/insured`, {
      method: 'POST',
      body: { value: v.value, asOf: v.asOf, source: v.source },
    });
  } else {
    throw new ApiError(0, 'client', '此项不能在这里登记');
  }
}

/**
 * Decides the claim again after a fact was recorded. When the server already decided it on recording
 * (the claim is no longer waiting), that decision is read back instead.
 */
export async function redecide(claimId: string): Promise<Decision> {
  const id = encodeURIComponent(claimId);
  try {
    return await api<TDecision>(`/claims/${id}/decide`, { method: 'POST', body: {} });
  } catch (e) {
    if (e instanceof ApiError && e.code === 'invalid_transition') {
      const c = await api<Claim>(`/claims/${id}`);
      return { outcome: c.outcome ?? 'undecided', amountFen: c.amountFen ?? null, reasons: c.reasons };
    }
    throw e;
  }
}

export const decisionText = (d: Decision) =>
  `${nameOf(OUTCOME_NAMES, d.outcome)}${d.outcome === 'eligible' ? (d.amountFen === null ? '（金额待定）' : `，核定金额 ${formatMoney(d.amountFen)}`) : d.outcome === 'undecided' ? '（仍缺少事实，金额待定）' : ''}`;

function RecordFactForm({ claimId, fact, onDone }: { claimId: string; fact: MissingFact; onDone(d: Decision): void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FactForm>();
  const guard = useUnsavedGuard(form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const a = answers(fact);
  // Person facts and the enterprise's insured status are dated (SPEC Facts in time); the fund is by year.
  const dated = fact.remedy === 'person_fact' || fact.remedy === 'enterprise_insured';
  const submit = async (v: FactForm) => {
    setSaving(true);
    setError(null);
    try {
      await recordFact(fact, { value: v.value, source: v.source.trim(), asOf: v.asOf?.format('YYYY-MM-DD') });
      guard.saved();
    } catch (e) {
      setError(showServerErrors(form, e, { value: 'value', fullyUsed: 'value', insured: 'value', source: 'source', asOf: 'asOf' }));
      setSaving(false);
      return;
    }
    try {
      const d = await redecide(claimId);
      message.success(`已登记，重新判定为：${decisionText(d)}`);
      onDone(d);
    } catch (e) {
      setError(`已登记，但重新判定失败：${e instanceof ApiError ? e.message : String(e)}`);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form
      form={form}
      layout="inline"
      style={{ rowGap: 8, marginTop: 8 }}
      onFinish={submit}
      aria-label={`登记${fact.factName}`}
      initialValues={{ asOf: fact.neededOn ? dayjs(fact.neededOn) : undefined }}
    >
      <Form.Item name="value" rules={[{ required: true, message: '请选择' }]}>
        <Radio.Group
          options={[
            { value: true, label: a.yes },
            { value: false, label: a.no },
          ]}
        />
      </Form.Item>
      <Form.Item
        label="来源"
        name="source"
        rules={[
          { required: true, whitespace: true, message: '请注明数据来源' },
          { max: 200, message: '不超过 200 字' },
        ]}
      >
        <Input maxLength={200} placeholder="如：社保系统查询、企业报送" style={{ width: 220 }} />
      </Form.Item>
      {dated && (
        <Form.Item label="生效日期" name="asOf" rules={[{ required: true, message: '请选择自何日起如此' }]}>
          <DateInput allowClear={false} />
        </Form.Item>
      )}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} disabled={saving}>
          登记并重新判定
        </Button>
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ width: '100%' }} />}
    </Form>
  );
}

export function MissingFactItem({ fact, claimId, onDone }: { fact: MissingFact; claimId?: string; onDone?(d: Decision): void }) {
  return (
    <div data-testid="missing-fact">
      <Typography.Text strong>{describe(fact)}</Typography.Text>
      <div>
        <Typography.Text type="secondary">为什么需要：</Typography.Text>
        {fact.why}
        {fact.clause && (
          <>
            {' '}
            <Tag style={{ marginLeft: 8 }}>{fact.clause}</Tag>
            {clauseHeading(fact.clause)}
          </>
        )}
      </div>
      <div>
        <Typography.Text type="secondary">如何补充：</Typography.Text>
        {fact.howTo}
      </div>
      {fact.canRecord && claimId && onDone && <RecordFactForm claimId={claimId} fact={fact} onDone={onDone} />}
    </div>
  );
}

/** The claim page's card: shown while the claim is undecided. */
export function MissingFactsCard({ claimId, onDecided }: { claimId: string; onDecided(d: Decision): void }) {
  const { data, error, loading, reload } = useApi<MissingFacts>(`/claims/${encodeURIComponent(claimId)}/missing-facts`);
  const done = (d: Decision) => {
    reload();
    onDecided(d);
  };
  return (
    <Card size="small" title="待补充的事实（判定结果待定，金额待定）" data-testid="missing-facts" loading={loading && !data}>
      {error ? (
        <Alert type="error" showIcon title={error.message} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">缺少的事实不按“否”或“零”计算；补充登记后重新判定。</Typography.Text>
          <List
            size="small"
            dataSource={data?.items ?? []}
            locale={{ emptyText: '没有待补充的事实' }}
            renderItem={(f) => (
              <List.Item key={f.path}>
                <MissingFactItem fact={f} claimId={claimId} onDone={done} />
              </List.Item>
            )}
          />
        </Space>
      )}
    </Card>
  );
}
