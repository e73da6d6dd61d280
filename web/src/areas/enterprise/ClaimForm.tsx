// One claim form for every program an enterprise or an individual may claim: the program chosen
// first, then only the facts that program's rules read (SPEC "Decisions by program"). The server's
// engine decides it later; a fact left empty stays unknown (the claim is then "待补充事实"), never false.
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useUnsavedGuard } from '../../unsaved-guard.tsx';
import type { TEntrepreneurshipTypeView as EntrepreneurshipTypeView } from '../../../../src/api/routes/catalog.types.ts';
import { api, type Page } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { CERTIFICATE_NAMES, LEVEL_NAMES, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import type { Claim } from '../../types.ts';
import type { TPlanView as PlanView } from '../../../../src/api/routes/plans.types.ts';
import { applyServerError, options } from '../trainee/party-ui.tsx';
import { claimBody, KNOWN, PROGRAM_FORMS, type Field, type Values } from './claim-programs.ts';
import { DateRangeInput } from '../../date-input.tsx';

export { ENTERPRISE_PROGRAMS, INDIVIDUAL_PROGRAMS } from './claim-programs.ts';

export function ClaimForm({ programs, title }: { programs: readonly string[]; title: string }) {
  const { me } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(form);
  const program = Form.useWatch('program', form);
  const spec = program ? PROGRAM_FORMS[program] : undefined;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isEnterprise = me?.role === 'enterprise';
  const has = (f: Field) => spec?.fields.includes(f) ?? false;
  const must = (f: Field) => spec?.required?.includes(f) ?? false;

  const plans = useApi<Page<PlanView>>(isEnterprise && has('plan') ? '/plans' : null, { status: 'listed', pageSize: 200 });
  const trainings = useApi<Page<Claim>>(!isEnterprise && has('trainingClaim') ? '/claims' : null, {
    program: 'employment_skill',
    pageSize: 200,
  });
  const types = useApi<EntrepreneurshipTypeView[]>(has('entrepreneurshipType') ? '/entrepreneurship-types' : null);

  const submit = async (v: Values) => {
    if (!spec) return;
    setSaving(true);
    setError(null);
    try {
      const body = claimBody(v, spec, {
        residentId: me?.role === 'trainee' ? me.residentId : null,
        enterpriseUscc: isEnterprise ? me?.enterpriseUscc : null,
      });
      const res = await api<{ id: string }>('/claims', { method: 'POST', body });
      guard.saved();
      navigate(`/claims/${encodeURIComponent(res.id)}`);
    } catch (e) {
      const rest = applyServerError(form, e, KNOWN);
      if (rest && /startDate|endDate/.test((e as { field?: string }).field ?? ''))
        form.setFields([{ name: 'period', errors: [rest.replace(/^\w+: /, '')] }]);
      else setError(rest);
    } finally {
      setSaving(false);
    }
  };

  const req = (f: Field, what: string) => (must(f) ? [{ required: true, message: `请填写${what}` }] : []);
  const held = Form.useWatch('certificateHeld', form) as string | undefined;
  const yesNoRadio = (yes: string, no: string) => (
    <Radio.Group
      optionType="button"
      options={[
        { value: 'yes', label: yes },
        { value: 'no', label: no },
      ]}
    />
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 860 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Form
        form={form}
        name="claim"
        layout="vertical"
        onFinish={submit}
        aria-label={title}
        onValuesChange={(changed) => {
          if ('program' in changed) setError(null);
        }}
      >
        <Card size="small" title="1. 选择补贴项目">
          <Form.Item label="补贴项目" name="program" rules={[{ required: true, message: '请选择补贴项目' }]}>
            <Select
              placeholder="请选择"
              options={programs.map((p) => ({ value: p, label: `${nameOf(PROGRAM_NAMES, p)}（${PROGRAM_FORMS[p]!.clause}）` }))}
            />
          </Form.Item>
          {spec && <Alert type="info" showIcon title={spec.hint} />}
        </Card>
        {spec && (
          <Card size="small" title="2. 培训事实" style={{ marginTop: 16 }}>
            <Typography.Paragraph type="secondary">
              未知的事实可以留空，系统判定为“待补充事实”并列出所缺事实，不会按“否”处理。
            </Typography.Paragraph>
            <Space wrap align="start" size="large">
              {isEnterprise && (
                <Form.Item
                  label="职工身份证号"
                  name="residentId"
                  rules={[
                    { required: true, whitespace: true, message: '请填写职工身份证号' },
                    { len: 18, message: '身份证号应为18位' },
                  ]}
                >
                  <Input maxLength={18} style={{ width: 220 }} />
                </Form.Item>
              )}
              {isEnterprise && (
                <Form.Item
                  label="职工姓名"
                  name="name"
                  rules={[{ required: true, whitespace: true, message: '请填写职工姓名' }]}
                  extra="与身份证号一起实名核验（§5.2）"
                >
                  <Input maxLength={40} style={{ width: 160 }} />
                </Form.Item>
              )}
              {!isEnterprise && has('employer') && (
                <Form.Item
                  label="用人单位统一社会信用代码"
                  name="enterpriseUscc"
                  rules={[...req('employer', '用人单位统一社会信用代码'), { len: 18, message: '统一社会信用代码应为18位' }]}
                >
                  <Input maxLength={18} style={{ width: 240 }} />
                </Form.Item>
              )}
              <Form.Item label="培训起止日期（开班—结业）" name="period" rules={[{ required: true, message: '请选择培训起止日期' }]}>
                <DateRangeInput />
              </Form.Item>
              {has('plan') && (
                <Form.Item label="学徒培养计划" name="apprenticeshipPlanId" rules={req('plan', '学徒培养计划')}>
                  <Select
                    style={{ width: 320 }}
                    loading={plans.loading}
                    placeholder="已列入计划的培养计划"
                    options={(plans.data?.items ?? []).map((p) => ({
                      value: p.id,
                      label: `${p.residentId} · ${p.occupationCode} · ${nameOf(LEVEL_NAMES, p.level)}`,
                    }))}
                  />
                </Form.Item>
              )}
              {has('trainingClaim') && (
                <Form.Item label="对应的就业技能培训申领" name="trainingClaimId" rules={req('trainingClaim', '对应的就业技能培训申领')}>
                  <Select
                    style={{ width: 320 }}
                    loading={trainings.loading}
                    placeholder="请选择"
                    options={(trainings.data?.items ?? []).map((c) => ({
                      value: c.id,
                      label: `${c.startDate}—${c.endDate} · ${c.occupationCode ?? ''}`,
                    }))}
                  />
                </Form.Item>
              )}
              {has('entrepreneurshipType') && (
                <Form.Item label="创业培训类别" name="entrepreneurshipType" rules={req('entrepreneurshipType', '创业培训类别')}>
                  <Select
                    style={{ width: 260 }}
                    loading={types.loading}
                    placeholder="请选择"
                    options={(types.data ?? []).map((t) => ({ value: t.code, label: `${t.name}（${formatMoney(t.amountFen)}）` }))}
                  />
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
              {has('newHire') && (
                <Form.Item label="是否新招用（转岗）职工" name="newHire">
                  {yesNoRadio('是', '否')}
                </Form.Item>
              )}
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
              {has('qualified') && (
                <Form.Item label="考核结果" name="qualified">
                  {yesNoRadio('合格', '不合格')}
                </Form.Item>
              )}
              {has('certificate') && (
                <>
                  <Form.Item
                    label="证书"
                    name="certificateHeld"
                    extra="补贴以取得证书为条件（§4.0）：没有证书的申领按不符合判定，请如实选择"
                    rules={[
                      { required: true, message: '请选择是否已取得证书' },
                      {
                        validator: (_: unknown, v?: string) =>
                          v === 'pending' ? Promise.reject(new Error('尚未取得证书的，请取得证书后再提交申领')) : Promise.resolve(),
                      },
                    ]}
                  >
                    <Radio.Group
                      optionType="button"
                      options={[
                        { value: 'yes', label: '有证书' },
                        { value: 'no', label: '无证书' },
                        { value: 'pending', label: '尚未取得' },
                      ]}
                    />
                  </Form.Item>
                  {held === 'yes' && (
                    <>
                      <Form.Item label="证书类型" name={['certificate', 'type']} rules={[{ required: true, message: '请选择证书类型' }]}>
                        <Select
                          allowClear
                          style={{ width: 200 }}
                          placeholder="请选择"
                          options={(spec.certificates ?? []).map((c) => ({ value: c, label: nameOf(CERTIFICATE_NAMES, c) }))}
                        />
                      </Form.Item>
                      <Form.Item label="证书编号" name={['certificate', 'number']} rules={[{ max: 80, message: '不超过80个字符' }]}>
                        <Input style={{ width: 200 }} />
                      </Form.Item>
                    </>
                  )}
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
          <Button type="primary" htmlType="submit" loading={saving} disabled={saving || !spec}>
            提交申领
          </Button>
          <Button onClick={() => navigate(-1)}>取消</Button>
        </Space>
      </Form>
    </Space>
  );
}
