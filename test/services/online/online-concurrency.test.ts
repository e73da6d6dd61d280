// Online study under concurrency (§5.4; run on PostgreSQL by the PostgreSQL pass, where transactions
// really interleave): a person's starts of two lessons at the same instant open one viewing, and
// beats sent at once (a page retrying, two tabs) count the interval once — a unique index and row
// locks, not a read before the write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/database.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { insertProvider } from '../../support/claims-fixtures.ts';
import { openTestStore } from '../../support/store.ts';
import { insertClass, people } from '../risk/risk-fixtures.ts';
import { publishedLesson, studyPage } from './online-fixtures.ts';

let store: Store;
let roster: string[];
let lessons: number[];
const at = (hhmmss: string) => new Date(`2021-05-10T${hhmmss}+08:00`);

beforeAll(async () => {
  store = await openTestStore();
  await inTransaction(store.db, (tx) => seedReferenceData(tx));
  roster = await inTransaction(store.db, (tx) => people(tx, 3));
  await inTransaction(store.db, async (tx) => {
    await insertProvider(tx, 'OC-P');
    await insertClass(tx, { id: 'OC-1', providerId: 'OC-P', start: '2021-05-10', end: '2021-06-30', hours: 40, trainees: roster });
  });
  lessons = [];
  for (let i = 0; i < 4; i++) lessons.push(await publishedLesson(store, 'OC-P', 'OC-1', 3600));
}, 60_000);
afterAll(() => store?.close());

describe('Online study under concurrency', () => {
  it('four lessons started by one person at the same instant: one viewing opens, three are refused', async () => {
    const page = studyPage(store, roster[0]!);
    const results = await Promise.allSettled(lessons.map((l) => page.start(l, at('09:00:00'))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason.message).toMatch(/同一时间只计一节课的学习时间/);
    const open = await store.db
      .selectFrom('online_viewings')
      .select('id')
      .where('resident_id', '=', roster[0]!)
      .where('closed_at', 'is', null)
      .execute();
    expect(open).toHaveLength(1);
  });

  it('eight beats of one viewing at the same instant count the 15 seconds once', async () => {
    const page = studyPage(store, roster[1]!);
    const v = await page.start(lessons[0]!, at('10:00:00'));
    const beats = await Promise.all(Array.from({ length: 8 }, () => page.beat(v.viewingId, at('10:00:15'))));
    expect(beats.reduce((s, b) => s + b.addedSeconds, 0)).toBe(15);
    const p = await store.db
      .selectFrom('online_progress')
      .select('counted_ms')
      .where('resident_id', '=', roster[1]!)
      .executeTakeFirstOrThrow();
    expect(Number(p.counted_ms)).toBe(15_000);
  });
});
