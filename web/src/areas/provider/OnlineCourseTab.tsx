// 网络课程 (§5.4 网络和移动学习平台; docs/online-learning.md): the class's online course on its page.
// The provider adds lessons (a video or a PDF document, with the time it takes), uploads each file,
// writes a few multiple-choice check questions, and publishes the lesson (then it is fixed); the
// trainees study on their phones at /learn. Below, each trainee's online time beside their QR
// sign-ins and manual marks, and the hours credited toward attendance (§4.2/§4.3/§4.6 only, up to
// the dated share of the class's hours). The offices see the same, read-only.
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Progress,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  message,
} from 'antd';
import { useRef, useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { LoadError } from '../../components.tsx';
import { useApi } from '../../hooks.ts';
import type { TOnlineLesson, TOnlineStudySummary } from '../../../../src/api/routes/online.types.ts';
import { LESSON_KIND_NAMES } from '../../../../src/vocabulary/online.ts';

const ONLINE_PROGRAMS = ['skill_upgrade', 'short_term', 'employment_skill'];
const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));
const minutes = (s: number) => `${Math.floor(s / 60)} 分${s % 60 ? ` ${s % 60} 秒` : ''}`;
const beijing = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);
const ACCEPT = { video: 'video/mp4,video/webm,.mp4,.webm', document: 'application/pdf,.pdf' };

/** Sends a lesson's file as the request body, with progress. */
function uploadFile(lessonId: number, file: File, onProgress: (p: number) => void): Promise<TOnlineLesson> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/api/v1/online-lessons/${lessonId}/content`);
    xhr.withCredentials = true;
    const type =
      file.type ||
      (file.name.toLowerCase().endsWith('.pdf')
        ? 'application/pdf'
        : file.name.toLowerCase().endsWith('.webm')
          ? 'video/webm'
          : 'video/mp4');
    xhr.setRequestHeader('content-type', type);
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new ApiError(0, 'network', '无法连接服务器，请检查网络后重试'));
    xhr.onload = () => {
      let data: { error?: { code?: string; message?: string } } | null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as unknown as TOnlineLesson);
      else reject(new ApiError(xhr.status, data?.error?.code ?? 'http_error', data?.error?.message ?? `上传失败（HTTP ${xhr.status}）`));
    };
    xhr.send(file);
  });
}

export function OnlineCourseTab({ cls, mine }: { cls: { id: string; program: string; status: string }; mine: boolean }) {
  const path = `/classes/${encodeURIComponent(cls.id)}`;
  const lessons = useApi<TOnlineLesson[]>(`${path}/online-lessons`);
  const eligible = ONLINE_PROGRAMS.includes(cls.program);
  const editable = mine && eligible && (cls.status === 'approved' || cls.status === 'running');
  if (lessons.error) return <LoadError error={lessons.error} what="网络课程" onRetry={lessons.reload} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {!eligible && (
        <Alert
          type="info"
          showIcon
          title="本班的培训项目不计网络学习时间"
          description="网络学习时间仅计入技能等级提升培训、短期岗位技能培训、就业技能培训的实到学时（§5.4）。"
        />
      )}
      {editable && <NewLesson path={path} onDone={lessons.reload} />}
      {(lessons.data ?? []).map((l) => (
        <LessonCard key={l.id} lesson={l} editable={editable} reload={lessons.reload} />
      ))}
      {lessons.data?.length === 0 && <Typography.Text type="secondary">本班还没有网络课程。</Typography.Text>}
      <OnlineStudyTable classId={cls.id} />
    </Space>
  );
}

function NewLesson({ path, onDone }: { path: string; onDone(): void }) {
  const [form] = Form.useForm<{ title: string; kind: 'video' | 'document'; minutes: number }>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { title: string; kind: 'video' | 'document'; minutes: number }) => {
    setBusy(true);
    try {
      await api(`${path}/online-lessons`, {
        method: 'POST',
        body: { title: v.title, kind: v.kind, durationSeconds: Math.round(v.minutes * 60) },
      });
      message.success(`已新增课程「${v.title}」：请上传文件并添加检查题后发布`);
      form.resetFields();
      onDone();
    } catch (e) {
      Modal.error({ title: '新增课程失败', content: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="新增网络课程">
      <Form form={form} layout="inline" initialValues={{ kind: 'video', minutes: 45 }} onFinish={submit}>
        <Form.Item name="title" label="课程名称" rules={[{ required: true, whitespace: true, message: '请填写课程名称' }, { max: 100 }]}>
          <Input style={{ width: 220 }} maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Radio.Group
            options={[
              { value: 'video', label: '视频' },
              { value: 'document', label: '文档（PDF）' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="minutes"
          label="学习时长（分钟）"
          rules={[{ required: true, message: '请填写学习时长' }]}
          tooltip="每名学员本课最多计这么长的学习时间"
        >
          <InputNumber min={1} max={480} precision={0} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            新增课程
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function LessonCard({ lesson, editable, reload }: { lesson: TOnlineLesson; editable: boolean; reload(): void }) {
  const [percent, setPercent] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const draft = editable && !lesson.published;
  const act = async (name: string, work: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    try {
      await work();
      message.success(done);
      reload();
    } catch (e) {
      Modal.error({ title: `${name}失败`, content: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  const send = async (file: File) => {
    if (running.current) return;
    running.current = true;
    setPercent(0);
    try {
      await uploadFile(lesson.id, file, setPercent);
      message.success(`已上传「${file.name}」`);
      reload();
    } catch (e) {
      Modal.error({ title: '上传失败', content: errorText(e) });
    } finally {
      running.current = false;
      setPercent(null);
    }
  };
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>{lesson.title}</span>
          <Tag>{LESSON_KIND_NAMES[lesson.kind]}</Tag>
          <span style={{ fontWeight: 'normal' }}>学习时长 {minutes(lesson.durationSeconds)}</span>
          {lesson.published ? (
            <Tag color="green">已发布 {lesson.publishedAt ? beijing(lesson.publishedAt) : ''}</Tag>
          ) : (
            <Tag color="orange">未发布</Tag>
          )}
        </Space>
      }
      extra={
        draft && (
          <Space>
            <Popconfirm
              title="发布后课程文件、时长和检查题都不能再修改，学员即可学习。确认发布？"
              okText="发布"
              cancelText="取消"
              onConfirm={() =>
                act('发布课程', () => api(`/online-lessons/${lesson.id}/publish`, { method: 'POST' }), `已发布「${lesson.title}」`)
              }
            >
              <Button type="primary" size="small" disabled={busy}>
                发布
              </Button>
            </Popconfirm>
            <Popconfirm
              title="删除这节未发布的课程及其文件和检查题？"
              okText="删除"
              cancelText="取消"
              onConfirm={() =>
                act('删除课程', () => api(`/online-lessons/${lesson.id}`, { method: 'DELETE' }), `已删除「${lesson.title}」`)
              }
            >
              <Button danger size="small" disabled={busy}>
                删除
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {lesson.file ? (
          <Typography.Text>
            文件：
            <a href={`/api/v1/online-lessons/${lesson.id}/content`} target="_blank" rel="noreferrer">
              {lesson.file.name}
            </a>
            （{size(lesson.file.sizeBytes)}，SHA-256 <Typography.Text code>{lesson.file.sha256.slice(0, 12)}…</Typography.Text>，
            {lesson.file.uploadedBy.replace(/^[a-z]+:/, '')} 于 {beijing(lesson.file.uploadedAt)} 上传）
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">尚未上传文件</Typography.Text>
        )}
        {draft && (
          <Upload
            accept={ACCEPT[lesson.kind]}
            showUploadList={false}
            disabled={percent !== null}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button loading={percent !== null}>
              {lesson.file ? '更换文件' : lesson.kind === 'video' ? '上传视频（MP4/WebM）' : '上传文档（PDF）'}
            </Button>
          </Upload>
        )}
        {percent !== null && <Progress percent={percent} size="small" aria-label="上传进度" status="active" />}
        <Typography.Text strong>检查题（学习中随机提问，答对后继续计时）</Typography.Text>
        {lesson.questions.length === 0 && <Typography.Text type="secondary">还没有检查题（发布前至少一道）</Typography.Text>}
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {lesson.questions.map((q) => (
            <li key={q.id}>
              {q.prompt}（
              {q.options.map((o, i) => (
                <span key={i} style={i === q.answer ? { fontWeight: 600, color: '#15803d' } : undefined}>
                  {String.fromCharCode(65 + i)}. {o}
                  {i < q.options.length - 1 ? '；' : ''}
                </span>
              ))}
              ）
              {draft && (
                <Button
                  type="link"
                  size="small"
                  danger
                  disabled={busy}
                  onClick={() =>
                    act('删除检查题', () => api(`/online-lessons/${lesson.id}/questions/${q.id}`, { method: 'DELETE' }), '已删除检查题')
                  }
                >
                  删除
                </Button>
              )}
            </li>
          ))}
        </ol>
        {draft && <NewQuestion lessonId={lesson.id} onDone={reload} />}
      </Space>
    </Card>
  );
}

function NewQuestion({ lessonId, onDone }: { lessonId: number; onDone(): void }) {
  const [form] = Form.useForm<{ prompt: string; options: string; answer: number }>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { prompt: string; options: string; answer: number }) => {
    const options = v.options
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean);
    setBusy(true);
    try {
      await api(`/online-lessons/${lessonId}/questions`, { method: 'POST', body: { prompt: v.prompt, options, answer: v.answer - 1 } });
      form.resetFields();
      onDone();
    } catch (e) {
      Modal.error({ title: '添加检查题失败', content: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ answer: 1 }} style={{ maxWidth: 520 }}>
      <Form.Item name="prompt" label="题目" rules={[{ required: true, whitespace: true, message: '请填写题目' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="options" label="选项（每行一个，2—6 个）" rules={[{ required: true, message: '请填写选项' }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="answer" label="正确答案是第几个选项">
        <InputNumber min={1} max={6} precision={0} />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        添加检查题
      </Button>
    </Form>
  );
}

/** Per trainee: online time, classroom sign-ins and manual marks, and the hours credited. */
export function OnlineStudyTable({ classId }: { classId: string }) {
  const loaded = useApi<TOnlineStudySummary>(`/classes/${encodeURIComponent(classId)}/online-study`);
  if (loaded.error) return <LoadError error={loaded.error} what="网络学习情况" onRetry={loaded.reload} />;
  const rule = loaded.data?.rule;
  const dash = (v: number | null, unit = '') => (v === null ? '—' : `${v}${unit}`);
  return (
    <Card
      size="small"
      title="学员的网络学习与出勤"
      extra={
        <Button size="small" onClick={loaded.reload}>
          刷新
        </Button>
      }
    >
      {rule && (
        <Typography.Paragraph type="secondary">
          {rule.counts
            ? `网络学习时间计入实到学时，最多为本班总课时的 ${rule.maxSharePercent}%（${rule.capHours} 学时；市人社局设定，${rule.clause}）。`
            : '本班的培训项目不计网络学习时间（仅技能等级提升、短期岗位技能、就业技能培训可计，§5.4）。'}
          “—”表示没有记录（不是零）。
        </Typography.Paragraph>
      )}
      <Table
        rowKey="residentId"
        size="small"
        loading={loaded.loading}
        dataSource={loaded.data?.trainees ?? []}
        pagination={(loaded.data?.trainees.length ?? 0) > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 720 }}
        columns={[
          { title: '学员', dataIndex: 'name', width: 100 },
          { title: '网络学习时长', dataIndex: 'onlineSeconds', width: 120, render: (s: number | null) => (s === null ? '—' : minutes(s)) },
          { title: '计入网络学时', dataIndex: 'onlineCreditedHours', width: 110, align: 'right', render: (h: number | null) => dash(h) },
          { title: '扫码签到（次）', dataIndex: 'qrSignins', width: 110, align: 'right' },
          { title: '手工补录（次）', dataIndex: 'manualMarks', width: 110, align: 'right' },
          { title: '课堂出勤学时', dataIndex: 'classroomHours', width: 110, align: 'right', render: (h: number | null) => dash(h) },
          { title: '实到学时（合计）', dataIndex: 'attendedHours', width: 120, align: 'right', render: (h: number | null) => dash(h) },
        ]}
      />
    </Card>
  );
}
