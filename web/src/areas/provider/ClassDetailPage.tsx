// 培训班: one of the provider's classes through its whole life — the application and the office's
// reason when it was returned, the opening review's findings, the roster (Excel upload, validated row
// by row on the server, nothing imported until the whole file is valid), attendance (a grid of
// trainees × sessions, or the class's Excel sheet), assessment results, certificates, and the claims
// once the office has closed the class. Each action is offered only in the state that allows it.
import type { TClassClaimsResult } from '../../../../src/api/routes/classes.types.ts';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Radio,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Typography,
  Upload,
  message,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { Dialog, LoadError } from '../../components.tsx';
import { useUnsavedGuard } from '../../unsaved-guard.tsx';
import { useBusinessDate } from '../../business-date.tsx';
import { formatDate, withCode } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { areaName, CERTIFICATE_NAMES, LEVEL_NAMES, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { RequireAuth } from '../../layout/RequireAuth.tsx';
import { FileRefused, uploadXlsx } from './files.ts';
import { showServerErrors } from '../../form-errors.ts';
import { ClassStatusTag, ProblemLine, RowIssues } from './parts.tsx';
import { EnrolmentTab } from './EnrolmentTab.tsx';
import type { AttendanceMark, ClassDetail, ClassTrainee, OpeningReview, RowIssue } from './types.ts';
import { SigninCodeModal } from './SigninCodeModal.tsx';
import { AttachmentsCard } from '../../attachments.tsx';
import { OnlineCourseTab } from './OnlineCourseTab.tsx';
import { ClassBasesTab } from './ClassBasesTab.tsx';

const EDITABLE = ['draft', 'returned'];
const MANUAL_REASONS = ['忘带手机', '设备故障', '网络故障', '其他'];
/** A moment as Beijing date and time (2021-11-15 08:52). */
const formatTime = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

export default function ClassDetailPage() {
  return (
    <RequireAuth>
      <ClassDetailView />
    </RequireAuth>
  );
}

function ClassDetailView() {
  const { id = '' } = useParams();
  const loaded = useApi<ClassDetail>(`/classes/${encodeURIComponent(id)}`);
  if (loaded.error) return <LoadError error={loaded.error} what="培训班" onRetry={loaded.reload} />;
  if (!loaded.data) return <Skeleton active />;
  return <ClassBody cls={loaded.data} reload={loaded.reload} />;
}

function ClassBody({ cls, reload }: { cls: ClassDetail; reload(): void }) {
  const { me } = useAuth();
  // The open tab is in the address (?tab=), so a record found by number (an application, a base booking)
  // opens its tab, also when the class's page is already showing.
  const [search, setSearch] = useSearchParams();
  const mine = me?.role === 'provider' && me.providerId === cls.providerId;
  const title = `${nameOf(PROGRAM_NAMES, cls.program)}${cls.occupationCode ? ` · ${cls.occupationCode}` : ''}${cls.level ? `（${nameOf(LEVEL_NAMES, cls.level)}）` : ''}`;
  const review = cls.reviewProblems;
  const reviewLines = review
    ? [
        ...review.classProblems.map((p, i) => ({ key: `c${i}`, p, who: undefined as string | undefined })),
        ...review.trainees.flatMap((t) => t.problems.map((p, i) => ({ key: `${t.residentId}-${i}`, p, who: t.name }))),
      ]
    : [];
  const tabs = [
    { key: 'roster', label: `花名册（${cls.trainees.length}）`, children: <RosterTab cls={cls} mine={mine} reload={reload} /> },
    { key: 'attendance', label: '考勤', children: <AttendanceTab cls={cls} mine={mine} reload={reload} /> },
    { key: 'online', label: '网络课程', children: <OnlineCourseTab cls={cls} mine={mine} /> },
    { key: 'assessment', label: '考核结果', children: <AssessmentTab cls={cls} mine={mine} reload={reload} /> },
    {
      key: 'certificates',
      label: `证书（${cls.certificates.length}）`,
      children: <CertificatesTab cls={cls} mine={mine} reload={reload} />,
    },
    // §5.4 the class's textbook and its bookings of public training bases (docs/open-classes.md).
    { key: 'bases', label: '实训基地与教材', children: <ClassBasesTab cls={cls} /> },
    // §5.5 open enrolment: the class's own provider and the offices over it (docs/open-classes.md).
    ...(me?.role === 'provider' || me?.role === 'county' || me?.role === 'city'
      ? [{ key: 'enrolment', label: '报名', children: <EnrolmentTab cls={cls} mine={mine} reload={reload} /> }]
      : []),
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <ClassStatusTag status={cls.status} />
        </Space>
        {mine && <Actions cls={cls} reload={reload} />}
      </Space>
      {cls.status === 'returned' && (
        <Alert
          type="warning"
          showIcon
          title="人社部门退回了开班申请"
          description={<span data-testid="return-reason">退回理由：{cls.reviewNote ?? '（未说明）'}。请修改后重新提交。</span>}
        />
      )}
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="培训班编号">
            <Typography.Text copyable>{cls.number}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="开班地区">{areaName(cls.areaCode)}</Descriptions.Item>
          <Descriptions.Item label="培训期间">
            {formatDate(cls.startDate)}—{formatDate(cls.endDate)}
          </Descriptions.Item>
          <Descriptions.Item label="总课时">{cls.hours}</Descriptions.Item>
          <Descriptions.Item label="培训地点">{cls.venue}</Descriptions.Item>
          <Descriptions.Item label="授课教师">
            {(cls.teachers ?? []).map((t) => (t.qualification ? `${t.name}（${t.qualification}）` : t.name)).join('、') || '—'}
          </Descriptions.Item>
          {cls.enterpriseUscc && <Descriptions.Item label="组织企业">{withCode(cls.enterpriseName, cls.enterpriseUscc)}</Descriptions.Item>}
          {cls.filingId && <Descriptions.Item label="培训内容备案">{cls.filingNumber}</Descriptions.Item>}
          {cls.entrepreneurshipType && <Descriptions.Item label="创业培训类别">{cls.entrepreneurshipType}</Descriptions.Item>}
          {cls.projectId && <Descriptions.Item label="所属项目">{cls.projectName}</Descriptions.Item>}
          {cls.reviewNote && cls.status !== 'returned' && <Descriptions.Item label="审查意见">{cls.reviewNote}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <AttachmentsCard record={`/classes/${encodeURIComponent(cls.id)}`} title="附件（教学计划、师资资质等）" />
      {reviewLines.length > 0 && (
        <Card size="small" title="开班审查发现的问题">
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {reviewLines.map((l) => (
              <li key={l.key}>
                <ProblemLine problem={l.p} who={l.who} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card size="small">
        <Tabs
          items={tabs}
          activeKey={tabs.some((t) => t.key === search.get('tab')) ? search.get('tab')! : tabs[0]!.key}
          onChange={(tab) => setSearch({ tab }, { replace: true })}
        />
      </Card>
    </Space>
  );
}

/** The moves the provider makes on its class, each in the state that allows it, never twice at once. */
function Actions({ cls, reload }: { cls: ClassDetail; reload(): void }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const [preview, setPreview] = useState<OpeningReview | null>(null);
  const [claimed, setClaimed] = useState<{ submitted: number; skipped: number } | null>(null);
  const path = `/classes/${encodeURIComponent(cls.id)}`;
  const act = async (name: string, work: () => Promise<void>) => {
    if (busy) return;
    setBusy(name);
    try {
      await work();
    } catch (e) {
      Modal.error({ title: `${name}失败`, content: errorText(e) });
    } finally {
      setBusy(null);
    }
  };
  const move = (name: string, step: string) =>
    act(name, async () => {
      await api(`${path}/${step}`, { method: 'POST' });
      message.success(`${name}：已完成`);
      reload();
    });
  const openSubmit = () => act('开班审查预检', async () => setPreview(await api<OpeningReview>(`${path}/review`)));
  const lines = preview
    ? [
        ...preview.classProblems.map((p) => ({ p, who: undefined as string | undefined })),
        ...preview.trainees.flatMap((t) => t.problems.map((p) => ({ p, who: t.name }))),
      ]
    : [];
  return (
    <Space wrap>
      {EDITABLE.includes(cls.status) && (
        <>
          <Button onClick={() => navigate(`/provider/classes/${encodeURIComponent(cls.id)}/edit`)} disabled={busy !== null}>
            修改开班申请
          </Button>
          <Button type="primary" onClick={openSubmit} loading={busy === '开班审查预检'} disabled={busy !== null}>
            {cls.status === 'returned' ? '重新提交开班申请' : '提交开班申请'}
          </Button>
        </>
      )}
      {cls.status === 'approved' && (
        <Popconfirm title="确认开班？开班后开始登记考勤。" okText="开班" cancelText="取消" onConfirm={() => move('开班', 'start')}>
          <Button type="primary" loading={busy === '开班'} disabled={busy !== null}>
            开班
          </Button>
        </Popconfirm>
      )}
      {cls.status === 'running' && (
        <Popconfirm
          title="确认完成结业考核？每名学员都须已登记考核结果。"
          okText="完成"
          cancelText="取消"
          onConfirm={() => move('完成结业考核', 'assess')}
        >
          <Button type="primary" loading={busy === '完成结业考核'} disabled={busy !== null}>
            完成结业考核
          </Button>
        </Popconfirm>
      )}
      {cls.status === 'closed' && (
        <Popconfirm
          title="按本班的考勤、考核结果和证书，为尚未申领的每名学员提交一笔补贴申领？"
          okText="提交申领"
          cancelText="取消"
          onConfirm={() =>
            act('申领补贴', async () => {
              const r = await api<TClassClaimsResult>(`${path}/claims`, { method: 'POST', body: {} });
              setClaimed(r);
            })
          }
        >
          <Button type="primary" loading={busy === '申领补贴'} disabled={busy !== null}>
            申领补贴
          </Button>
        </Popconfirm>
      )}
      {cls.status === 'closed' && <Link to={`/claims?providerId=${encodeURIComponent(cls.providerId)}`}>查看本机构的申领</Link>}
      <Dialog
        open={preview !== null}
        title="提交开班申请"
        okText="确认提交"
        cancelText="取消"
        onCancel={() => setPreview(null)}
        okButtonProps={{ disabled: !preview || preview.blocking || busy !== null, loading: busy === '提交开班申请' }}
        onOk={() =>
          act('提交开班申请', async () => {
            await api(`${path}/submit`, { method: 'POST' });
            setPreview(null);
            message.success('开班申请已提交，等待人社部门审查');
            reload();
          })
        }
      >
        {preview &&
          (preview.blocking ? (
            <Alert type="error" showIcon title="开班审查预检发现不予通过的问题，请先修改" />
          ) : (
            <Alert type="success" showIcon title={lines.length ? '预检没有不予通过的问题；以下事项由人社部门核实' : '开班审查预检通过'} />
          ))}
        {lines.length > 0 && (
          <ul style={{ marginTop: 12, paddingInlineStart: 20, maxHeight: 320, overflow: 'auto' }}>
            {lines.map((l, i) => (
              <li key={i}>
                <ProblemLine problem={l.p} who={l.who} />
              </li>
            ))}
          </ul>
        )}
      </Dialog>
      <Dialog
        open={claimed !== null}
        title="申领补贴"
        footer={
          <Button type="primary" onClick={() => setClaimed(null)}>
            知道了
          </Button>
        }
        onCancel={() => setClaimed(null)}
      >
        {claimed && (
          <Typography.Paragraph data-testid="claims-result">
            已提交 {claimed.submitted} 笔申领{claimed.skipped ? `，${claimed.skipped} 名学员已有申领，未重复提交` : ''}
            。人社部门将按方案逐笔判定。
          </Typography.Paragraph>
        )}
        <Link to={`/claims?providerId=${encodeURIComponent(cls.providerId)}`}>查看本机构的申领</Link>
      </Dialog>
    </Space>
  );
}

/** An .xlsx upload with its progress; one at a time; a refused file's problems listed by row and column. */
function XlsxUpload<T>({ path, label, onDone }: { path: string; label: string; onDone(result: T): void }) {
  const [percent, setPercent] = useState<number | null>(null);
  const [refused, setRefused] = useState<{ message: string; issues: RowIssue[] } | null>(null);
  const running = useRef(false);
  const send = async (file: File) => {
    if (running.current) return;
    running.current = true;
    setRefused(null);
    setPercent(0);
    try {
      onDone(await uploadXlsx<T>(path, file, setPercent));
    } catch (e) {
      if (e instanceof FileRefused) setRefused({ message: e.message, issues: e.rows });
      else setRefused({ message: errorText(e), issues: [] });
    } finally {
      running.current = false;
      setPercent(null);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        disabled={percent !== null}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <Button type="primary" loading={percent !== null} disabled={percent !== null}>
          {label}
        </Button>
      </Upload>
      {percent !== null && <Progress percent={percent} size="small" aria-label="上传进度" status="active" />}
      {refused &&
        (refused.issues.length ? (
          <RowIssues title={refused.message.split('。')[0] ?? refused.message} issues={refused.issues} />
        ) : (
          <Alert type="error" showIcon title="上传失败" description={refused.message} />
        ))}
    </Space>
  );
}

function RosterTab({ cls, mine, reload }: { cls: ClassDetail; mine: boolean; reload(): void }) {
  const editable = mine && EDITABLE.includes(cls.status);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {editable && (
        <Card size="small" title="上传 Excel 花名册">
          <Typography.Paragraph type="secondary">
            下载模板，按表头逐行填写（身份证号以文本填写，姓名与人员登记一致），上传后整表校验：有任何错误都不导入，并按行、列列出；全部正确才替换本班花名册。
          </Typography.Paragraph>
          <Space wrap align="start">
            <Button href="/api/v1/classes/roster-template" download="花名册模板.xlsx">
              下载花名册模板
            </Button>
            <XlsxUpload<ClassDetail>
              path={`/classes/${encodeURIComponent(cls.id)}/roster`}
              label="上传花名册"
              onDone={(c) => {
                message.success(`花名册已导入：${c.trainees.length} 人`);
                reload();
              }}
            />
          </Space>
        </Card>
      )}
      <Table<ClassTrainee>
        rowKey="residentId"
        size="small"
        dataSource={cls.trainees}
        pagination={cls.trainees.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: '花名册为空' }}
        scroll={{ x: 760 }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          {
            title: '身份证号',
            dataIndex: 'residentId',
            width: 180,
            render: (r: string) => <span style={{ fontFamily: 'monospace' }}>{r}</span>,
          },
          { title: '工作单位', dataIndex: 'employerUscc', width: 190, render: (u: string | null) => u ?? '—' },
          { title: '新入职', dataIndex: 'newHire', width: 80, render: (b: boolean | null) => (b == null ? '—' : b ? '是' : '否') },
          { title: '合同期限（月）', dataIndex: 'contractMonths', width: 110, render: (n: number | null) => n ?? '—' },
          { title: '出勤课时', dataIndex: 'hoursPresent', width: 90, align: 'right' },
        ]}
      />
    </Space>
  );
}

function AttendanceTab({ cls, mine, reload }: { cls: ClassDetail; mine: boolean; reload(): void }) {
  const path = `/classes/${encodeURIComponent(cls.id)}`;
  const loaded = useApi<AttendanceMark[]>(`${path}/attendance`);
  const [marks, setMarks] = useState<Map<string, boolean>>(new Map());
  const [changed, setChanged] = useState<Set<number>>(new Set());
  const [saving, setSaving] = useState(false);
  // A presence the provider enters is a manual mark (手工补录) and says why (docs/attendance.md).
  const [reason, setReason] = useState<string | undefined>();
  const [reasonNote, setReasonNote] = useState('');
  const recorded = useMemo(() => new Map((loaded.data ?? []).map((m) => [`${m.sessionId}|${m.residentId}`, m])), [loaded.data]);
  const { today } = useBusinessDate();
  const [showing, setShowing] = useState<number | null>(null);
  const todays = cls.sessions.filter((s) => s.day === today);
  const writable = mine && cls.status === 'running';
  const guard = useUnsavedGuard(changed.size > 0);
  useEffect(() => {
    setMarks(new Map((loaded.data ?? []).map((m) => [`${m.sessionId}|${m.residentId}`, m.present])));
    setChanged(new Set());
  }, [loaded.data]);
  const set = (sessionId: number, residentId: string, present: boolean) => {
    setMarks((m) => new Map(m).set(`${sessionId}|${residentId}`, present));
    setChanged((c) => new Set(c).add(sessionId));
  };
  const save = async () => {
    if (saving) return;
    const newlyPresent = [...changed].some((sid) =>
      cls.trainees.some((t) => marks.get(`${sid}|${t.residentId}`) === true && !recorded.get(`${sid}|${t.residentId}`)?.present),
    );
    if (newlyPresent && (!reason || (reason === '其他' && !reasonNote.trim()))) {
      Modal.warning({
        title: '请选择补录原因',
        content: '培训机构登记的出勤为手工补录，须说明原因（其他原因须写明）。学员本人扫码签到的无需补录。',
      });
      return;
    }
    setSaving(true);
    try {
      for (const sessionId of changed) {
        await api(`${path}/attendance`, {
          method: 'POST',
          body: {
            sessionId,
            marks: cls.trainees
              .filter((t) => recorded.get(`${sessionId}|${t.residentId}`)?.manual !== false)
              .map((t) => {
                const present = marks.get(`${sessionId}|${t.residentId}`) === true;
                const isNew = present && !recorded.get(`${sessionId}|${t.residentId}`)?.present;
                return {
                  residentId: t.residentId,
                  present,
                  method: '培训机构登记',
                  ...(isNew ? { reason, reasonNote: reason === '其他' ? reasonNote.trim() : null } : {}),
                };
              }),
          },
        });
      }
      guard.saved();
      message.success(`已保存 ${changed.size} 个课次的考勤`);
      loaded.reload();
      reload();
    } catch (e) {
      Modal.error({ title: '保存考勤失败', content: errorText(e) });
    } finally {
      setSaving(false);
    }
  };
  const columns = useMemo(
    () => [
      { title: '学员', dataIndex: 'name', key: 'name', width: 100, fixed: 'left' as const },
      ...cls.sessions.map((s) => ({
        title: (
          <Space orientation="vertical" size={0}>
            <span>{formatDate(s.day).replace(/^\d+年/, '')}</span>
            <span style={{ fontWeight: 'normal', fontSize: 12 }}>
              {s.startsAt}–{s.endsAt}
            </span>
            {writable && (
              <Button
                size="small"
                type="link"
                style={{ padding: 0 }}
                onClick={() => cls.trainees.forEach((t) => set(s.id, t.residentId, true))}
                aria-label={`${s.day} ${s.startsAt} 全部出勤`}
              >
                全部出勤
              </Button>
            )}
          </Space>
        ),
        key: `s${s.id}`,
        width: 110,
        align: 'center' as const,
        render: (_: unknown, t: ClassTrainee) => {
          const v = marks.get(`${s.id}|${t.residentId}`);
          const m = recorded.get(`${s.id}|${t.residentId}`);
          const scanned = m && !m.manual && m.signedAt;
          return (
            <Space orientation="vertical" size={0}>
              <Checkbox
                checked={v === true}
                indeterminate={v === undefined && !writable}
                disabled={!writable || saving || !!scanned}
                onChange={(e) => set(s.id, t.residentId, e.target.checked)}
                aria-label={`${t.name} ${s.day} ${s.startsAt} 出勤`}
              />
              {scanned ? (
                <Typography.Text type="success" style={{ fontSize: 12 }} title={`扫码签到 ${formatTime(m.signedAt!)}`}>
                  扫码 {formatTime(m.signedAt!)}
                  {m.signedOutAt ? `–${formatTime(m.signedOutAt)}` : ''}
                </Typography.Text>
              ) : m?.manual && m.present ? (
                <Typography.Text type="warning" style={{ fontSize: 12 }} title={`手工补录，录入于 ${formatTime(m.enteredAt)}`}>
                  手工补录：{m.reason === '其他' ? m.reasonNote : m.reason}
                </Typography.Text>
              ) : null}
            </Space>
          );
        },
      })),
      { title: '出勤课时', dataIndex: 'hoursPresent', key: 'hours', width: 90, align: 'right' as const },
    ],
    [cls, marks, writable, saving, recorded],
  ); // eslint-disable-line react-hooks/exhaustive-deps
  if (loaded.error) return <LoadError error={loaded.error} what="考勤" onRetry={loaded.reload} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {!writable && (
        <Typography.Text type="secondary">
          {cls.status === 'running' ? '' : '培训班开班后（培训中）登记考勤。'}勾选表示出勤。
        </Typography.Text>
      )}
      {writable && (
        <Space wrap align="start">
          {todays.map((s) => (
            <Button key={s.id} onClick={() => setShowing(s.id)}>
              课堂签到码（{s.startsAt}–{s.endsAt}）
            </Button>
          ))}
          {showing !== null && (
            <SigninCodeModal
              classId={cls.id}
              sessionId={showing}
              onClose={() => {
                setShowing(null);
                loaded.reload();
              }}
            />
          )}
          <Select
            aria-label="补录原因"
            placeholder="补录原因（新登记出勤须选）"
            style={{ width: 200 }}
            value={reason}
            onChange={setReason}
            options={MANUAL_REASONS.map((r) => ({ value: r, label: r }))}
          />
          {reason === '其他' && (
            <Input
              aria-label="其他原因说明"
              placeholder="写明具体原因"
              value={reasonNote}
              onChange={(e) => setReasonNote(e.target.value)}
              maxLength={200}
              style={{ width: 200 }}
            />
          )}
          <Button type="primary" onClick={save} loading={saving} disabled={saving || changed.size === 0}>
            保存考勤{changed.size ? `（${changed.size} 个课次）` : ''}
          </Button>
          <Button href={`/api/v1${path}/attendance-sheet`} download="考勤表.xlsx">
            下载本班考勤表
          </Button>
          <XlsxUpload<{ sessions: number; marks: number }>
            path={`${path}/attendance-import`}
            label="上传考勤表"
            onDone={(r) => {
              message.success(`考勤已导入：${r.sessions} 个课次，${r.marks} 条`);
              loaded.reload();
              reload();
            }}
          />
        </Space>
      )}
      <Table<ClassTrainee>
        rowKey="residentId"
        size="small"
        loading={loaded.loading}
        dataSource={cls.trainees}
        columns={columns}
        pagination={cls.trainees.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 200 + cls.sessions.length * 110 }}
        locale={{ emptyText: '花名册为空' }}
        aria-label="考勤表"
      />
    </Space>
  );
}

function AssessmentTab({ cls, mine, reload }: { cls: ClassDetail; mine: boolean; reload(): void }) {
  const writable = mine && cls.status === 'running';
  const [results, setResults] = useState<Map<string, boolean>>(new Map());
  const [assessedOn, setAssessedOn] = useState(cls.endDate);
  const guard = useUnsavedGuard([...results].some(([rid, q]) => cls.trainees.find((t) => t.residentId === rid)?.qualified !== q));
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setResults(new Map(cls.trainees.filter((t) => t.qualified != null).map((t) => [t.residentId, t.qualified!])));
  }, [cls]);
  const save = async () => {
    if (saving) return;
    setSaving(true);
    try {
      await api(`/classes/${encodeURIComponent(cls.id)}/assessment`, {
        method: 'POST',
        body: { results: [...results].map(([residentId, qualified]) => ({ residentId, qualified, assessedOn })) },
      });
      guard.saved();
      message.success(`已保存 ${results.size} 名学员的考核结果`);
      reload();
    } catch (e) {
      Modal.error({ title: '保存考核结果失败', content: errorText(e) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {writable ? (
        <Space wrap>
          <label htmlFor="assessed-on">考核日期</label>
          <Input id="assessed-on" type="date" value={assessedOn} onChange={(e) => setAssessedOn(e.target.value)} style={{ width: 160 }} />
          <Button type="primary" onClick={save} loading={saving} disabled={saving || results.size === 0 || !assessedOn}>
            保存考核结果
          </Button>
        </Space>
      ) : (
        <Typography.Text type="secondary">培训中登记结业考核结果；每名学员都有结果后才能完成结业考核。</Typography.Text>
      )}
      <Table<ClassTrainee>
        rowKey="residentId"
        size="small"
        dataSource={cls.trainees}
        pagination={cls.trainees.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: '花名册为空' }}
        columns={[
          { title: '学员', dataIndex: 'name', width: 100 },
          { title: '出勤课时', dataIndex: 'hoursPresent', width: 90, align: 'right' },
          {
            title: '考核结果',
            key: 'result',
            width: 220,
            render: (_: unknown, t) =>
              writable ? (
                <Radio.Group
                  value={results.get(t.residentId)}
                  onChange={(e) => setResults((m) => new Map(m).set(t.residentId, e.target.value as boolean))}
                  aria-label={`${t.name} 考核结果`}
                  options={[
                    { value: true, label: '合格' },
                    { value: false, label: '不合格' },
                  ]}
                />
              ) : t.qualified == null ? (
                '未登记'
              ) : t.qualified ? (
                '合格'
              ) : (
                '不合格'
              ),
          },
          { title: '考核日期', dataIndex: 'assessedOn', width: 140, render: (d: string | null) => formatDate(d) },
        ]}
      />
    </Space>
  );
}

function CertificatesTab({ cls, mine, reload }: { cls: ClassDetail; mine: boolean; reload(): void }) {
  const writable = mine && cls.status === 'assessed';
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const nameOfResident = new Map(cls.trainees.map((t) => [t.residentId, t.name]));
  const save = async (v: { residentId: string; type: string; number: string; issuedOn: string; issuer?: string }) => {
    if (saving) return;
    setSaving(true);
    try {
      await api(`/classes/${encodeURIComponent(cls.id)}/certificates`, {
        method: 'POST',
        body: { ...v, issuer: v.issuer?.trim() || null },
      });
      message.success('证书已登记');
      form.resetFields(['residentId', 'number']);
      reload();
    } catch (e) {
      const rest = showServerErrors(form, e, ['residentId', 'type', 'number', 'issuedOn', 'issuer']);
      if (rest) Modal.error({ title: '登记证书失败', content: rest });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {writable ? (
        <Form
          form={form}
          layout="inline"
          onFinish={save}
          aria-label="登记证书"
          style={{ rowGap: 8 }}
          initialValues={{ issuedOn: cls.endDate }}
          disabled={saving}
        >
          <Form.Item label="学员" name="residentId" rules={[{ required: true, message: '请选择学员' }]}>
            <Select
              style={{ width: 160 }}
              options={cls.trainees.filter((t) => t.qualified).map((t) => ({ value: t.residentId, label: t.name }))}
              placeholder="考核合格的学员"
            />
          </Form.Item>
          <Form.Item label="证书类型" name="type" rules={[{ required: true, message: '请选择证书类型' }]}>
            <Select style={{ width: 180 }} options={Object.entries(CERTIFICATE_NAMES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item label="证书编号" name="number" rules={[{ required: true, whitespace: true, message: '请填写证书编号' }]}>
            <Input maxLength={64} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label="发证日期" name="issuedOn" rules={[{ required: true, message: '请填写发证日期' }]}>
            <Input type="date" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item label="发证机构" name="issuer">
            <Input maxLength={200} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} disabled={saving}>
              登记证书
            </Button>
          </Form.Item>
        </Form>
      ) : (
        <Typography.Text type="secondary">完成结业考核后，为考核合格的学员登记证书（同类证书编号不能重复）。</Typography.Text>
      )}
      <Table
        rowKey="id"
        size="small"
        dataSource={cls.certificates}
        pagination={false}
        locale={{ emptyText: '尚未登记证书' }}
        columns={[
          { title: '学员', dataIndex: 'residentId', render: (r: string) => nameOfResident.get(r) ?? r },
          { title: '证书类型', dataIndex: 'type', render: (t: string) => nameOf(CERTIFICATE_NAMES, t) },
          { title: '证书编号', dataIndex: 'number' },
          { title: '发证日期', dataIndex: 'issuedOn', render: (d: string) => formatDate(d) },
        ]}
      />
    </Space>
  );
}
