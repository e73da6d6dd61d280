// A booking is cancelled by whoever made it (or the city) with a reason; its slots are freed; audited.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';
import { getBaseBooking, type BaseBookingView } from './list-base-bookings.ts';

export async function cancelBaseBooking(tx: Tx, actor: Actor | null, id: string, input: { reason: string }): Promise<BaseBookingView> {
  const a = requireRole(actor, 'provider', 'enterprise', 'city', 'county');
  const b = await tx.selectFrom('base_bookings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  const own =
    b &&
    (a.role === 'city' ||
      b.created_by === actorLabel(a) ||
      (a.role === 'provider' && b.booker_ref === a.providerId) ||
      (a.role === 'enterprise' && b.booker_ref === a.enterpriseUscc));
  if (!b || !own) throw new AppError('not_found', '没有找到这个预约，或它不是本单位的预约');
  if (b.status === 'cancelled') throw new AppError('invalid_transition', `预约 ${b.number} 已取消`, 'status');
  await tx.deleteFrom('base_booking_slots').where('booking_id', '=', id).execute();
  await tx
    .updateTable('base_bookings')
    .set({ status: 'cancelled', cancel_reason: input.reason.trim(), cancelled_by: actorLabel(a), cancelled_at: new Date() })
    .where('id', '=', id)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'base_booking.cancel',
    entity: 'base_booking',
    entityId: id,
    data: { number: b.number, reason: input.reason.trim() },
  });
  return getBaseBooking(tx, id);
}
