// 开班申请: the provider's application form (program, occupation + level from the catalog, dates,
// hours, venue, teachers, sessions). It checks as you type with THE SAME pure function the server
// refuses an application with (src/policy/class-application.ts), each problem next to its field with
// the clause it rests on, and warns when the choice falls outside the provider's licence scope (§3).
// Saving keeps it a draft; the roster is uploaded as Excel on the class's page, and submitted there.
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Skeleton, Space, Typography, message } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, type Page } from '../../api.ts';
import { namePath, showServerErrors } from '../../form-errors.ts';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { useUnsavedGuard } from '../../unsaved-guard.tsx';
import { clauseHeading, formatDate } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { AREA_NAMES, LEVEL_NAMES, PROGRAM_NAMES } from '../../labels.ts';
import { RequireAuth } from '../../layout/RequireAuth.tsx';
import type { CatalogEntry, Provider } from '../../types.ts';
import {
  CATALOG_SECTION_OF,
  CLASS_PROGRAMS,
  classApplicationProblems,
  problemText,
  scopeCovers,
  type ApplicationProblem,
  type ClassApplicationDraft,
} from '../../../../src/policy/class-application.ts';
import type { ClassDetail } from './types.ts';

interface FormValues {
  program?: string;
  occupationCode?: string;
  level?: string;
  entrepreneurshipType?: string;
  projectId?: string;
  enterpriseUscc?: string;
  filingId?: string;
  areaCode?: string;
  startDate?: string;
  endDate?: string;
  hours?: number | null;
  venue?: string;
  teachers?: { name?: string; qualification?: string }[];
  sessions?: { day?: string; startsAt?: string; endsAt?: string; hours?: number | null }[];
}

const text = (v: string | undefined | null) => (v == null || v.trim() === '' ? null : v.trim());

/** The form's values as the application the policy check and the API read. */
function draftOf(
  v: FormValues,
  trainees: ClassApplicationDraft['trainees'],
): ClassApplicationDraft & { areaCode: string | null; filingId: string | null; venue: string } {
  return {
    program: v.program ?? null,
    enterpriseUscc: text(v.enterpriseUscc)?.toUpperCase() ?? null,
    occupationCode: text(v.occupationCode),
    level: v.level ?? null,
    entrepreneurshipType: text(v.entrepreneurshipType),
    projectId: text(v.projectId),
    filingId: text(v.filingId),
    areaCode: v.areaCode ?? null,
    startDate: v.startDate || null,
    endDate: v.endDate || null,
    hours: v.hours ?? null,
    venue: v.venue ?? '',
    teachers: (v.teachers ?? []).map((t) => ({ name: t?.name ?? '', qualification: text(t?.qualification) })),
    trainees,
    sessions: (v.sessions ?? []).map((s) => ({
      day: s?.day ?? '',
      startsAt: s?.startsAt ?? '',
      endsAt: s?.endsAt ?? '',
      hours: s?.hours ?? 0,
    })),
  };
}

export default function ClassFormPage() {
  return (
    <RequireAuth>
      <ClassForm />
    </RequireAuth>
  );
}

function ClassForm() {
  const { id } = useParams();
  const { me } = useAuth();
  const existing = useApi<ClassDetail>(id ? `/classes/${encodeURIComponent(id)}` : null);
  const provider = useApi<Provider>(me?.providerId ? `/providers/${encodeURIComponent(me.providerId)}` : null);
  if (me && me.role !== 'provider') {
    return <Alert type="warning" showIcon title="开班申请由培训机构填写" description="人社部门在培训班详情中审查开班申请。" />;
  }
  if (id && existing.error) return <LoadError error={existing.error} what="培训班" onRetry={existing.reload} />;
  if ((id && !existing.data) || (me?.providerId && !provider.data && !provider.error)) return <Skeleton active />;
  return <ClassFormBody key={id ?? 'new'} cls={existing.data} provider={provider.data} providerId={me?.providerId ?? ''} />;
}

function ClassFormBody({
  cls,
  provider,
  providerId,
}: {
  cls: ClassDetail | undefined;
  provider: Provider | undefined;
  providerId: string;
}) {
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const guard = useUnsavedGuard(form);
  const [saving, setSaving] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const initial: FormValues = cls
    ? {
        program: cls.program,
        occupationCode: cls.occupationCode ?? undefined,
        level: cls.level ?? undefined,
        entrepreneurshipType: cls.entrepreneurshipType ?? undefined,
        projectId: cls.projectId ?? undefined,
        enterpriseUscc: cls.enterpriseUscc ?? undefined,
        filingId: cls.filingId ?? undefined,
        areaCode: cls.areaCode,
        startDate: cls.startDate,
        endDate: cls.endDate,
        hours: cls.hours,
        venue: cls.venue,
        teachers: (cls.teachers ?? []).map((t) => ({ name: t.name, qualification: t.qualification ?? undefined })),
        sessions: cls.sessions.map((s) => ({ day: s.day, startsAt: s.startsAt, endsAt: s.endsAt, hours: s.hours })),
      }
    : { areaCode: provider?.areaCode, teachers: [{ name: '' }], sessions: [] };
  const [values, setValues] = useState<FormValues>(initial);
  // The roster is kept as it is (it is replaced by the Excel upload on the class's page).
  const trainees = useMemo(
    () =>
      (cls?.trainees ?? []).map((t) => ({
        residentId: t.residentId,
        name: t.name,
        employerUscc: t.employerUscc,
        newHire: t.newHire,
        contractMonths: t.contractMonths,
      })),
    [cls],
  );

  const draft = draftOf(values, trainees);
  const problems = classApplicationProblems(draft);
  const byField = new Map<string, ApplicationProblem>();
  for (const p of problems) if (!byField.has(p.field)) byField.set(p.field, p);

  const section = values.program ? CATALOG_SECTION_OF[values.program] : undefined;
  const catalog = useApi<Page<CatalogEntry>>(section ? '/catalog' : null, { section, onDate: draft.startDate ?? undefined, pageSize: 200 });
  const types = useApi<{ code: string; name: string }[]>(values.program === 'entrepreneurship' ? '/entrepreneurship-types' : null, {
    onDate: draft.startDate ?? undefined,
  });
  const projects = useApi<Page<{ id: string; name: string }>>(values.program === 'project_based' ? '/projects' : null, { pageSize: 200 });

  const scopes = (provider?.scopes ?? []).map((s) => ({
    program: s.program,
    occupationCode: s.occupationCode,
    level: s.level,
    validFrom: s.validFrom,
    validTo: s.validTo,
  }));
  // Judged once the choice is complete: a catalog program needs its occupation and level, safety its category.
  const choiceComplete = Boolean(
    values.program &&
    draft.startDate &&
    (!section || (draft.occupationCode && draft.level)) &&
    (values.program !== 'safety' || draft.occupationCode),
  );
  const outsideScope = Boolean(
    provider &&
    choiceComplete &&
    !scopeCovers(scopes, {
      program: values.program!,
      occupationCode: draft.occupationCode,
      level: draft.level,
      startDate: draft.startDate!,
    }),
  );
  const inScope = (code: string, level?: string) =>
    !draft.startDate ||
    !values.program ||
    scopeCovers(scopes, { program: values.program, occupationCode: code, level: level ?? null, startDate: draft.startDate }) ||
    (level == null && scopes.some((s) => s.program === values.program && (s.occupationCode == null || s.occupationCode === code)));

  const occupations = useMemo(() => {
    const seen = new Map<string, string>();
    for (const e of catalog.data?.items ?? []) if (!seen.has(e.code)) seen.set(e.code, e.name);
    return [...seen].map(([code, name]) => ({ code, name }));
  }, [catalog.data]);
  const levels = (catalog.data?.items ?? []).filter((e) => e.code === values.occupationCode);

  /** The live check of one field: shown once it was touched, or for all after a save attempt. */
  const check = (field: string, extra?: { warning?: string | null }) => {
    const p = byField.get(field);
    const touched = showAll || form.isFieldTouched(namePath(field) as never);
    if (p && touched) {
      return {
        validateStatus: 'error' as const,
        help: (
          <span data-testid={`problem-${field}`}>
            {problemText(p)}
            {p.clause ? `　${clauseHeading(p.clause)}` : ''}
          </span>
        ),
      };
    }
    if (extra?.warning) return { validateStatus: 'warning' as const, help: <span data-testid={`warning-${field}`}>{extra.warning}</span> };
    return {};
  };
  const scopeWarning = outsideScope
    ? `本机构在 ${formatDate(draft.startDate)} 的资质范围不包括所选的项目、工种和等级（§3 ${clauseHeading('§3')}），提交时开班审查不予通过`
    : null;

  const save = async () => {
    setShowAll(true);
    setServerError(null);
    if (problems.length > 0 || !values.areaCode) {
      message.error(`还有 ${problems.length || 1} 处需要修改，见各栏下方的提示`);
      return;
    }
    const body = { ...draft, providerId, program: draft.program, areaCode: values.areaCode, venue: draft.venue, hours: draft.hours };
    setSaving(true);
    try {
      const saved = await api<ClassDetail>(cls ? `/classes/${encodeURIComponent(cls.id)}` : '/classes', {
        method: cls ? 'PUT' : 'POST',
        body,
      });
      message.success(cls ? '开班申请已保存' : '开班申请草稿已保存，请上传花名册后提交');
      guard.saved();
      navigate(`/provider/classes/${encodeURIComponent(saved.id)}`);
    } catch (e) {
      setServerError(showServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };

  const traineeProblems = problems.filter((p) => p.field.startsWith('trainees'));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {cls ? '修改开班申请' : '申请开班'}
      </Typography.Title>
      {cls?.status === 'returned' && cls.reviewNote && (
        <Alert type="warning" showIcon title="人社部门退回了这份申请" description={`退回理由：${cls.reviewNote}`} />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        填写时即按方案检查（与服务器审查用的是同一段检查程序），问题显示在对应栏目下方并注明所依据的条款。
      </Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={(_, all) => setValues(all)}
        onFinish={save}
        aria-label="开班申请"
        disabled={saving}
      >
        <Card title="培训项目" size="small">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="培训项目" name="program" {...check('program', { warning: !draft.occupationCode ? scopeWarning : null })}>
                <Select
                  placeholder="请选择"
                  options={CLASS_PROGRAMS.map((p) => ({ value: p, label: PROGRAM_NAMES[p] }))}
                  onChange={() => form.setFieldsValue({ occupationCode: undefined, level: undefined })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="开班地区" name="areaCode" rules={[{ required: true, message: '请选择开班地区' }]}>
                <Select
                  options={Object.entries(AREA_NAMES)
                    .filter(([c]) => c !== '510400')
                    .map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
            </Col>
            {section && (
              <>
                <Col xs={24} md={12}>
                  <Form.Item label="工种（职业）" name="occupationCode" {...check('occupationCode', { warning: scopeWarning })}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder={catalog.loading ? '正在读取补贴目录…' : '从补贴目录中选择'}
                      loading={catalog.loading}
                      options={occupations.map((o) => ({
                        value: o.code,
                        label: `${o.name}（${o.code}）${inScope(o.code) ? '' : '（超出本机构资质范围）'}`,
                      }))}
                      onChange={() => form.setFieldsValue({ level: undefined })}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="等级" name="level" {...check('level')}>
                    <Select
                      placeholder={values.occupationCode ? '请选择' : '先选择工种'}
                      options={levels.map((e) => ({
                        value: e.level,
                        label: `${e.levelName || LEVEL_NAMES[e.level] || e.level}，补贴标准 ¥${(e.effectiveStandardFen / 100).toFixed(2)}${e.hours ? `，目录课时 ${e.hours}` : ''}${inScope(e.code, e.level) ? '' : '（超出本机构资质范围）'}`,
                      }))}
                    />
                  </Form.Item>
                </Col>
              </>
            )}
            {values.program === 'safety' && (
              <Col xs={24} md={12}>
                <Form.Item label="作业类别（工种代码）" name="occupationCode" {...check('occupationCode', { warning: scopeWarning })}>
                  <Input maxLength={40} placeholder="如 6-16-01-03" />
                </Form.Item>
              </Col>
            )}
            {values.program === 'entrepreneurship' && (
              <Col xs={24} md={12}>
                <Form.Item label="创业培训类别" name="entrepreneurshipType" {...check('entrepreneurshipType')}>
                  <Select
                    placeholder="请选择"
                    loading={types.loading}
                    options={(Array.isArray(types.data) ? types.data : []).map((t) => ({ value: t.code, label: `${t.name}（${t.code}）` }))}
                  />
                </Form.Item>
              </Col>
            )}
            {values.program === 'project_based' && (
              <Col xs={24} md={12}>
                <Form.Item label="所属项目" name="projectId" {...check('projectId')}>
                  <Select
                    placeholder="请选择"
                    loading={projects.loading}
                    options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
                  />
                </Form.Item>
              </Col>
            )}
            {(values.program === 'short_term' || values.program === 'pre_job' || values.enterpriseUscc) && (
              <>
                <Col xs={24} md={12}>
                  <Form.Item label="组织培训的企业（统一社会信用代码）" name="enterpriseUscc" {...check('enterpriseUscc')}>
                    <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="培训内容备案编号" name="filingId" extra="短期岗位技能培训和岗前技能培训须附企业的培训内容备案（§5.5）">
                    <Input maxLength={64} />
                  </Form.Item>
                </Col>
              </>
            )}
          </Row>
        </Card>
        <Card title="时间和地点" size="small" style={{ marginTop: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="开班日期" name="startDate" {...check('startDate')}>
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="结业日期" name="endDate" {...check('endDate')}>
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="总课时" name="hours" {...check('hours')}>
                <InputNumber min={0} max={10000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label="培训地点" name="venue" {...check('venue')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="授课教师" size="small" style={{ marginTop: 16 }}>
          <Form.List name="teachers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Row gutter={16} key={f.key} align="bottom">
                    <Col xs={24} md={9}>
                      <Form.Item label={`教师${i + 1}姓名`} name={[f.name, 'name']} {...check(`teachers[${i}].name`)}>
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={11}>
                      <Form.Item label={`教师${i + 1}资格`} name={[f.name, 'qualification']}>
                        <Input maxLength={200} placeholder="如 高级技师、职业技能等级证书" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={4}>
                      <Form.Item>
                        <Button onClick={() => remove(f.name)} aria-label={`删除教师${i + 1}`}>
                          删除
                        </Button>
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button onClick={() => add({ name: '' })}>添加教师</Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card title="课程安排（课次）" size="small" style={{ marginTop: 16 }}>
          <Form.List name="sessions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Row gutter={12} key={f.key} align="bottom">
                    <Col xs={12} md={6}>
                      <Form.Item label={`第${i + 1}次课日期`} name={[f.name, 'day']} {...check(`sessions[${i}].day`)}>
                        <Input type="date" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item label={`第${i + 1}次课上课时间`} name={[f.name, 'startsAt']} {...check(`sessions[${i}].startsAt`)}>
                        <Input type="time" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item label={`第${i + 1}次课下课时间`} name={[f.name, 'endsAt']} {...check(`sessions[${i}].endsAt`)}>
                        <Input type="time" />
                      </Form.Item>
                    </Col>
                    <Col xs={8} md={4}>
                      <Form.Item label={`第${i + 1}次课课时`} name={[f.name, 'hours']} {...check(`sessions[${i}].hours`)}>
                        <InputNumber min={0} max={24} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={4}>
                      <Form.Item>
                        <Button onClick={() => remove(f.name)} aria-label={`删除第${i + 1}次课`}>
                          删除
                        </Button>
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button
                  onClick={() => {
                    const last = values.sessions?.at(-1);
                    add({
                      day: last?.day ?? values.startDate ?? '',
                      startsAt: last?.startsAt ?? '09:00',
                      endsAt: last?.endsAt ?? '12:00',
                      hours: last?.hours ?? 3,
                    });
                  }}
                >
                  添加课次
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        {cls && (
          <Card title="花名册" size="small" style={{ marginTop: 16 }}>
            <Typography.Text>花名册 {cls.trainees.length} 人（在培训班页面上传 Excel 花名册替换）。</Typography.Text>
            {traineeProblems.length > 0 && (
              <Alert
                type="error"
                showIcon
                style={{ marginTop: 8 }}
                title="花名册有问题"
                description={traineeProblems.map(problemText).join('；')}
              />
            )}
          </Card>
        )}
        {showAll && problems.length > 0 && (
          <Alert
            style={{ marginTop: 16 }}
            type="error"
            showIcon
            title={`还有 ${problems.length} 处需要修改`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p, i) => (
                  <li key={i}>{problemText(p)}</li>
                ))}
              </ul>
            }
          />
        )}
        {serverError && <Alert style={{ marginTop: 16 }} type="error" showIcon title="保存失败" description={serverError} />}
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={saving} disabled={saving}>
            保存草稿
          </Button>
          <Button onClick={() => navigate(cls ? `/provider/classes/${encodeURIComponent(cls.id)}` : '/provider/classes')} disabled={saving}>
            取消
          </Button>
        </Space>
      </Form>
    </Space>
  );
}
