// 开班审查详情: one class application with the opening review (GET /classes/:id/review, computed now):
// the class's own checks and every trainee's cross-program status — pension (R5), this year's count
// (R3), an earlier subsidy for the same occupation and level (R4), overlapping classes — each with its
// clause; then approve or return with a reason.
import { useUnsavedGuard } from '../../unsaved-guard.tsx';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Spin, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Dialog, LoadError } from '../../components.tsx';
import { PrintButton } from '../../components.tsx';
import { clauseHeading, formatDate, withCode } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { areaName, CLASS_STATUS_NAMES, LEVEL_NAMES, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { RowsExportButton, type ExportColumn } from '../../list.tsx';
import { post, reviewPage, useAction, type ClassView, type OpeningReview, type Problem } from './shared.tsx';
import { validFields } from '../../form-errors.ts';
import { AttachmentsCard } from '../../attachments.tsx';
import { OnlineStudyTable } from '../provider/OnlineCourseTab.tsx';
import { ClassBasesTab } from '../provider/ClassBasesTab.tsx';

type TraineeRow = OpeningReview['trainees'][number];

/** The columns of the cross-program status: which problems each one shows. */
const CHECKS: { key: string; title: string; clause: string; match(p: Problem): boolean }[] = [
  { key: 'pension', title: '养老金（R5）', clause: '§4.0', match: (p) => p.rule === 'R5' },
  { key: 'count', title: '本年补贴次数（R3）', clause: '§4.0', match: (p) => p.rule === 'R3' },
  { key: 'repeat', title: '同工种同等级（R4）', clause: '§4.0', match: (p) => p.rule === 'R4' },
  { key: 'overlap', title: '培训时间冲突', clause: '§5.3', match: (p) => p.rule === '培训时间冲突' },
  { key: 'other', title: '其他（R11、同一雇主）', clause: '§4.0', match: (p) => !['R5', 'R3', 'R4', '培训时间冲突'].includes(p.rule) },
];

/** Each check as text: 通过, or its problems (不符合/待核实, clause, message). */
const TRAINEE_EXPORT: ExportColumn<TraineeRow>[] = [
  { title: '姓名', value: (t) => t.name },
  { title: '身份证号', value: (t) => t.residentId, width: 22 },
  ...CHECKS.map((k) => ({
    title: k.title,
    width: 40,
    value: (t: TraineeRow) => {
      const problems = t.problems.filter(k.match);
      return problems.length
        ? problems.map((p) => `${p.severity === 'blocking' ? '不符合' : '待核实'}（${p.clause}）${p.message}`).join('；')
        : '通过';
    },
  })),
];

function ProblemTag({ p }: { p: Problem }) {
  return (
    <div style={{ marginBottom: 4 }}>
      <Tag color={p.severity === 'blocking' ? 'error' : 'warning'}>{p.severity === 'blocking' ? '不符合' : '待核实'}</Tag>
      <Typography.Text type="secondary">{p.clause}</Typography.Text> {p.message}
    </div>
  );
}

function StatusCell({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return <Tag color="success">通过</Tag>;
  return (
    <>
      {problems.map((p, i) => (
        <ProblemTag key={i} p={p} />
      ))}
    </>
  );
}

function ClassReview() {
  const { id = '' } = useParams();
  const path = `/classes/${encodeURIComponent(id)}`;
  const cls = useApi<ClassView>(path);
  const review = useApi<OpeningReview>(cls.data && cls.data.status !== 'draft' ? `${path}/review` : null);
  const [returnForm] = Form.useForm<{ note: string }>();
  const [approveForm] = Form.useForm<{ note?: string }>();
  const [returning, setReturning] = useState(false);
  const action = useAction(returnForm);
  const approveAction = useAction(approveForm);
  const [closeForm] = Form.useForm<{ note?: string }>();
  const closeAction = useAction(closeForm);
  const approveGuard = useUnsavedGuard(approveForm);
  const closeGuard = useUnsavedGuard(closeForm);

  if (cls.error) return <LoadError error={cls.error} what="培训班" onRetry={cls.reload} />;
  if (cls.loading || !cls.data) return <Spin size="large" />;
  const c = cls.data;
  const reload = () => {
    cls.reload();
    review.reload();
  };
  const decidable = c.status === 'submitted';

  const columns: TableProps<TraineeRow>['columns'] = [
    { title: '姓名', dataIndex: 'name', key: 'name', width: 90, fixed: 'left' },
    {
      title: '身份证号',
      dataIndex: 'residentId',
      key: 'residentId',
      width: 170,
      render: (r: string) => <span style={{ fontFamily: 'monospace' }}>{r}</span>,
    },
    ...CHECKS.map((k) => ({
      title: k.title,
      key: k.key,
      width: k.key === 'other' ? 220 : 190,
      render: (_: unknown, t: TraineeRow) => <StatusCell problems={t.problems.filter(k.match)} />,
    })),
  ];

  const approve = () =>
    validFields(approveForm).then((v) =>
      approveAction.run(
        'approve',
        () => post(`${path}/approve`, { note: v.note?.trim() || null }),
        () => {
          approveGuard.saved();
          reload();
          return '开班审查已通过';
        },
      ),
    );
  const close = () =>
    validFields(closeForm).then((v) =>
      closeAction.run(
        'close',
        () => post(`${path}/close`, { note: v.note?.trim() || null }),
        () => {
          closeGuard.saved();
          reload();
          return '已验收结班，培训机构可申领补贴';
        },
      ),
    );
  const doReturn = () =>
    validFields(returnForm).then((v) =>
      action.run(
        'return',
        () => post(`${path}/return`, { note: v.note.trim() }),
        () => {
          setReturning(false);
          returnForm.resetFields();
          reload();
          return '已退回开班申请';
        },
      ),
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/review/classes">← 返回开班审查列表</Link>
      <PrintButton path={`/classes/${encodeURIComponent(c.id)}/opening-review.pdf`} label="打印开班审查记录" />
      <Typography.Title level={3} style={{ margin: 0 }}>
        开班申请 {c.number} <Tag>{nameOf(CLASS_STATUS_NAMES, c.status)}</Tag>
      </Typography.Title>
      <Card title="开班申请" size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, lg: 3 }}
          bordered
          items={[
            { key: 'program', label: '培训项目', children: `${nameOf(PROGRAM_NAMES, c.program)}` },
            { key: 'provider', label: '培训机构', children: withCode(c.providerName, c.providerId) },
            { key: 'area', label: '地区', children: areaName(c.areaCode) },
            { key: 'occ', label: '职业（工种）', children: c.occupationCode ?? '—' },
            { key: 'level', label: '等级', children: c.level ? nameOf(LEVEL_NAMES, c.level) : '—' },
            { key: 'ent', label: '企业', children: withCode(c.enterpriseName, c.enterpriseUscc) },
            { key: 'dates', label: '培训期间', children: `${formatDate(c.startDate)} 至 ${formatDate(c.endDate)}` },
            { key: 'hours', label: '课时', children: `${c.hours} 学时，${c.sessions.length} 个课次` },
            { key: 'venue', label: '培训地点', children: c.venue },
            {
              key: 'teachers',
              label: '授课教师',
              children: (c.teachers ?? []).map((t) => `${t.name}${t.qualification ? `（${t.qualification}）` : ''}`).join('、') || '—',
            },
            { key: 'filing', label: '培训内容备案', children: c.filingNumber ?? '—' },
            { key: 'trainees', label: '学员人数', children: c.trainees.length },
          ]}
        />
        {c.reviewNote && <Alert style={{ marginTop: 12 }} type="info" showIcon title={`审查意见：${c.reviewNote}`} />}
      </Card>
      <AttachmentsCard record={`/classes/${encodeURIComponent(c.id)}`} title="附件（开班申请材料）" />
      <Card
        title="开班审查（跨项目核查）"
        size="small"
        extra={
          review.data &&
          (review.data.blocking ? (
            <Tag color="error" data-testid="review-verdict">
              有不符合项，不能通过
            </Tag>
          ) : (
            <Tag color="success" data-testid="review-verdict">
              未发现不符合项
            </Tag>
          ))
        }
      >
        {c.status === 'draft' ? (
          <Alert type="info" showIcon title="草稿尚未提交，提交后才能审查" />
        ) : review.error ? (
          <LoadError error={review.error} what="开班审查" onRetry={review.reload} />
        ) : !review.data ? (
          <Spin />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <div>
              <Typography.Text strong>培训班：</Typography.Text>
              {review.data.classProblems.length === 0 ? (
                <Tag color="success">机构资质、目录、备案等核查通过</Tag>
              ) : (
                review.data.classProblems.map((p, i) => <ProblemTag key={i} p={p} />)
              )}
            </div>
            <Typography.Text type="secondary">
              每名学员按政策核查：
              {CHECKS.map((k) => `${k.title}（${k.clause} ${clauseHeading(k.clause)}）`)
                .slice(0, 4)
                .join('；')}
              。 “待核实”为缺少事实，不会被当作“否”。
            </Typography.Text>
            <div style={{ textAlign: 'right' }}>
              <RowsExportButton
                rows={review.data.trainees}
                columns={TRAINEE_EXPORT}
                fileName={`开班申请${c.number}学员核查`}
                sheetName="学员核查"
              />
            </div>
            <Table<TraineeRow>
              rowKey="residentId"
              size="small"
              columns={columns}
              dataSource={review.data.trainees}
              pagination={{ pageSize: 50, showTotal: (n) => `共 ${n} 名学员`, hideOnSinglePage: true }}
              scroll={{ x: 1250 }}
              aria-label="学员跨项目核查"
            />
          </Space>
        )}
      </Card>
      {['running', 'assessed', 'closed'].includes(c.status) && ['skill_upgrade', 'short_term', 'employment_skill'].includes(c.program) && (
        <OnlineStudyTable classId={c.id} />
      )}
      <ClassBasesTab cls={c} />
      {decidable && (
        <Card title="审查决定" size="small">
          <Form form={approveForm} layout="vertical" disabled={Boolean(approveAction.running || action.running)}>
            <Form.Item label="审查意见（通过时可不填）" name="note" rules={[{ max: 2000, message: '审查意见不超过 2000 字' }]}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Space>
              <Button type="primary" onClick={approve} loading={approveAction.running === 'approve'} disabled={review.data?.blocking}>
                审查通过
              </Button>
              <Button danger onClick={() => setReturning(true)}>
                退回
              </Button>
              {review.data?.blocking && <Typography.Text type="danger">有不符合项，只能退回</Typography.Text>}
            </Space>
          </Form>
        </Card>
      )}
      {c.status === 'assessed' && (
        <Card title="结业考核验收（§5.3）" size="small">
          <Form form={closeForm} layout="vertical" disabled={Boolean(closeAction.running)}>
            <Form.Item label="验收意见（可不填）" name="note" rules={[{ max: 2000, message: '验收意见不超过 2000 字' }]}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Button type="primary" onClick={close} loading={closeAction.running === 'close'}>
              验收结班
            </Button>
          </Form>
        </Card>
      )}
      <Dialog
        guard={returnForm}
        open={returning}
        title="退回开班申请"
        okText="确认退回"
        cancelText="取消"
        onOk={doReturn}
        onCancel={() => setReturning(false)}
        okButtonProps={{ loading: action.running === 'return', danger: true }}
        destroyOnHidden
      >
        <Form form={returnForm} layout="vertical">
          <Form.Item
            label="退回理由"
            name="note"
            rules={[
              { required: true, whitespace: true, message: '请填写退回理由' },
              { max: 2000, message: '退回理由不超过 2000 字' },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Dialog>
    </Space>
  );
}

export default reviewPage(ClassReview);
