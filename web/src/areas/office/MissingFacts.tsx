// 待补充的事实: what an undecided claim (R10) waits for, said plainly — whose fact, which, for which
// date or year, the rule and clause that need it — with an inline form that records it (source and
// effective date) for the offices allowed to, then decides the claim again and shows the new decision.
// Used on the claim page and, for many claims at once, on 批量审核.
import { Alert, App as AntApp, Button, Card, DatePicker, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { clauseHeading, formatDate, formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { nameOf, OUTCOME_NAMES } from '../../labels.ts';
import { showServerErrors } from '../../form-errors.ts';

export interface MissingFact {
  path: string;
  subject: 'person' | 'enterprise' | 'claim';
  subjectId: string | null;
  subjectName: string;
  fact: string;
  factName: string;
  neededOn: string | null;
  year: number | null;
  rule: string;
  clause: string;
  why: string;
  remedy: 'person_fact' | 'education_fund' | 'enterprise_insured' | 'claim_field' | 'plan_listing';
  canRecord: boolean;
  howTo: string;
}
export interface MissingFacts { claimId: string; outcome: string | null; items: MissingFact[] }

/** The engine's decision as POST /claims/:id/decide returns it (extra fields are ignored). */
export interface Decision { outcome: string; amountFen: number; reasons: string[] }

/** The yes/no answers of a fact, in its own words. */
export function answers(f: Pick<MissingFact, 'fact' | 'remedy'>): { yes: string; no: string } {
  if (f.remedy === 'education_fund') return { yes: '足额提取并使用', no: '未足额提取使用' };
  if (f.fact === 'pensionEntitled') return { yes: '具有按月领取养老金资格', no: '不具有' };
  if (f.fact === 'rural') return { yes: '农村户籍', no: '非农村户籍' };
  if (f.fact === 'earlierAppraisal') return { yes: '此前参加过鉴定', no: '此前未参加过鉴定' };
  return { yes: '是', no: '否' };
}

/** "多拉（身份证号 …）的“具有按月领取养老金资格”，需要 2020年3月2日 时的情况" */
export function describe(f: MissingFact): string {
  const whose = f.subject === 'claim' ? f.subjectName : `${f.subjectName}${f.subjectId ? `（${f.subject === 'person' ? '身份证号' : '统一社会信用代码'} ${f.subjectId}）` : ''}`;
  const when = f.year != null ? `（${f.year}年度）` : f.neededOn ? `，需要 ${formatDate(f.neededOn)} 时的情况` : '';
  return `${whose}的“${f.factName}”${when}`;
}

interface FactForm { value: boolean; source: string; asOf?: Dayjs }

/** Records one missing fact (POST to the person's or enterprise's register). */
export async function recordFact(f: MissingFact, v: { value: boolean; source: string; asOf?: string }): Promise<void> {
  if (f.remedy === 'person_fact') {
    await api(`/people/${encodeURIComponent(f.subjectId ?? '')}/facts`, { method: 'POST', body: { fact: f.fact, value: v.value, source: v.source, asOf: v.asOf } });
  } else if (f.remedy === 'education_fund') {
    await api(`/enterprises/${encodeURIComponent(f.subjectId ?? '')}/education-fund`, { method: 'POST', body: { year: f.year, fullyUsed: v.value, source: v.source } });
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
    return await api<Decision>(`/claims/${id}/decide`, { method: 'POST', body: {} });
  } catch (e) {
    if (e instanceof ApiError && e.code === 'invalid_transition') {
      const c = await api<{ outcome: string | null; amountFen: number | null; reasons: string[] }>(`/claims/${id}`);
      return { outcome: c.outcome ?? 'undecided', amountFen: c.amountFen ?? 0, reasons: c.reasons };
    }
    throw e;
  }
}

export const decisionText = (d: Decision) =>
  `${nameOf(OUTCOME_NAMES, d.outcome)}${d.outcome === 'eligible' ? `，核定金额 ${formatMoney(d.amountFen)}` : d.outcome === 'undecided' ? '（仍缺少事实，金额待定）' : ''}`;

function RecordFactForm({ claimId, fact, onDone }: { claimId: string; fact: MissingFact; onDone(d: Decision): void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FactForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const a = answers(fact);
  const dated = fact.remedy === 'person_fact';
  const submit = async (v: FactForm) => {
    setSaving(true);
    setError(null);
    try {
      await recordFact(fact, { value: v.value, source: v.source.trim(), asOf: v.asOf?.format('YYYY-MM-DD') });
    } catch (e) {
      setError(showServerErrors(form, e, { value: 'value', fullyUsed: 'value', source: 'source', asOf: 'asOf' }));
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
    <Form form={form} layout="inline" style={{ rowGap: 8, marginTop: 8 }} onFinish={submit} aria-label={`登记${fact.factName}`}
      initialValues={{ asOf: fact.neededOn ? dayjs(fact.neededOn) : undefined }}>
      <Form.Item name="value" rules={[{ required: true, message: '请选择' }]}>
        <Radio.Group options={[{ value: true, label: a.yes }, { value: false, label: a.no }]} />
      </Form.Item>
      <Form.Item label="来源" name="source" rules={[{ required: true, whitespace: true, message: '请注明数据来源' }, { max: 200, message: '不超过 200 字' }]}>
        <Input maxLength={200} placeholder="如：社保系统查询、企业报送" style={{ width: 220 }} />
      </Form.Item>
      {dated && (
        <Form.Item label="生效日期" name="asOf" rules={[{ required: true, message: '请选择自何日起如此' }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
      )}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} disabled={saving}>登记并重新判定</Button>
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
        <Typography.Text type="secondary">为什么需要：</Typography.Text>{fact.why}
        {fact.clause && <> <Tag style={{ marginLeft: 8 }}>{fact.clause}</Tag>{clauseHeading(fact.clause)}</>}
      </div>
      <div><Typography.Text type="secondary">如何补充：</Typography.Text>{fact.howTo}</div>
      {fact.canRecord && claimId && onDone && <RecordFactForm claimId={claimId} fact={fact} onDone={onDone} />}
    </div>
  );
}

/** The claim page's card: shown while the claim is undecided. */
export function MissingFactsCard({ claimId, onDecided }: { claimId: string; onDecided(): void }) {
  const { data, error, loading, reload } = useApi<MissingFacts>(`/claims/${encodeURIComponent(claimId)}/missing-facts`);
  const [last, setLast] = useState<Decision | null>(null);
  const done = (d: Decision) => { setLast(d); reload(); onDecided(); };
  return (
    <Card size="small" title="待补充的事实（判定结果待定，金额待定）" data-testid="missing-facts" loading={loading && !data}>
      {last && <Alert type={last.outcome === 'eligible' ? 'success' : 'info'} showIcon style={{ marginBottom: 12 }} data-testid="redecided" title={`已重新判定：${decisionText(last)}`} />}
      {error ? <Alert type="error" showIcon title={error.message} /> : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">缺少的事实不按“否”或“零”计算；补充登记后重新判定。</Typography.Text>
          <List size="small" dataSource={data?.items ?? []} locale={{ emptyText: '没有待补充的事实' }}
            renderItem={(f) => <List.Item key={f.path}><MissingFactItem fact={f} claimId={claimId} onDone={done} /></List.Item>} />
        </Space>
      )}
    </Card>
  );
}

const PERSON_FIELD_NAMES: Record<string, string> = {
  groups: '所属人员类别', rural: '农村户籍', pensionEntitled: '具有按月领取养老金资格', earlierAppraisal: '此前参加过职业技能鉴定', name: '姓名', id: '身份证号',
};
const CLAIM_FIELD_NAMES: Record<string, string> = {
  attendedHours: '实到学时', attendedDays: '实到培训天数', contractMonths: '劳动合同期限（月）', newHire: '新招用（新录用）人员',
  planApproved: '学徒培训计划已列入计划', qualified: '考核（鉴定）合格', level: '等级', occupationCode: '职业（工种）',
  trainingRef: '所属的就业技能培训申领', entrepreneurshipType: '创业培训类别', insuredMonths: '以工代训参保月数',
  projectId: '项目制培训项目', contractPerTraineeYuan: '项目合同单价（元）', contractTotalYuan: '项目合同总额（元）', certificate: '证书',
  startDate: '培训开始日期', endDate: '培训结束日期', program: '培训项目', applicant: '申请人类型', enterpriseUscc: '用工企业',
};

/** An engine input path as a label users can read: `enterprises[4].educationFundFullyUsed.2021` → 企业：2021年足额提取使用职工教育经费. */
export function pathLabel(path: string): string {
  const m = /^(people|enterprises|claims|catalog)\[(\d+)\](?:\.([A-Za-z]+)(?:\.(\d{4}))?)?$/.exec(path);
  if (!m) return path.includes('[') ? '其他记录' : path;
  const [, collection, , field, year] = m;
  if (collection === 'catalog') return '补贴目录条目';
  if (collection === 'people') return `人员：${PERSON_FIELD_NAMES[field ?? ''] ?? field ?? ''}`;
  if (collection === 'enterprises') {
    if (field === 'educationFundFullyUsed') return `企业：${year ? `${year}年` : ''}足额提取使用职工教育经费`;
    return `企业：${field === 'insured' ? '依法参加社会保险' : field === 'difficulty' ? '困难企业认定' : field ?? ''}`;
  }
  return `申领：${CLAIM_FIELD_NAMES[field ?? ''] ?? field ?? ''}`;
}
