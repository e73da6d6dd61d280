// 实训基地与教材 on a class (§5.4; docs/open-classes.md): the textbook the class states it uses (one of
// its occupation's, standard or locally developed), and the class's bookings of public training bases —
// booked here for the class: a base, a day and its free half-hour slots, the seats, and the consumables
// at the base's price list (the only charge), the total shown in yuan as the quantities are typed. A
// time already booked is greyed out, and the database refuses it anyway (the server's message is shown).
// Cancelling asks for a reason and a confirmation. Used by the provider's class page and the office's.
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag, Typography, message } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { useBusinessDate } from '../../business-date.tsx';
import { Dialog, DialogCancelButton, LoadError } from '../../components.tsx';
import { DateInput } from '../../date-input.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { areaName } from '../../labels.ts';
import { BOOKER_ROLE_NAMES, BOOKING_HORIZON_DAYS, TEXTBOOK_KIND_NAMES } from '../../../../src/vocabulary/enrolment.ts';
import type { TClassView } from '../../../../src/api/routes/classes.types.ts';
import type {
  TBaseBooking,
  TBaseBookings,
  TClassTextbook,
  TTextbook,
  TTextbookPage,
  TTextbookSet,
  TTrainingBasePage,
} from '../../../../src/api/routes/training-bases.types.ts';

type Booking = TBaseBooking;
/** What the panel needs of a class (the provider's and the office's class views both have it). */
export type ClassRef = Pick<TClassView, 'id' | 'number' | 'providerId' | 'status' | 'trainees'>;

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));
/** The half-hour slots a base may be booked in the day's working hours: 07:00 … 21:30 (07:00–22:00). */
const FIRST_SLOT = 14;
const LAST_SLOT = 43;
const hhmm = (slot: number) => `${String(Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 ? '30' : '00'}`;
const slotOf = (time: string) => Number(time.slice(0, 2)) * 2 + (time.slice(3, 5) === '30' ? 1 : 0);
const bookTitle = (b: TTextbook) => `${b.title}${b.edition ? `（${b.edition}）` : ''}`;

export function ClassBasesTab({ cls }: { cls: ClassRef }) {
  const { me } = useAuth();
  // The class's own provider books for it; the offices may too (a base is open to them, §5.4).
  const canBook =
    cls.status !== 'closed' &&
    ((me?.role === 'provider' && me.providerId === cls.providerId) || me?.role === 'city' || me?.role === 'county');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <TextbookCard classId={cls.id} />
      <BookingsCard cls={cls} canBook={canBook} />
    </Space>
  );
}

function TextbookCard({ classId }: { classId: string }) {
  const current = useApi<TClassTextbook>(`/classes/${encodeURIComponent(classId)}/textbook`);
  const occupation = current.data?.occupationCode ?? null;
  const choices = useApi<TTextbookPage>(current.data?.changeable && occupation ? '/textbooks' : null, {
    occupationCode: occupation ?? '',
    pageSize: 200,
  });
  const [picked, setPicked] = useState<number | null | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  if (current.error) return <LoadError error={current.error} what="教材" onRetry={current.reload} />;
  const d = current.data;
  const book = d?.textbook ?? null;
  const value = picked === undefined ? (book?.id ?? null) : picked;
  const save = async () => {
    if (saving) return;
    setSaving(true);
    try {
      const r = await api<TTextbookSet>(`/classes/${encodeURIComponent(classId)}/textbook`, {
        method: 'PUT',
        body: { textbookId: value },
      });
      void message.success(r.title ? `已设置本班教材：${r.title}` : '已取消本班教材');
      setPicked(undefined);
      current.reload();
    } catch (e) {
      void message.error(errorText(e), 8);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title="培训教材" loading={!d}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div data-testid="class-textbook">
          {book ? (
            <Space wrap>
              <Typography.Text strong>{bookTitle(book)}</Typography.Text>
              <Tag color={book.kind === 'standard' ? 'blue' : 'green'}>{TEXTBOOK_KIND_NAMES[book.kind]}</Tag>
              {book.publisher && <Typography.Text type="secondary">{book.publisher}</Typography.Text>}
            </Space>
          ) : (
            <Typography.Text type="secondary">本班尚未指定教材</Typography.Text>
          )}
        </div>
        {d?.changeable &&
          (occupation ? (
            <Space wrap>
              <Select
                aria-label="选择教材"
                style={{ width: 360 }}
                allowClear
                loading={choices.loading}
                placeholder={`工种 ${occupation} 的教材`}
                value={value ?? undefined}
                onChange={(v?: number) => setPicked(v ?? null)}
                notFoundContent="该工种暂无登记的教材（由市人社局登记）"
                options={(choices.data?.items ?? []).map((b) => ({
                  value: b.id,
                  label: `${bookTitle(b)} · ${TEXTBOOK_KIND_NAMES[b.kind]}${b.publisher ? ` · ${b.publisher}` : ''}`,
                }))}
              />
              <Button type="primary" onClick={save} loading={saving} disabled={saving || value === (book?.id ?? null)}>
                保存教材
              </Button>
            </Space>
          ) : (
            <Typography.Text type="secondary">本班未指定职业（工种），不按工种选教材。</Typography.Text>
          ))}
      </Space>
    </Card>
  );
}

function BookingsCard({ cls, canBook }: { cls: ClassRef; canBook: boolean }) {
  const loaded = useApi<TBaseBookings>(`/classes/${encodeURIComponent(cls.id)}/base-bookings`);
  const [booking, setBooking] = useState(false);
  const [cancelling, setCancelling] = useState<Booking | null>(null);
  if (loaded.error) return <LoadError error={loaded.error} what="实训基地预约" onRetry={loaded.reload} />;
  const live = (loaded.data?.items ?? []).filter((b) => b.status === 'booked');
  const totalFen = live.reduce((s, b) => s + b.consumablesFen, 0);
  return (
    <Card
      size="small"
      title="公共实训基地预约"
      extra={
        canBook && (
          <Button type="primary" onClick={() => setBooking(true)}>
            预约实训基地
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        公共实训基地向培训机构、职业院校和企业开放，只收取耗材费用（§5.4）。本班有效预约 {live.length} 个，耗材费合计{' '}
        {formatMoney(totalFen)}。
      </Typography.Paragraph>
      <Table<Booking>
        rowKey="id"
        size="small"
        aria-label="本班的实训基地预约"
        loading={loaded.loading}
        dataSource={loaded.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1500 }}
        locale={{ emptyText: '本班尚无实训基地预约' }}
        columns={[
          { title: '预约编号', dataIndex: 'number', width: 190 },
          { title: '实训基地', dataIndex: 'baseName', width: 180 },
          { title: '日期', dataIndex: 'day', width: 130, render: (v: string) => formatDate(v) },
          { title: '时段', key: 't', width: 110, render: (_: unknown, b) => `${b.startsAt}–${b.endsAt}` },
          { title: '人数', dataIndex: 'seats', width: 60, align: 'right' as const },
          {
            title: '耗材',
            key: 'items',
            width: 300,
            render: (_: unknown, b) =>
              b.items.length
                ? b.items
                    .map((i) => `${i.name} ${i.quantity}${i.unit} × ${formatMoney(i.unitPriceFen)} = ${formatMoney(i.lineFen)}`)
                    .join('；')
                : '—',
          },
          { title: '耗材费', dataIndex: 'consumablesFen', width: 110, align: 'right' as const, render: (v: number) => formatMoney(v) },
          { title: '预约方', key: 'who', width: 170, render: (_: unknown, b) => `${b.bookerName}（${BOOKER_ROLE_NAMES[b.bookerRole]}）` },
          {
            title: '状态',
            key: 's',
            width: 150,
            render: (_: unknown, b) =>
              b.status === 'booked' ? (
                <Tag color="success">已预约</Tag>
              ) : (
                <>
                  <Tag>已取消</Tag>
                  {b.cancelReason && <div>原因：{b.cancelReason}</div>}
                </>
              ),
          },
          {
            title: '操作',
            key: 'x',
            width: 100,
            fixed: 'right' as const,
            render: (_: unknown, b) =>
              b.mine && b.status === 'booked' ? (
                <Button size="small" danger onClick={() => setCancelling(b)}>
                  取消预约
                </Button>
              ) : null,
          },
        ]}
      />
      {booking && <BookingDialog cls={cls} onClose={() => setBooking(false)} onDone={loaded.reload} />}
      {cancelling && <CancelDialog booking={cancelling} onClose={() => setCancelling(null)} onDone={loaded.reload} />}
    </Card>
  );
}

function CancelDialog({ booking, onClose, onDone }: { booking: Booking; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { reason: string }) => {
    if (busy) return;
    setBusy(true);
    try {
      await api(`/base-bookings/${encodeURIComponent(booking.id)}/cancel`, { method: 'POST', body: { reason: v.reason.trim() } });
      void message.success(`已取消预约 ${booking.number}，时段已释放`);
      onDone();
      onClose();
    } catch (e) {
      void message.error(errorText(e), 8);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open title={`取消预约 ${booking.number}`} guard={form} onCancel={onClose} footer={null} destroyOnHidden>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={`${booking.baseName} ${formatDate(booking.day)} ${booking.startsAt}–${booking.endsAt} 的预约将被取消，时段释放给其他单位，不能恢复。`}
      />
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item
          name="reason"
          label="取消原因"
          rules={[
            { required: true, whitespace: true, message: '请填写取消原因' },
            { max: 200, message: '取消原因不超过 200 字' },
          ]}
        >
          <Input maxLength={200} placeholder="如：培训计划调整" />
        </Form.Item>
        <Space>
          <Button type="primary" danger htmlType="submit" loading={busy}>
            确认取消预约
          </Button>
          <DialogCancelButton>不取消</DialogCancelButton>
        </Space>
      </Form>
    </Dialog>
  );
}

/** The day's booked spans at a base, as slot numbers. */
function useTakenSlots(baseId: string | undefined, day: Dayjs | null) {
  const d = day?.format('YYYY-MM-DD');
  const loaded = useApi<TBaseBookings>(baseId && d ? `/training-bases/${encodeURIComponent(baseId)}/bookings` : null, {
    from: d ?? '',
    to: d ?? '',
  });
  const taken = useMemo(() => {
    const out = new Map<number, string>();
    for (const b of loaded.data?.items ?? [])
      for (let s = slotOf(b.startsAt); s < slotOf(b.endsAt); s++) out.set(s, `${b.number}（${b.bookerName}）`);
    return out;
  }, [loaded.data]);
  return { taken, loading: loaded.loading, error: loaded.error, reload: loaded.reload };
}

function BookingDialog({ cls, onClose, onDone }: { cls: ClassRef; onClose(): void; onDone(): void }) {
  const bases = useApi<TTrainingBasePage>('/training-bases', { pageSize: 200 });
  // A base is booked from the business date on (never for a day already past), up to the horizon.
  const { beforeToday, day: today } = useBusinessDate();
  const unbookable = (d: Dayjs) => beforeToday(d) || d.isAfter(today().add(BOOKING_HORIZON_DAYS, 'day'), 'day');
  const [form] = Form.useForm();
  const [baseId, setBaseId] = useState<string | undefined>();
  const [day, setDay] = useState<Dayjs | null>(null);
  const [slots, setSlots] = useState<Set<number>>(new Set());
  const [quantities, setQuantities] = useState<Record<number, number | null>>({});
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const base = bases.data?.items.find((b) => b.id === baseId);
  const taken = useTakenSlots(baseId, day);
  const chosen = [...slots].sort((a, b) => a - b);
  const contiguous = chosen.every((s, i) => i === 0 || s === chosen[i - 1]! + 1);
  const span = chosen.length ? { startsAt: hhmm(chosen[0]!), endsAt: hhmm(chosen[chosen.length - 1]! + 1) } : null;
  // Integer fen throughout: price × quantity summed exactly (quantities are whole numbers).
  const lines = (base?.consumables ?? [])
    .map((c) => ({ c, quantity: quantities[c.id] ?? 0 }))
    .filter((l) => l.quantity > 0)
    .map((l) => ({ ...l, lineFen: l.c.priceFen * l.quantity }));
  const totalFen = lines.reduce((s, l) => s + l.lineFen, 0);

  const pickBase = (id: string) => {
    setBaseId(id);
    setSlots(new Set());
    setQuantities({});
    setRefused(null);
  };
  const toggle = (slot: number) => {
    setRefused(null);
    setSlots((s) => {
      const next = new Set(s);
      if (next.has(slot)) next.delete(slot);
      else next.add(slot);
      return next;
    });
  };
  const submit = async (v: { seats: number; purpose?: string }) => {
    if (busy || !base || !day) return;
    if (!span) return setRefused('请选择预约时段（点选半小时时段）');
    if (!contiguous) return setRefused('所选时段须连续；不连续的时段请分别预约');
    setBusy(true);
    setRefused(null);
    try {
      const made = await api<Booking>('/base-bookings', {
        method: 'POST',
        body: {
          baseId: base.id,
          classId: cls.id,
          day: day.format('YYYY-MM-DD'),
          ...span,
          seats: v.seats,
          purpose: v.purpose?.trim() ?? '',
          items: lines.map((l) => ({ consumableId: l.c.id, quantity: l.quantity })),
        },
      });
      void message.success(`已预约 ${made.number}，耗材费 ${formatMoney(made.consumablesFen)}`);
      onDone();
      onClose();
    } catch (e) {
      // A clash (409) names the base, the day and the span; the slots are read again to show it.
      setRefused(errorText(e));
      taken.reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      title={`为培训班 ${cls.number} 预约公共实训基地`}
      guard={form}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={760}
    >
      {bases.error && <Alert type="error" showIcon title={bases.error.message} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        initialValues={{ seats: Math.max(1, cls.trainees.length), purpose: '' }}
        aria-label="预约实训基地"
      >
        <Form.Item label="实训基地" required>
          <Select
            aria-label="实训基地"
            placeholder="选择实训基地"
            loading={bases.loading}
            value={baseId}
            onChange={pickBase}
            options={(bases.data?.items ?? []).map((b) => ({
              value: b.id,
              label: `${b.name}（${areaName(b.areaCode)}，容量 ${b.capacity} 人）`,
            }))}
            notFoundContent="暂无登记的公共实训基地"
          />
        </Form.Item>
        {base && (
          <>
            <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
              <Descriptions.Item label="地址">{`${areaName(base.areaCode)} ${base.address}`}</Descriptions.Item>
              <Descriptions.Item label="设备">{base.equipment || '—'}</Descriptions.Item>
            </Descriptions>
            <Space wrap align="start">
              <Form.Item label="预约日期" htmlFor="booking-day" required>
                <DateInput
                  id="booking-day"
                  value={day}
                  onChange={(d) => {
                    setDay(d);
                    setSlots(new Set());
                    setRefused(null);
                  }}
                  disabledDate={unbookable}
                />
              </Form.Item>
              <Form.Item
                name="seats"
                label={`人数（不超过 ${base.capacity}）`}
                rules={[
                  { required: true, message: '请填写人数' },
                  { type: 'number', max: base.capacity, message: `超过基地容量 ${base.capacity} 人` },
                ]}
              >
                <InputNumber aria-label="人数" min={1} precision={0} />
              </Form.Item>
              <Form.Item name="purpose" label="用途">
                <Input maxLength={200} style={{ width: 260 }} placeholder="如：焊接实操" />
              </Form.Item>
            </Space>
            {day && (
              <Form.Item label={`时段（每格半小时，灰色为已被预约）${span ? `：已选 ${span.startsAt}–${span.endsAt}` : ''}`} required>
                {taken.error ? (
                  <Alert type="error" showIcon title={taken.error.message} />
                ) : (
                  <div role="group" aria-label="预约时段" style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                    {Array.from({ length: LAST_SLOT - FIRST_SLOT + 1 }, (_, i) => FIRST_SLOT + i).map((s) => {
                      const by = taken.taken.get(s);
                      return (
                        <Button
                          key={s}
                          size="small"
                          type={slots.has(s) ? 'primary' : 'default'}
                          disabled={!!by || taken.loading}
                          title={by ? `已被预约：${by}` : undefined}
                          aria-pressed={slots.has(s)}
                          aria-label={`${hhmm(s)}–${hhmm(s + 1)}${by ? ' 已被预约' : ''}`}
                          onClick={() => toggle(s)}
                          style={{ width: 62 }}
                        >
                          {hhmm(s)}
                        </Button>
                      );
                    })}
                  </div>
                )}
                {!contiguous && <Typography.Text type="danger">所选时段须连续</Typography.Text>}
              </Form.Item>
            )}
            <Card size="small" title="耗材（按基地价格表收费，只收耗材费）" style={{ marginBottom: 12 }}>
              {base.consumables.length === 0 ? (
                <Typography.Text type="secondary">该基地未列耗材价格，本次预约不收费。</Typography.Text>
              ) : (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  aria-label="耗材价格表"
                  dataSource={base.consumables}
                  columns={[
                    { title: '耗材', dataIndex: 'name' },
                    { title: '单价', key: 'p', render: (_: unknown, c) => `${formatMoney(c.priceFen)}/${c.unit}` },
                    {
                      title: '数量',
                      key: 'q',
                      render: (_: unknown, c) => (
                        <InputNumber
                          aria-label={`${c.name}数量`}
                          min={0}
                          max={1_000_000}
                          precision={0}
                          value={quantities[c.id] ?? null}
                          onChange={(q) => setQuantities((m) => ({ ...m, [c.id]: q }))}
                          style={{ width: 150 }}
                        />
                      ),
                    },
                    {
                      title: '金额',
                      key: 'f',
                      align: 'right' as const,
                      render: (_: unknown, c) => ((quantities[c.id] ?? 0) > 0 ? formatMoney(c.priceFen * quantities[c.id]!) : '—'),
                    },
                  ]}
                />
              )}
              <div style={{ textAlign: 'right', marginTop: 8 }}>
                <Typography.Text strong data-testid="booking-total">
                  耗材费合计 {formatMoney(totalFen)}
                </Typography.Text>
              </div>
            </Card>
          </>
        )}
        {refused && <Alert type="error" showIcon title="未能预约" description={refused} style={{ marginBottom: 12 }} role="alert" />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!base || !day || !span}>
            确认预约
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}
