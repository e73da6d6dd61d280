// Texts to trainees (docs/notifications.md): written to the outbox in the transaction of the act they
// tell of — no act, no text — and sent afterwards by the sender loop through an adapter, retried with
// growing waits when the adapter fails, never failing the act; with several senders at once, each
// message is taken by one of them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/access.ts';
import { rejectClaim } from '../../../src/services/claims/reject-claim.ts';
import { submitClaim } from '../../../src/services/claims/submit-claim.ts';
import { enqueueNotification } from '../../../src/services/notifications/outbox.ts';
import {
  backoffSeconds,
  deliverDue,
  LogSender,
  type MessageSender,
  type OutgoingMessage,
} from '../../../src/services/notifications/sender.ts';
import type { Store } from '../../../src/store/database.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { insertClaimRow, insertPeople, residentId } from '../../support/claims-fixtures.ts';
import { openTestStore } from '../../support/store.ts';

let store: Store;
const WANG = residentId(601);
const NO_PHONE = residentId(602);
const city: Actor = {
  userId: 'u-city',
  username: 'city',
  displayName: '市人社局',
  role: 'city',
  areaCode: '510400',
  department: null,
  enterpriseUscc: null,
  providerId: null,
  residentId: null,
};
const trainee: Actor = { ...city, userId: 'u-wang', username: 'wang', role: 'trainee', areaCode: null, residentId: WANG };
const outbox = () => store.db.selectFrom('outbox').selectAll().orderBy('id').execute();
const clear = () => store.db.deleteFrom('outbox').execute();
/** Time passes: every waiting message is due now. */
const due = () =>
  sql`update outbox set next_attempt_at = now() - interval '1 second' where status in ('pending','sending')`.execute(store.db);

class Recorder implements MessageSender {
  readonly name = 'recorder';
  sent: OutgoingMessage[] = [];
  failures = 0;
  async send(m: OutgoingMessage) {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('gateway 503');
    }
    this.sent.push(m);
  }
}

beforeAll(async () => {
  store = await openTestStore();
  await inTransaction(store.db, async (tx) => {
    await seedReferenceData(tx);
    await insertPeople(tx, [
      { residentId: WANG, name: '王五' },
      { residentId: NO_PHONE, name: '钱六' },
    ]);
    await tx.updateTable('people').set({ phone: '139 0000 1111' }).where('resident_id', '=', WANG).execute();
  });
}, 60_000);
afterAll(() => store?.close());

describe('A text is written with the act it tells of', () => {
  it('a claim submitted in a trainee’s name queues a text to their phone on record, with the "不是我本人？" link', async () => {
    await clear();
    const { number } = await inTransaction(store.db, (tx) =>
      submitClaim(tx, trainee, {
        program: 'skill_upgrade',
        residentId: WANG,
        occupationCode: '6-16-01-03',
        level: 4,
        startDate: '2020-03-02',
        endDate: '2020-06-30',
      }),
    );
    const rows = await outbox();
    expect(rows.map((r) => [r.topic, r.recipient, r.status, r.resident_id])).toEqual([['claim.submitted', '13900001111', 'pending', WANG]]);
    expect(rows[0]!.body).toBe(
      `【攀枝花技能提升】以您的名义提交的补贴申领 ${number}（技能等级提升培训）已受理。不是我本人？请登录 /my-claims?dispute=${number} 提出异议。`,
    );
  });

  it('an act that fails writes no text', async () => {
    await clear();
    await expect(
      inTransaction(store.db, async (tx) => {
        await submitClaim(tx, trainee, { program: 'skill_upgrade', residentId: WANG, startDate: '2020-03-02', endDate: '2020-06-30' });
        throw new Error('the act fails after the text was queued');
      }),
    ).rejects.toThrow();
    expect(await outbox()).toEqual([]);
  });

  it('a refusal is told too; a person with no mobile number on record gets the row as unaddressed, and the act goes on', async () => {
    await clear();
    await inTransaction(store.db, async (tx) => {
      await insertClaimRow(tx, { id: 'OB-1', residentId: NO_PHONE, status: 'reviewed' });
      await rejectClaim(tx, city, { claimId: 'OB-1', reason: '证书与职业不符' });
    });
    expect((await outbox()).map((r) => [r.topic, r.status, r.recipient])).toEqual([['claim.rejected', 'unaddressed', null]]);
    expect((await store.db.selectFrom('claims').select('status').where('id', '=', 'OB-1').executeTakeFirstOrThrow()).status).toBe(
      'rejected',
    );
  });
});

describe('The sender loop', () => {
  it('sends through the adapter and records each message sent', async () => {
    await clear();
    await inTransaction(store.db, (tx) => enqueueNotification(tx, { topic: 'test', residentId: WANG, body: '测试短信' }));
    const logged: Record<string, unknown>[] = [];
    expect(await deliverDue(store.db, new LogSender((e) => logged.push(e)))).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(logged).toEqual([expect.objectContaining({ to: '139****1111', text: '测试短信' })]);
    expect(JSON.stringify(logged)).not.toContain(WANG);
    expect((await outbox()).map((r) => [r.status, r.attempts])).toEqual([['sent', 1]]);
    expect(await deliverDue(store.db, new LogSender(() => undefined))).toMatchObject({ claimed: 0 });
  });

  it('retries a failure after a growing wait, and gives up after the last attempt', async () => {
    await clear();
    await inTransaction(store.db, (tx) => enqueueNotification(tx, { topic: 'test', residentId: WANG, body: '重试' }));
    const gateway = new Recorder();
    gateway.failures = 2;
    expect(await deliverDue(store.db, gateway)).toMatchObject({ claimed: 1, retried: 1 });
    const [first] = await outbox();
    expect(first).toMatchObject({ status: 'pending', attempts: 1, last_error: 'gateway 503' });
    const wait = (new Date(first!.next_attempt_at).getTime() - Date.now()) / 1000;
    expect(wait).toBeGreaterThan(backoffSeconds(1) - 5);
    // Not yet due: nothing is taken.
    expect(await deliverDue(store.db, gateway)).toMatchObject({ claimed: 0 });
    await due();
    expect(await deliverDue(store.db, gateway)).toMatchObject({ retried: 1 });
    expect(backoffSeconds(2)).toBeGreaterThan(backoffSeconds(1));
    await due();
    expect(await deliverDue(store.db, gateway)).toMatchObject({ sent: 1 });
    expect((await outbox()).map((r) => [r.status, r.attempts, r.last_error])).toEqual([['sent', 3, null]]);
    expect(gateway.sent.map((m) => m.body)).toEqual(['重试']);

    await clear();
    await inTransaction(store.db, (tx) => enqueueNotification(tx, { topic: 'test', residentId: WANG, body: '总失败' }));
    gateway.failures = 99;
    for (let i = 0; i < 3; i++) {
      await due();
      await deliverDue(store.db, gateway, { maxAttempts: 3 });
    }
    expect((await outbox()).map((r) => [r.status, r.attempts])).toEqual([['failed', 3]]);
  });

  it('two senders at once never take the same message (FOR UPDATE SKIP LOCKED), and together send them all', async () => {
    await clear();
    await inTransaction(store.db, async (tx) => {
      for (let i = 0; i < 30; i++) await enqueueNotification(tx, { topic: 'test', residentId: WANG, body: `第 ${i} 条` });
    });
    const a = new Recorder();
    const b = new Recorder();
    await Promise.all([deliverDue(store.db, a, { batch: 20 }), deliverDue(store.db, b, { batch: 20 })]);
    await Promise.all([deliverDue(store.db, a, { batch: 20 }), deliverDue(store.db, b, { batch: 20 })]);
    const ids = [...a.sent, ...b.sent].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(30);
    expect((await outbox()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});
