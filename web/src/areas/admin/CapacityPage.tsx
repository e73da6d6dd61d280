// 实训基地与教材 (§5.4; docs/open-classes.md): the public training bases (the city registers them; the
// offices, providers, colleges and enterprises read their equipment and consumables prices, see a
// base's calendar and book a span — the charge is consumables only, a time already booked is refused),
// the textbooks per occupation, and the skills competitions with their results. A trainee's own
// results are on 我的竞赛成绩 (/my-competitions).
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tabs, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { useBusinessDate } from '../../business-date.tsx';
import { Dialog, DialogCancelButton, LoadError } from '../../components.tsx';
import { DateInput } from '../../date-input.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { areaName } from '../../labels.ts';
import { RequireAuth } from '../../layout/RequireAuth.tsx';
import { BOOKER_ROLE_NAMES, BOOKING_HORIZON_DAYS, TEXTBOOK_KIND_NAMES } from '../../../../src/vocabulary/enrolment.ts';
import type {
  TBaseBooking,
  TBaseBookings,
  TCompetitionResults,
  TCompetitionViewPage,
  TTextbook,
  TTextbookPage,
  TTrainingBase,
  TTrainingBasePage,
} from '../../../../src/api/routes/training-bases.types.ts';

type Base = TTrainingBase;
type Booking = TBaseBooking;
const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

export default function CapacityPage() {
  return (
    <RequireAuth>
      <Capacity />
    </RequireAuth>
  );
}

function Capacity() {
  const { me } = useAuth();
  // A trainee's own results are among their records (我的竞赛成绩).
  if (me?.role === 'trainee') return <Navigate to="/my-competitions" replace />;
  const tabs = [
    { key: 'bases', label: '公共实训基地', children: <Bases /> },
    { key: 'textbooks', label: '培训教材', children: <Textbooks /> },
    ...(me?.role === 'city' || me?.role === 'county' ? [{ key: 'competitions', label: '技能竞赛', children: <Competitions /> }] : []),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>实训基地与教材</Typography.Title>
      <Tabs items={tabs} />
    </Space>
  );
}

function Bases() {
  const { me } = useAuth();
  const loaded = useApi<TTrainingBasePage>('/training-bases', { pageSize: 200 });
  const [adding, setAdding] = useState(false);
  const [calendar, setCalendar] = useState<Base | null>(null);
  if (loaded.error) return <LoadError error={loaded.error} what="实训基地" onRetry={loaded.reload} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {me?.role === 'city' && <Button onClick={() => setAdding(true)}>登记实训基地</Button>}
      <Table<Base>
        rowKey="id"
        size="small"
        loading={!loaded.data}
        dataSource={loaded.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '基地名称', dataIndex: 'name' },
          { title: '地址', dataIndex: 'address', render: (v: string, b) => `${areaName(b.areaCode)} ${v}` },
          { title: '设备', dataIndex: 'equipment' },
          { title: '容量（人）', dataIndex: 'capacity', align: 'right' as const },
          {
            title: '耗材价格',
            key: 'c',
            render: (_: unknown, b) => b.consumables.map((c) => `${c.name} ${formatMoney(c.priceFen)}/${c.unit}`).join('；'),
          },
          { title: '', key: 'cal', render: (_: unknown, b) => <Button onClick={() => setCalendar(b)}>日程与预约</Button> },
        ]}
      />
      {adding && <BaseDialog onClose={() => setAdding(false)} onDone={loaded.reload} />}
      {calendar && <CalendarModal base={calendar} onClose={() => setCalendar(null)} />}
    </Space>
  );
}

function BaseDialog({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async (v: {
    name: string;
    address: string;
    areaCode: string;
    equipment?: string;
    capacity: number;
    consumables?: { name: string; unit: string; priceYuan: number }[];
  }) => {
    setBusy(true);
    try {
      await api('/training-bases', {
        method: 'POST',
        body: {
          name: v.name,
          address: v.address,
          areaCode: v.areaCode,
          equipment: v.equipment ?? '',
          capacity: v.capacity,
          // Prices typed in yuan with two decimals, sent as integer fen.
          consumables: (v.consumables ?? []).map((c) => ({ name: c.name, unit: c.unit, priceFen: Math.round(Number(c.priceYuan) * 100) })),
        },
      });
      void message.success('已登记实训基地');
      onDone();
      onClose();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open title="登记公共实训基地" guard={form} onCancel={onClose} footer={null} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ areaCode: '510402', consumables: [{}] }}>
        <Form.Item name="name" label="基地名称" rules={[{ required: true, whitespace: true, message: '请填写基地名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label="地址" rules={[{ required: true, whitespace: true, message: '请填写地址' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="areaCode" label="所在县（区）" rules={[{ required: true }]}>
          <Select options={['510402', '510403', '510411', '510421', '510422'].map((c) => ({ value: c, label: areaName(c) }))} />
        </Form.Item>
        <Form.Item name="equipment" label="主要设备">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="capacity" label="容量（人）" rules={[{ required: true, message: '请填写容量' }]}>
          <InputNumber min={1} max={10000} precision={0} />
        </Form.Item>
        <Form.List name="consumables">
          {(fields, { add, remove }) => (
            <Card size="small" title="耗材价格（只收取耗材费用）" extra={<Button onClick={() => add()}>增加耗材</Button>}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '耗材名称' }]}>
                    <Input placeholder="耗材名称" maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']} rules={[{ required: true, whitespace: true, message: '单位' }]}>
                    <Input placeholder="单位" maxLength={10} style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'priceYuan']} rules={[{ required: true, message: '单价' }]}>
                    <InputNumber placeholder="单价（元）" min={0.01} max={1000000} precision={2} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>删除</Button>
                </Space>
              ))}
            </Card>
          )}
        </Form.List>
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            登记
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}

function CalendarModal({ base, onClose }: { base: Base; onClose(): void }) {
  const { me } = useAuth();
  const { day: today } = useBusinessDate();
  const [month, setMonth] = useState(() => today().startOf('month'));
  const from = month.format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const loaded = useApi<TBaseBookings>(`/training-bases/${base.id}/bookings`, { from, to });
  const [booking, setBooking] = useState(false);
  const canBook = me?.role === 'provider' || me?.role === 'enterprise' || me?.role === 'city' || me?.role === 'county';
  const cancel = async (b: Booking) => {
    try {
      await api(`/base-bookings/${b.id}/cancel`, { method: 'POST', body: { reason: '预约方取消' } });
      void message.success(`已取消预约 ${b.number}`);
      loaded.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Modal open title={`${base.name}：日程`} onCancel={onClose} footer={null} width={900}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button onClick={() => setMonth(month.subtract(1, 'month'))}>上月</Button>
        <Typography.Text strong>{month.format('YYYY年M月')}</Typography.Text>
        <Button onClick={() => setMonth(month.add(1, 'month'))}>下月</Button>
        {canBook && (
          <Button type="primary" onClick={() => setBooking(true)}>
            预约
          </Button>
        )}
      </Space>
      {loaded.error && <Alert type="error" title={loaded.error.message} />}
      <Table<Booking>
        rowKey="id"
        size="small"
        loading={!loaded.data}
        dataSource={loaded.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '本月暂无预约' }}
        columns={[
          { title: '日期', dataIndex: 'day', render: (v: string) => formatDate(v) },
          { title: '时段', key: 't', render: (_: unknown, b) => `${b.startsAt}–${b.endsAt}` },
          { title: '预约编号', dataIndex: 'number' },
          { title: '预约方', key: 'who', render: (_: unknown, b) => `${b.bookerName}（${BOOKER_ROLE_NAMES[b.bookerRole]}）` },
          { title: '培训班', dataIndex: 'classNumber', render: (v: string | null) => v ?? '—' },
          { title: '人数', dataIndex: 'seats', align: 'right' as const },
          {
            title: '耗材费',
            dataIndex: 'consumablesFen',
            align: 'right' as const,
            render: (v: number, b) => (
              <span
                title={b.items
                  .map((i) => `${i.name} ${i.quantity}${i.unit} × ${formatMoney(i.unitPriceFen)} = ${formatMoney(i.lineFen)}`)
                  .join('\n')}
              >
                {formatMoney(v)}
              </span>
            ),
          },
          {
            title: '',
            key: 'x',
            render: (_: unknown, b) =>
              b.mine ? (
                <Popconfirm title={`取消预约 ${b.number}？`} okText="确认取消" cancelText="不取消" onConfirm={() => cancel(b)}>
                  <Button size="small">取消预约</Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      {booking && <BookingDialog base={base} onClose={() => setBooking(false)} onDone={loaded.reload} />}
    </Modal>
  );
}

function BookingDialog({ base, onClose, onDone }: { base: Base; onClose(): void; onDone(): void }) {
  // From the business date on (never a day already past), up to the horizon, as the server checks.
  const { beforeToday, day: today } = useBusinessDate();
  const unbookable = (d: dayjs.Dayjs) => beforeToday(d) || d.isAfter(today().add(BOOKING_HORIZON_DAYS, 'day'), 'day');
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async (v: {
    day: dayjs.Dayjs;
    startsAt: string;
    endsAt: string;
    seats: number;
    purpose?: string;
    items?: { consumableId: number; quantity: number }[];
  }) => {
    setBusy(true);
    try {
      const made = await api<Booking>('/base-bookings', {
        method: 'POST',
        body: {
          baseId: base.id,
          classId: null,
          day: v.day.format('YYYY-MM-DD'),
          startsAt: v.startsAt,
          endsAt: v.endsAt,
          seats: v.seats,
          purpose: v.purpose ?? '',
          items: (v.items ?? []).filter((i) => i?.consumableId && i.quantity),
        },
      });
      void message.success(`已预约 ${made.number}，耗材费 ${formatMoney(made.consumablesFen)}`);
      onDone();
      onClose();
    } catch (e) {
      void message.error(errorText(e), 8);
    } finally {
      setBusy(false);
    }
  };
  const times = Array.from({ length: 33 }, (_, i) => {
    const m = 7 * 60 + i * 30;
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  });
  return (
    <Dialog open title={`预约：${base.name}`} guard={form} onCancel={onClose} footer={null} destroyOnHidden width={600}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ items: [{}] }}>
        <Space wrap>
          <Form.Item name="day" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DateInput disabledDate={unbookable} />
          </Form.Item>
          <Form.Item name="startsAt" label="开始" rules={[{ required: true, message: '开始时间' }]}>
            <Select style={{ width: 100 }} options={times.map((t) => ({ value: t, label: t }))} />
          </Form.Item>
          <Form.Item name="endsAt" label="结束" rules={[{ required: true, message: '结束时间' }]}>
            <Select style={{ width: 100 }} options={times.map((t) => ({ value: t, label: t }))} />
          </Form.Item>
          <Form.Item name="seats" label={`人数（≤ ${base.capacity}）`} rules={[{ required: true, message: '人数' }]}>
            <InputNumber min={1} max={base.capacity} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="purpose" label="用途">
          <Input maxLength={200} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Card size="small" title="使用耗材（按价格表收费）" extra={<Button onClick={() => add()}>增加</Button>}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'consumableId']}>
                    <Select
                      style={{ width: 200 }}
                      placeholder="耗材"
                      options={base.consumables.map((c) => ({ value: c.id, label: `${c.name}（${formatMoney(c.priceFen)}/${c.unit}）` }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'quantity']}>
                    <InputNumber placeholder="数量" min={1} max={1000000} precision={0} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>删除</Button>
                </Space>
              ))}
            </Card>
          )}
        </Form.List>
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            预约
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}

type Textbook = TTextbook;

function Textbooks() {
  const { me } = useAuth();
  const [page, setPage] = useState(1);
  const loaded = useApi<TTextbookPage>('/textbooks', { page, pageSize: 50 });
  const [form] = Form.useForm();
  const add = async (v: { occupationCode: string; title: string; kind: 'standard' | 'local'; publisher?: string; edition?: string }) => {
    try {
      await api('/textbooks', { method: 'POST', body: { ...v, publisher: v.publisher || null, edition: v.edition || null } });
      void message.success('已登记教材');
      form.resetFields();
      loaded.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {me?.role === 'city' && (
        <Form form={form} layout="inline" onFinish={add} initialValues={{ kind: 'standard' }}>
          <Form.Item name="occupationCode" rules={[{ required: true, message: '工种编码' }]}>
            <Input placeholder="工种编码，如 6-18-02-04" maxLength={40} />
          </Form.Item>
          <Form.Item name="title" rules={[{ required: true, whitespace: true, message: '教材名称' }]}>
            <Input placeholder="教材名称" maxLength={100} />
          </Form.Item>
          <Form.Item name="kind">
            <Select style={{ width: 140 }} options={Object.entries(TEXTBOOK_KIND_NAMES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="publisher">
            <Input placeholder="出版或编写单位" maxLength={100} />
          </Form.Item>
          <Form.Item name="edition">
            <Input placeholder="版次" maxLength={50} style={{ width: 90 }} />
          </Form.Item>
          <Button htmlType="submit">登记教材</Button>
        </Form>
      )}
      <Table<Textbook>
        rowKey="id"
        size="small"
        loading={!loaded.data}
        dataSource={loaded.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: loaded.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '工种', key: 'o', render: (_: unknown, b) => `${b.occupationName ?? ''} ${b.occupationCode}` },
          { title: '教材名称', dataIndex: 'title' },
          { title: '类别', dataIndex: 'kind', render: (k: Textbook['kind']) => TEXTBOOK_KIND_NAMES[k] },
          { title: '出版或编写单位', dataIndex: 'publisher', render: (v: string | null) => v ?? '—' },
          { title: '版次', dataIndex: 'edition', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Space>
  );
}

type Competition = TCompetitionViewPage['items'][number];

function Competitions() {
  const { me } = useAuth();
  const loaded = useApi<TCompetitionViewPage>('/competitions', { pageSize: 100 });
  const [form] = Form.useForm();
  const [results, setResults] = useState<Competition | null>(null);
  const add = async (v: { name: string; heldOn: dayjs.Dayjs; occupationCode: string; organiser: string }) => {
    try {
      await api('/competitions', { method: 'POST', body: { ...v, heldOn: v.heldOn.format('YYYY-MM-DD'), areaCode: '510400' } });
      void message.success('已登记竞赛');
      form.resetFields();
      loaded.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {me?.role === 'city' && (
        <Form form={form} layout="inline" onFinish={add}>
          <Form.Item name="name" rules={[{ required: true, whitespace: true, message: '竞赛名称' }]}>
            <Input placeholder="竞赛名称" maxLength={100} />
          </Form.Item>
          <Form.Item name="heldOn" rules={[{ required: true, message: '举办日期' }]}>
            <DateInput placeholder="举办日期" />
          </Form.Item>
          <Form.Item name="occupationCode" rules={[{ required: true, message: '工种编码' }]}>
            <Input placeholder="工种编码" maxLength={40} />
          </Form.Item>
          <Form.Item name="organiser" rules={[{ required: true, whitespace: true, message: '主办单位' }]}>
            <Input placeholder="主办单位" maxLength={100} />
          </Form.Item>
          <Button htmlType="submit">登记竞赛</Button>
        </Form>
      )}
      <Table<Competition>
        rowKey="id"
        size="small"
        loading={!loaded.data}
        dataSource={loaded.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '竞赛名称', dataIndex: 'name' },
          { title: '日期', dataIndex: 'heldOn', render: (v: string) => formatDate(v) },
          { title: '工种', key: 'o', render: (_: unknown, c) => `${c.occupationName ?? ''} ${c.occupationCode}` },
          { title: '主办单位', dataIndex: 'organiser' },
          {
            title: '成绩',
            dataIndex: 'results',
            render: (n: number, c) => <Button size="small" onClick={() => setResults(c)}>{`${n} 人`}</Button>,
          },
        ]}
      />
      {results && (
        <ResultsModal
          competition={results}
          onClose={() => {
            setResults(null);
            loaded.reload();
          }}
        />
      )}
    </Space>
  );
}

function ResultsModal({ competition, onClose }: { competition: Competition; onClose(): void }) {
  const { me } = useAuth();
  const loaded = useApi<TCompetitionResults>(`/competitions/${competition.id}/results`);
  const [form] = Form.useForm();
  const record = async (v: { residentId: string; rank?: number; award: string }) => {
    try {
      await api(`/competitions/${competition.id}/results`, {
        method: 'PUT',
        body: { residentId: v.residentId.trim().toUpperCase(), rank: v.rank ?? null, award: v.award },
      });
      void message.success('已登记成绩');
      form.resetFields();
      loaded.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Modal open title={`${competition.name}：成绩`} onCancel={onClose} footer={null} width={720}>
      {me?.role === 'city' && (
        <Form form={form} layout="inline" onFinish={record} style={{ marginBottom: 12 }}>
          <Form.Item name="residentId" rules={[{ required: true, message: '身份证号' }]}>
            <Input placeholder="身份证号" maxLength={18} />
          </Form.Item>
          <Form.Item name="rank">
            <InputNumber placeholder="名次" min={1} precision={0} />
          </Form.Item>
          <Form.Item name="award" rules={[{ required: true, whitespace: true, message: '奖项' }]}>
            <Input placeholder="奖项，如 一等奖" maxLength={50} />
          </Form.Item>
          <Button htmlType="submit">登记成绩</Button>
        </Form>
      )}
      <Table
        rowKey="residentId"
        size="small"
        loading={!loaded.data}
        dataSource={loaded.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '名次', dataIndex: 'rank', render: (v: number | null) => v ?? '—' },
          { title: '姓名', dataIndex: 'name' },
          { title: '身份证号', dataIndex: 'residentId' },
          { title: '奖项', dataIndex: 'award' },
        ]}
      />
    </Modal>
  );
}
