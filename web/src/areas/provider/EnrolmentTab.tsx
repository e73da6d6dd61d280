// 报名: a class's public enrolment (§5.5; docs/open-classes.md) — whether it is open to the public, its
// seats and last day to apply, and the applications received: accept (the person joins the roster
// after the same per-trainee checks as the opening review; never beyond the seats) or decline with a
// reason the person reads. Both ask for confirmation.
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Tag, message } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { Dialog, DialogCancelButton, LoadError } from '../../components.tsx';
import { DateInput } from '../../date-input.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { APPLICATION_STATUS_NAMES, DECLINE_REASONS, type ApplicationStatus } from '../../../../src/vocabulary/enrolment.ts';
import type { TAcceptedApplication, TClassApplicationsPage } from '../../../../src/api/routes/enrolment.types.ts';

type ApplicationRow = TClassApplicationsPage['items'][number];
const STATUS_COLOR: Record<ApplicationStatus, string> = {
  applied: 'processing',
  accepted: 'success',
  declined: 'error',
  withdrawn: 'default',
};
const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

export function EnrolmentTab({
  cls,
  mine,
  reload,
}: {
  cls: { id: string; status: string; startDate: string };
  mine: boolean;
  reload(): void;
}) {
  const [page, setPage] = useState(1);
  const loaded = useApi<TClassApplicationsPage>(`/classes/${encodeURIComponent(cls.id)}/applications`, { page, pageSize: 20 });
  const [declining, setDeclining] = useState<ApplicationRow | null>(null);
  const [editing, setEditing] = useState(false);
  if (loaded.error) return <LoadError error={loaded.error} what="报名" onRetry={loaded.reload} />;
  const d = loaded.data;
  const refresh = () => {
    loaded.reload();
    reload();
  };
  const accept = async (row: ApplicationRow) => {
    try {
      const r = await api<TAcceptedApplication>(`/class-applications/${row.id}/accept`, { method: 'POST' });
      void message.success(`已录取 ${row.name}，已加入花名册`);
      if (r.warnings.length > 0) void message.warning(`请注意：${r.warnings.map((w) => w.message).join('；')}`, 8);
      refresh();
    } catch (e) {
      void message.error(errorText(e), 8);
    }
  };
  const canSet = mine && ['draft', 'returned', 'submitted', 'approved'].includes(cls.status);
  const canDecide = mine && cls.status === 'approved';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title="公开报名" extra={canSet && <Button onClick={() => setEditing(true)}>设置公开报名</Button>}>
        {d && (
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
            <Descriptions.Item label="面向社会报名">{d.publicEnrolment ? '是' : '否'}</Descriptions.Item>
            <Descriptions.Item label="招生名额">{d.seats ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="已在花名册">{d.rosterSize}</Descriptions.Item>
            <Descriptions.Item label="报名截止">{d.enrolBy ? formatDate(d.enrolBy) : '开班前'}</Descriptions.Item>
          </Descriptions>
        )}
        {d?.publicEnrolment && cls.status !== 'approved' && (
          <Alert type="info" showIcon title="开班审查通过后，本班出现在公开的“报名培训”列表中，学员可在手机上报名。" />
        )}
      </Card>
      <Table<ApplicationRow>
        rowKey="id"
        size="small"
        loading={!d}
        dataSource={d?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{ current: page, pageSize: 20, total: d?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 份报名` }}
        locale={{ emptyText: '尚未收到报名' }}
        columns={[
          { title: '报名编号', dataIndex: 'number', width: 190 },
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '身份证号', dataIndex: 'residentId', width: 180 },
          { title: '联系电话', dataIndex: 'phone', width: 120, render: (v: string | null) => v ?? '—' },
          { title: '报名时间', dataIndex: 'appliedAt', width: 150, render: (v: string) => formatDateTime(v) },
          { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? '' },
          {
            title: '状态',
            dataIndex: 'status',
            width: 180,
            render: (s: ApplicationStatus, r) => (
              <>
                <Tag color={STATUS_COLOR[s]}>{APPLICATION_STATUS_NAMES[s]}</Tag>
                {r.declineReason && <div>原因：{r.declineReason}</div>}
              </>
            ),
          },
          {
            title: '操作',
            key: 'act',
            width: 170,
            fixed: 'right' as const,
            render: (_: unknown, r) =>
              canDecide && r.status === 'applied' ? (
                <Space>
                  <Popconfirm
                    title={`录取 ${r.name}？`}
                    description="录取后加入本班花名册（经学员资格审查，不超过名额），不能撤销。"
                    okText="确认录取"
                    cancelText="取消"
                    onConfirm={() => accept(r)}
                  >
                    <Button type="primary" size="small">
                      录取
                    </Button>
                  </Popconfirm>
                  <Button size="small" danger onClick={() => setDeclining(r)}>
                    不予录取
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {declining && <DeclineDialog row={declining} onClose={() => setDeclining(null)} onDone={refresh} />}
      {editing && d && <EnrolmentDialog classId={cls.id} current={d} onClose={() => setEditing(false)} onDone={refresh} />}
    </Space>
  );
}

function DeclineDialog({ row, onClose, onDone }: { row: ApplicationRow; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ reason: string; note?: string }>();
  const [busy, setBusy] = useState(false);
  const reason = Form.useWatch('reason', form);
  const submit = async (v: { reason: string; note?: string }) => {
    setBusy(true);
    try {
      await api(`/class-applications/${row.id}/decline`, { method: 'POST', body: { reason: v.reason, note: v.note?.trim() || null } });
      void message.success(`已不予录取 ${row.name}`);
      onDone();
      onClose();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open title={`不予录取：${row.name}（${row.number}）`} guard={form} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="原因（报名人可见）" rules={[{ required: true, message: '请选择原因' }]}>
          <Select options={DECLINE_REASONS.map((r) => ({ value: r, label: r }))} placeholder="请选择" />
        </Form.Item>
        <Form.Item
          name="note"
          label="说明"
          rules={[{ required: reason === '其他', whitespace: true, message: '原因为“其他”时请写明具体原因' }, { max: 200 }]}
        >
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <Space>
          <Button type="primary" danger htmlType="submit" loading={busy}>
            确认不予录取
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}

function EnrolmentDialog({
  classId,
  current,
  onClose,
  onDone,
}: {
  classId: string;
  current: TClassApplicationsPage;
  onClose(): void;
  onDone(): void;
}) {
  type Values = { publicEnrolment: boolean; seats: number | null; enrolBy: dayjs.Dayjs | null };
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await api(`/classes/${classId}/enrolment`, {
        method: 'PUT',
        body: { publicEnrolment: v.publicEnrolment, seats: v.seats ?? null, enrolBy: v.enrolBy ? v.enrolBy.format('YYYY-MM-DD') : null },
      });
      void message.success('已保存公开报名设置');
      onDone();
      onClose();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open title="设置公开报名" guard={form} onCancel={onClose} footer={null} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          publicEnrolment: current.publicEnrolment,
          seats: current.seats,
          enrolBy: current.enrolBy ? dayjs(current.enrolBy) : null,
        }}
      >
        <Form.Item name="publicEnrolment" label="面向社会公开报名" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Form.Item name="seats" label="招生名额（含已在花名册的学员）" rules={[{ type: 'integer', min: Math.max(1, current.rosterSize) }]}>
          <InputNumber min={1} max={2000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="enrolBy" label="报名截止日期（早于开班日期；不填则开班前均可报名）">
          <DateInput />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}
