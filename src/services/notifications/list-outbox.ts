// Who was told what, and whether it went out: a trainee reads their own texts; the city reads the
// outbox (what is waiting, failed, or had no number to go to).
import type { Db } from '../../store/database.ts';
import type { OutboxStatus } from '../../store/schema.ts';
import { requireRole, type Actor } from '../access.ts';

const view = (r: {
  id: number | string;
  topic: string;
  body: string;
  status: string;
  attempts: number;
  created_at: Date;
  sent_at: Date | null;
  last_error: string | null;
}) => ({
  id: Number(r.id),
  topic: r.topic,
  body: r.body,
  status: r.status,
  attempts: r.attempts,
  createdAt: new Date(r.created_at).toISOString(),
  sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
  lastError: r.last_error,
});

export async function listMyNotifications(db: Db, actor: Actor | null) {
  const a = requireRole(actor, 'trainee');
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .where('resident_id', '=', a.residentId ?? '')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  return rows.map(view);
}

export async function listOutbox(db: Db, actor: Actor | null, status?: OutboxStatus) {
  requireRole(actor, 'city');
  let q = db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(200);
  if (status) q = q.where('status', '=', status);
  return (await q.execute()).map((r) => ({ ...view(r), residentId: r.resident_id }));
}
