// The sender loop (docs/notifications.md): takes due messages from the outbox and hands them to an
// adapter — the log adapter by default, an SMS gateway adapter in production — retrying a failure with
// growing waits, and records each message's status. Outside every business transaction.
//
// Several API instances may run it on one database: a round claims its messages with one statement
// (UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)), so two instances never take the same
// message, and marks them 'sending' with a lease: a message whose sender died mid-way is due again when
// the lease runs out (at worst sent twice, never lost — an SMS gateway that takes a client reference
// drops the duplicate; the adapter gets the outbox id for that).
import { sql } from 'kysely';
import type { Db } from '../../store/database.ts';

export interface OutgoingMessage {
  /** The outbox row's id: a gateway that de-duplicates on a client reference should be given it. */
  id: number;
  channel: 'sms';
  /** The mobile number (11 digits). */
  recipient: string;
  body: string;
  attempt: number;
}

/**
 * An adapter sends one message or throws (the message is then retried). Implementations: LogSender
 * (below, the default) and an SMS gateway's, written against the gateway's HTTP API (docs/notifications.md).
 */
export interface MessageSender {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** A mobile number as the log shows it: 138****5678. */
export const maskPhone = (p: string) => (p.length === 11 ? `${p.slice(0, 3)}****${p.slice(7)}` : '****');

/** Writes each message to the application log (never the resident ID; the number masked). */
export class LogSender implements MessageSender {
  readonly name = 'log';
  constructor(private readonly log: (entry: Record<string, unknown>) => void) {}
  async send(m: OutgoingMessage): Promise<void> {
    this.log({
      msg: 'sms (log adapter: not sent to a gateway)',
      outboxId: m.id,
      to: maskPhone(m.recipient),
      text: m.body,
      attempt: m.attempt,
    });
  }
}

export interface SenderOptions {
  /** Messages claimed per round. */
  batch?: number;
  /** After this many failed attempts a message is 'failed' (shown to the office), not retried. */
  maxAttempts?: number;
  /** How long a claimed message is reserved for this sender before another may take it. */
  leaseSeconds?: number;
}

/** Wait before attempt n+1 after n failures: 30 s, 1 min, 2 min … capped at 1 h. */
export const backoffSeconds = (failures: number) => Math.min(3600, 30 * 2 ** Math.max(0, failures - 1));

export interface RoundResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/** One round: claims the due messages, sends each, records the outcome. */
export async function deliverDue(db: Db, sender: MessageSender, options: SenderOptions = {}): Promise<RoundResult> {
  const batch = options.batch ?? 20;
  const maxAttempts = options.maxAttempts ?? 8;
  const lease = options.leaseSeconds ?? 300;
  const claimed = await sql<{ id: string; recipient: string; body: string; attempts: number }>`
    update outbox set status = 'sending', attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ${lease})
    where id in (
      select id from outbox
      where status in ('pending', 'sending') and next_attempt_at <= now()
      order by next_attempt_at, id
      limit ${batch}
      for update skip locked)
    returning id, recipient, body, attempts`.execute(db);
  const result: RoundResult = { claimed: claimed.rows.length, sent: 0, retried: 0, failed: 0 };
  for (const m of claimed.rows) {
    const id = Number(m.id);
    try {
      await sender.send({ id, channel: 'sms', recipient: m.recipient, body: m.body, attempt: m.attempts });
      await db
        .updateTable('outbox')
        .set({ status: 'sent', sent_at: sql<Date>`now()`, last_error: null })
        .where('id', '=', id)
        .execute();
      result.sent++;
    } catch (e) {
      const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      if (m.attempts >= maxAttempts) {
        await db.updateTable('outbox').set({ status: 'failed', last_error: error }).where('id', '=', id).execute();
        result.failed++;
      } else {
        await db
          .updateTable('outbox')
          .set({
            status: 'pending',
            last_error: error,
            next_attempt_at: sql<Date>`now() + make_interval(secs => ${backoffSeconds(m.attempts)})`,
          })
          .where('id', '=', id)
          .execute();
        result.retried++;
      }
    }
  }
  return result;
}

/** Runs rounds every `intervalMs` (and at once while a round found a full batch); returns the stop function. */
export function deliverOutboxEvery(
  db: Db,
  sender: MessageSender,
  intervalMs: number,
  onError: (e: unknown) => void,
  options: SenderOptions = {},
) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const round = async () => {
    if (stopped) return;
    let again = false;
    try {
      const r = await deliverDue(db, sender, options);
      again = r.claimed >= (options.batch ?? 20);
    } catch (e) {
      onError(e);
    }
    if (!stopped) {
      timer = setTimeout(() => void round(), again ? 0 : intervalMs);
      timer.unref();
    }
  };
  timer = setTimeout(() => void round(), intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
