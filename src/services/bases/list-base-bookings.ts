// A base's calendar (its bookings between two days) and a class's bookings (§5.4). The bookers are
// organisations (no personal data); the consumables lines are shown with their frozen prices.
import type { Tx } from '../../store/audit-log.ts';
import { actorLabel, requireActor, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { classInScope } from '../classes/class-scope.ts';
import { notFound } from '../record-scope.ts';
import type { BookerRole } from '../../store/schema.ts';

export interface BaseBookingView {
  id: string;
  number: string;
  baseId: string;
  baseName: string;
  classId: string | null;
  classNumber: string | null;
  bookerRole: BookerRole;
  bookerName: string;
  day: string;
  startsAt: string;
  endsAt: string;
  seats: number;
  purpose: string;
  consumablesFen: number;
  items: { name: string; unit: string; unitPriceFen: number; quantity: number; lineFen: number }[];
  status: 'booked' | 'cancelled';
  cancelReason: string | null;
  mine: boolean;
}

const MAX_DAYS = 62;

function query(tx: Tx) {
  return tx
    .selectFrom('base_bookings')
    .innerJoin('training_bases', 'training_bases.id', 'base_bookings.base_id')
    .leftJoin('classes', 'classes.id', 'base_bookings.class_id')
    .selectAll('base_bookings')
    .select(['training_bases.name as base_name', 'classes.number as class_number']);
}
type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

async function views(tx: Tx, rows: Row[], actor: Actor | null): Promise<BaseBookingView[]> {
  const ids = rows.map((r) => r.id);
  const items = ids.length
    ? await tx.selectFrom('base_booking_items').selectAll().where('booking_id', 'in', ids).orderBy('consumable_id').execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    baseId: r.base_id,
    baseName: r.base_name,
    classId: r.class_id,
    classNumber: r.class_number ?? null,
    bookerRole: r.booker_role,
    bookerName: r.booker_name,
    day: r.day,
    startsAt: r.starts_at.slice(0, 5),
    endsAt: r.ends_at.slice(0, 5),
    seats: r.seats,
    purpose: r.purpose ?? '',
    consumablesFen: Number(r.consumables_fen),
    items: items
      .filter((i) => i.booking_id === r.id)
      .map((i) => ({
        name: i.name,
        unit: i.unit,
        unitPriceFen: Number(i.unit_price_fen),
        quantity: i.quantity,
        lineFen: Number(i.line_fen),
      })),
    status: r.status ?? 'booked',
    cancelReason: r.cancel_reason ?? null,
    mine:
      actor != null &&
      (actor.role === 'city' ||
        r.created_by === actorLabel(actor) ||
        (actor.role === 'provider' && r.booker_ref === actor.providerId) ||
        (actor.role === 'enterprise' && r.booker_ref === actor.enterpriseUscc)),
  }));
}

export async function getBaseBooking(tx: Tx, id: string, actor: Actor | null = null): Promise<BaseBookingView> {
  const r = await query(tx).where('base_bookings.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('not_found', '没有找到这个预约');
  return (await views(tx, [r], actor))[0]!;
}

/** The base's calendar: live bookings (and cancelled ones when asked) from `from` to `to`, at most two months. */
export async function listBaseBookings(
  tx: Tx,
  actor: Actor | null,
  baseId: string,
  input: { from: string; to: string; includeCancelled?: boolean },
): Promise<{ items: BaseBookingView[] }> {
  const a = requireActor(actor);
  if (input.to < input.from) throw new AppError('invalid_input', 'to: 结束日期应不早于开始日期', 'to');
  const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000;
  if (days > MAX_DAYS) throw new AppError('invalid_input', `to: 一次最多查看 ${MAX_DAYS} 天`, 'to');
  if (!(await tx.selectFrom('training_bases').select('id').where('id', '=', baseId).executeTakeFirst()))
    throw new AppError('not_found', '没有找到这个实训基地');
  let q = query(tx)
    .where('base_bookings.base_id', '=', baseId)
    .where('base_bookings.day', '>=', input.from)
    .where('base_bookings.day', '<=', input.to);
  if (!input.includeCancelled) q = q.where('base_bookings.status', '=', 'booked');
  const rows = await q.orderBy('base_bookings.day').orderBy('base_bookings.starts_at').orderBy('base_bookings.id').limit(1000).execute();
  return { items: await views(tx, rows, a) };
}

/** The bookings made for one class (shown on the class). */
export async function listClassBookings(tx: Tx, actor: Actor | null, classId: string): Promise<{ items: BaseBookingView[] }> {
  const a = requireActor(actor);
  const cls = await tx.selectFrom('classes').select('id').where('id', '=', classId).where(classInScope(a)).executeTakeFirst();
  if (!cls) throw notFound('培训班', classId);
  const rows = await query(tx)
    .where('base_bookings.class_id', '=', classId)
    .orderBy('base_bookings.day')
    .orderBy('base_bookings.starts_at')
    .limit(500)
    .execute();
  return { items: await views(tx, rows, a) };
}
