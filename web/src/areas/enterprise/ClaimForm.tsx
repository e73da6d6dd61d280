// One claim form for every program an enterprise or an individual may claim: the program chosen
// first, then only the facts that program's rules read (SPEC "Decisions by program"). The server's
// engine decides it later; a fact left empty stays unknown (the claim is then "待补充事实"), never false.
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { EntrepreneurshipTypeView } from '../../../../src/services/catalog/catalog-view.ts';
import { api, type Page } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { CERTIFICATE_NAMES, LEVEL_NAMES, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import type { Claim } from '../../types.ts';
import type { PlanView } from '../../../../src/services/plans/plan-view.ts';
import { applyServerError, options } from '../trainee/party-ui.tsx';

type Field =
  | 'employer' | 'occupation' | 'level' | 'hours' | 'days' | 'qualified' | 'certificate' | 'newHire' | 'contractMonths'
  | 'plan' | 'insuredMonths' | 'trainingClaim' | 'entrepreneurshipType' | 'provider';

interface ProgramForm { clause: string; hint: string; fields: Field[]; certificates?: string[]; required?: Field[] }

const LEVEL_CERTS = ['vocational_qualification', 'skill_level'];
const R13_CERTS = ['vocational_qualification', 'skill_level', 'special_ability', 'safety', 'special_operation', 'training'];

/** What each program's rules read (SPEC "Decisions by program"), in the order a user knows it. */
export const PROGRAM_FORMS: Record<string, ProgramForm> = {
  apprenticeship: { clause: '§4.1', hint: '新招用或转岗的技能岗位职工，劳动合同一年以上，培养计划已列入计划；按月折算，最长24个月；预付款在核定时扣除。', fields: ['plan', 'occupation', 'level', 'newHire', 'contractMonths', 'qualified', 'certificate'], certificates: LEVEL_CERTS, required: ['plan', 'occupation', 'level'] },
  skill_upgrade: { clause: '§4.2', hint: '企业职工参加中长期技能等级提升培训，取得职业资格或职业技能等级证书，按目录标准补贴。', fields: ['employer', 'occupation', 'level', 'hours', 'provider', 'qualified', 'certificate'], certificates: LEVEL_CERTS, required: ['employer', 'occupation', 'level'] },
  short_term: { clause: '§4.3', hint: '在岗职工短期岗位技能培训，培训内容须事先备案，实际参训不少于28学时，考核合格取得证书，每人500元。', fields: ['hours', 'qualified', 'certificate'], certificates: R13_CERTS, required: ['hours'] },
  pre_job: { clause: '§4.4', hint: '新招用职工岗前技能培训，培训内容须事先备案；劳动合同1至2年1000元，2年以上1500元。', fields: ['newHire', 'contractMonths', 'qualified', 'certificate'], certificates: R13_CERTS, required: ['contractMonths'] },
  transfer: { clause: '§4.5', hint: '经认定的困难企业职工转岗转业培训，按就业技能培训目录标准补贴。', fields: ['occupation', 'level', 'qualified', 'certificate'], certificates: R13_CERTS, required: ['occupation', 'level'] },
  work_for_training: { clause: '§4.8', hint: '吸纳贫困劳动力、就业困难人员、零就业家庭成员就业并参保，每人每月200元，最长6个月；不与岗前培训补贴同时享受。', fields: ['newHire', 'insuredMonths'], required: ['insuredMonths'] },
  safety: { clause: '§4.10', hint: '安全生产和特种作业人员安全技能培训，取得安全合格证书或特种作业操作证书，每人1000元。', fields: ['occupation', 'qualified', 'certificate'], certificates: ['safety', 'special_operation'] },
  employment_skill: { clause: '§4.6', hint: '重点群体参加就业技能培训，按目录标准补贴；在校大学生按80%；免费群体由培训机构申领。', fields: ['occupation', 'level', 'provider', 'qualified', 'certificate'], certificates: ['vocational_qualification', 'skill_level', 'special_ability', 'training'], required: ['occupation', 'level'] },
  living_allowance: { clause: '§4.6', hint: '贫困劳动力、就业困难人员、零就业家庭成员等在就业技能培训期间，每个实际参训日50元。须选择对应的就业技能培训申领。', fields: ['trainingClaim', 'days'], required: ['trainingClaim', 'days'] },
  entrepreneurship: { clause: '§4.7', hint: '有创业意愿的重点群体在具备创业培训资质的机构参加创业培训，按培训类别定额补贴。', fields: ['entrepreneurshipType', 'provider', 'certificate'], certificates: ['entrepreneurship'], required: ['entrepreneurshipType', 'provider'] },
  appraisal: { clause: '§4.0', hint: '首次参加职业技能鉴定并取得职业资格或职业技能等级证书的，按目录鉴定补贴标准补贴给本人。', fields: ['occupation', 'level', 'certificate'], certificates: LEVEL_CERTS, required: ['occupation', 'level'] },
};
export const ENTERPRISE_PROGRAMS = ['apprenticeship', 'skill_upgrade', 'short_term', 'pre_job', 'transfer', 'work_for_training', 'safety'] as const;
/** R2/R12: what an individual may claim in their own name (§4.2 names the employer; §4.6, §4.7 and appraisal are the trainee's). */
export const INDIVIDUAL_PROGRAMS = ['skill_upgrade', 'employment_skill', 'living_allowance', 'entrepreneurship', 'appraisal'] as const;

interface Values {
  program: string; residentId?: string; enterpriseUscc?: string; period?: [Dayjs, Dayjs]; occupationCode?: string; level?: string;
  attendedHours?: number; attendedDays?: number; qualified?: 'yes' | 'no'; certificate?: { type?: string; number?: string };
  newHire?: 'yes' | 'no'; contractMonths?: number; apprenticeshipPlanId?: string; insuredMonths?: number; trainingClaimId?: string;
  entrepreneurshipType?: string; providerId?: string; classId?: string;
}
const KNOWN = ['program', 'residentId', 'enterpriseUscc', 'startDate', 'endDate', 'occupationCode', 'level', 'attendedHours', 'attendedDays', 'qualified',
  'certificate.type', 'certificate.number', 'newHire', 'contractMonths', 'apprenticeshipPlanId', 'insuredMonths', 'trainingClaimId', 'entrepreneurshipType', 'providerId', 'classId'];

const yesNo = (v: 'yes' | 'no' | undefined) => (v === undefined ? null : v === 'yes');
const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** The request body from the form: only the chosen program's facts; an empty answer is sent as unknown (null). */
export function claimBody(v: Values, form: ProgramForm, fixed: { residentId?: string | null; enterpriseUscc?: string | null }) {
  const has = (f: Field) => form.fields.includes(f);
  const level = v.level === undefined ? null : v.level === 'special' ? 'special' : Number(v.level);
  return {
    program: v.program,
    residentId: fixed.residentId ?? v.residentId?.trim(),
    enterpriseUscc: fixed.enterpriseUscc ?? (has('employer') ? trimmed(v.enterpriseUscc) : null),
    startDate: v.period?.[0].format('YYYY-MM-DD'), endDate: v.period?.[1].format('YYYY-MM-DD'),
    classId: trimmed(v.classId),
    ...(has('occupation') ? { occupationCode: trimmed(v.occupationCode) } : {}),
    ...(has('level') ? { level } : {}),
    ...(has('hours') ? { attendedHours: v.attendedHours ?? null } : {}),
    ...(has('days') ? { attendedDays: v.attendedDays ?? null } : {}),
    ...(has('qualified') ? { qualified: yesNo(v.qualified) } : {}),
    ...(has('certificate') ? { certificate: v.certificate?.type ? { type: v.certificate.type, number: trimmed(v.certificate.number) } : null } : {}),
    ...(has('newHire') ? { newHire: yesNo(v.newHire) } : {}),
    ...(has('contractMonths') ? { contractMonths: v.contractMonths ?? null } : {}),
    ...(has('plan') ? { apprenticeshipPlanId: v.apprenticeshipPlanId ?? null } : {}),
    ...(has('insuredMonths') ? { insuredMonths: v.insuredMonths ?? null } : {}),
    ...(has('trainingClaim') ? { trainingClaimId: v.trainingClaimId ?? null } : {}),
    ...(has('entrepreneurshipType') ? { entrepreneurshipType: v.entrepreneurshipType ?? null } : {}),
    ...(has('provider') ? { providerId: trimmed(v.providerId) } : {}),
  };
}

export function ClaimForm({ programs, title }: { programs: readonly string[]; title: string }) {
  const { me } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const program = Form.useWatch('program', form);
  const spec = program ? PROGRAM_FORMS[program] : undefined;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isEnterprise = me?.role === 'enterprise';
  const has = (f: Field) => spec?.fields.includes(f) ?? false;
  const must = (f: Field) => spec?.required?.includes(f) ?? false;

  const plans = useApi<Page<PlanView>>(isEnterprise && has('plan') ? '/plans' : null, { status: 'listed', pageSize: 200 });
  const trainings = useApi<Page<Claim>>(!isEnterprise && has('trainingClaim') ? '/claims' : null, { program: 'employment_skill', pageSize: 200 });
  const types = useApi<EntrepreneurshipTypeView[]>(has('entrepreneurshipType') ? '/entrepreneurship-types' : null);

  const submit = async (v: Values) => {
    if (!spec) return;
    setSaving(true);
    setError(null);
    try {
      const body = claimBody(v, spec, { residentId: me?.role === 'trainee' ? me.residentId : null, enterpriseUscc: isEnterprise ? me?.enterpriseUscc : null });
      const res = await api<{ id: string }>('/claims', { method: 'POST', body });
      navigate(`/claims/${encodeURIComponent(res.id)}`);
    } catch (e) {
      const rest = applyServerError(form, e, KNOWN);
      if (rest && /startDate|endDate/.test((e as { field?: string }).field ?? '')) form.setFields([{ name: 'period', errors: [rest.replace(/^\w+: /, '')] }]);
      else setError(rest);
    } finally {
      setSaving(false);
    }
  };

  const req = (f: Field, what: string) => (must(f) ? [{ required: true, message: `请填写${what}` }] : []);
  const yesNoRadio = (yes: string, no: string) => <Radio.Group optionType="button" options={[{ value: 'yes', label: yes }, { value: 'no', label: no }]} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 860 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{title}</Typography.Title>
      <Form form={form} name="claim" layout="vertical" onFinish={submit} aria-label={title} onValuesChange={(changed) => { if ('program' in changed) setError(null); }}>
        <Card size="small" title="1. 选择补贴项目">
          <Form.Item label="补贴项目" name="program" rules={[{ required: true, message: '请选择补贴项目' }]}>
            <Select placeholder="请选择" options={programs.map((p) => ({ value: p, label: `${nameOf(PROGRAM_NAMES, p)}（${PROGRAM_FORMS[p]!.clause}）` }))} />
          </Form.Item>
          {spec && <Alert type="info" showIcon title={spec.hint} />}
        </Card>
        {spec && (
          <Card size="small" title="2. 培训事实" style={{ marginTop: 16 }}>
            <Typography.Paragraph type="secondary">未知的事实可以留空，系统判定为“待补充事实”并列出所缺事实，不会按“否”处理。</Typography.Paragraph>
            <Space wrap align="start" size="large">
              {isEnterprise && (
                <Form.Item label="职工身份证号" name="residentId" rules={[{ required: true, whitespace: true, message: '请填写职工身份证号' }, { len: 18, message: '身份证号应为18位' }]}>
                  <Input maxLength={18} style={{ width: 220 }} />
                </Form.Item>
              )}
              {!isEnterprise && has('employer') && (
                <Form.Item label="用人单位统一社会信用代码" name="enterpriseUscc" rules={[...req('employer', '用人单位统一社会信用代码'), { len: 18, message: '统一社会信用代码应为18位' }]}>
                  <Input maxLength={18} style={{ width: 240 }} />
                </Form.Item>
              )}
              <Form.Item label="培训起止日期（开班—结业）" name="period" rules={[{ required: true, message: '请选择培训起止日期' }]}>
                <DatePicker.RangePicker />
              </Form.Item>
              {has('plan') && (
                <Form.Item label="学徒培养计划" name="apprenticeshipPlanId" rules={req('plan', '学徒培养计划')}>
                  <Select style={{ width: 320 }} loading={plans.loading} placeholder="已列入计划的培养计划"
                    options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.residentId} · ${p.occupationCode} · ${nameOf(LEVEL_NAMES, p.level)}` }))} />
                </Form.Item>
              )}
              {has('trainingClaim') && (
                <Form.Item label="对应的就业技能培训申领" name="trainingClaimId" rules={req('trainingClaim', '对应的就业技能培训申领')}>
                  <Select style={{ width: 320 }} loading={trainings.loading} placeholder="请选择"
                    options={(trainings.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.startDate}—${c.endDate} · ${c.occupationCode ?? ''}` }))} />
                </Form.Item>
              )}
              {has('entrepreneurshipType') && (
                <Form.Item label="创业培训类别" name="entrepreneurshipType" rules={req('entrepreneurshipType', '创业培训类别')}>
                  <Select style={{ width: 260 }} loading={types.loading} placeholder="请选择"
                    options={(types.data ?? []).map((t) => ({ value: t.code, label: `${t.name}（${formatMoney(t.amountFen)}）` }))} />
                </Form.Item>
              )}
              {has('occupation') && (
                <Form.Item label="职业（工种）代码" name="occupationCode" rules={req('occupation', '职业（工种）代码')}>
                  <Input placeholder="如 6-18-02-04" style={{ width: 200 }} />
                </Form.Item>
              )}
              {has('level') && (
                <Form.Item label="等级" name="level" rules={req('level', '等级')}>
                  <Select style={{ width: 180 }} placeholder="请选择" options={options(LEVEL_NAMES)} />
                </Form.Item>
              )}
              {has('provider') && (
                <Form.Item label="培训机构编号" name="providerId" rules={req('provider', '培训机构编号')}>
                  <Input style={{ width: 160 }} placeholder="如 P001" />
                </Form.Item>
              )}
              {has('hours') && (
                <Form.Item label="实际参训学时" name="attendedHours" rules={req('hours', '实际参训学时')}>
                  <InputNumber min={0} max={100000} style={{ width: 160 }} />
                </Form.Item>
              )}
              {has('days') && (
                <Form.Item label="实际参训天数" name="attendedDays" rules={req('days', '实际参训天数')}>
                  <InputNumber min={0} max={10000} precision={0} style={{ width: 160 }} />
                </Form.Item>
              )}
              {has('newHire') && <Form.Item label="是否新招用（转岗）职工" name="newHire">{yesNoRadio('是', '否')}</Form.Item>}
              {has('contractMonths') && (
                <Form.Item label="劳动合同期限（月）" name="contractMonths" rules={req('contractMonths', '劳动合同期限')}>
                  <InputNumber min={0} max={1200} style={{ width: 160 }} />
                </Form.Item>
              )}
              {has('insuredMonths') && (
                <Form.Item label="参保月数" name="insuredMonths" rules={req('insuredMonths', '参保月数')}>
                  <InputNumber min={0} max={1200} precision={0} style={{ width: 160 }} />
                </Form.Item>
              )}
              {has('qualified') && <Form.Item label="考核结果" name="qualified">{yesNoRadio('合格', '不合格')}</Form.Item>}
              {has('certificate') && (
                <>
                  <Form.Item label="证书类型" name={['certificate', 'type']}>
                    <Select allowClear style={{ width: 200 }} placeholder="请选择" options={(spec.certificates ?? []).map((c) => ({ value: c, label: nameOf(CERTIFICATE_NAMES, c) }))} />
                  </Form.Item>
                  <Form.Item label="证书编号" name={['certificate', 'number']} rules={[{ max: 80, message: '不超过80个字符' }]}>
                    <Input style={{ width: 200 }} />
                  </Form.Item>
                </>
              )}
              <Form.Item label="培训班编号（可选）" name="classId">
                <Input style={{ width: 300 }} />
              </Form.Item>
            </Space>
          </Card>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={saving} disabled={saving || !spec}>提交申领</Button>
          <Button onClick={() => navigate(-1)}>取消</Button>
        </Space>
      </Form>
    </Space>
  );
}
