// The outbox (docs/notifications.md): a message to a person is a row written in the SAME transaction
// as the act it tells of (a claim approved, a class opened), so it exists exactly when the act does;
// sending happens later, outside every business transaction (sender.ts), so a gateway that is down
// never fails or slows the act. Anything that must reach a person by text uses enqueueNotification.
import { sql } from 'kysely';
import type { Tx } from '../../store/transaction.ts';

export interface Notification {
  /** What happened, for the log and the list (`claim.approved`, `class.opened`, `signin.code`…). */
  topic: string;
  /** The text as sent (Chinese, no resident ID: a text message is seen by whoever holds the phone). */
  body: string;
  /** The person it is for: their phone on record is the address unless `recipient` names one. */
  residentId?: string | null;
  /** A phone number to send to instead of the person's on record (e.g. a sign-in code to a given number). */
  recipient?: string | null;
  /** The record it is about (a claim id, a class id), for the trainee's page and support. */
  ref?: string | null;
}

const PHONE = /^1\d{10}$/;

/**
 * Writes one message to the outbox inside `tx`. A person with no usable mobile number on record gets
 * the row all the same, as 'unaddressed' (the office can see who was not told), never an error: the
 * act goes on whether or not the person can be texted.
 */
export async function enqueueNotification(tx: Tx, n: Notification): Promise<void> {
  if (n.recipient || !n.residentId) {
    const to = n.recipient?.replace(/[\s-]/g, '') ?? null;
    const addressed = to !== null && PHONE.test(to);
    await tx
      .insertInto('outbox')
      .values({
        topic: n.topic,
        body: n.body,
        resident_id: n.residentId ?? null,
        recipient: addressed ? to : null,
        ref: n.ref ?? null,
        status: addressed ? 'pending' : 'unaddressed',
      })
      .execute();
    return;
  }
  // One statement: the person's phone on record read as the row is written (a text per paid claim in
  // a batch of thousands should cost one round trip, not two).
  await sql`
    insert into outbox (topic, body, resident_id, recipient, ref, status)
    select ${n.topic}, ${n.body}, x.rid,
           case when m.phone ~ '^1[0-9]{10}$' then m.phone end,
           ${n.ref ?? null},
           case when m.phone ~ '^1[0-9]{10}$' then 'pending' else 'unaddressed' end
    from (select ${n.residentId}::text as rid) x
    left join lateral (
      select regexp_replace(p.phone, '[[:space:]-]', '', 'g') as phone from people p where p.resident_id = x.rid
    ) m on true`.execute(tx);
}
