// Online learning through the API (§5.4; docs/online-learning.md): the provider builds and publishes
// a lesson (the file as the raw request body), a trainee on the roster streams it by ranges and
// studies it, the offices read the summary — and each role reaches only its own records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/store/transaction.ts';
import { insertProvider } from '../support/claims-fixtures.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { insertClass, people } from '../services/risk/risk-fixtures.ts';
import { mp4Bytes } from '../services/online/online-fixtures.ts';

let t: TestApp;
const cookie: Record<string, string> = {};
let roster: string[];
let lessonId = 0;
const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  who: string | null,
  payload?: unknown,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(who ? { cookie: cookie[who]! } : {}), ...headers },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

beforeAll(async () => {
  t = await openTestApp();
  const ps = await inTransaction(t.store.db, (tx) => people(tx, 3));
  roster = ps.slice(0, 2);
  await inTransaction(t.store.db, async (tx) => {
    await insertProvider(tx, 'OA-P');
    await insertProvider(tx, 'OA-Q');
    await insertClass(tx, { id: 'OA-1', providerId: 'OA-P', start: '2021-05-10', end: '2021-06-30', hours: 40, trainees: roster });
  });
  cookie.provider = await sessionFor(t, { username: 'oa-provider', displayName: '甲培训学校', role: 'provider', providerId: 'OA-P' });
  cookie.other = await sessionFor(t, { username: 'oa-other', displayName: '乙培训学校', role: 'provider', providerId: 'OA-Q' });
  cookie.trainee = await sessionFor(t, { username: 'oa-trainee', displayName: '学员', role: 'trainee', residentId: roster[0]! });
  cookie.stranger = await sessionFor(t, { username: 'oa-stranger', displayName: '他人', role: 'trainee', residentId: ps[2]! });
  cookie.city = await sessionFor(t, { username: 'oa-city', displayName: '市人社局', role: 'city', areaCode: '510400' });
}, 60_000);
afterAll(() => t.close());

describe('Online lessons through the API', () => {
  it('the provider adds a lesson, uploads its video as the request body, adds a check question and publishes it', async () => {
    const made = await call('POST', '/classes/OA-1/online-lessons', 'provider', { title: '安全用电', kind: 'video', durationSeconds: 600 });
    expect(made.statusCode).toBe(200);
    lessonId = made.json().id;
    expect((await call('POST', `/online-lessons/${lessonId}/publish`, 'provider')).json().error.message).toBe(
      '「安全用电」还没有上传视频，不能发布',
    );
    const up = await call('PUT', `/online-lessons/${lessonId}/content`, 'provider', mp4Bytes(2_500_000), {
      'content-type': 'video/mp4',
      'x-file-name': encodeURIComponent('安全用电.mp4'),
    });
    expect(up.statusCode).toBe(200);
    expect(up.json().file).toMatchObject({ name: '安全用电.mp4', contentType: 'video/mp4', sizeBytes: 2_500_000 });
    const q = await call('POST', `/online-lessons/${lessonId}/questions`, 'provider', {
      prompt: '湿手可以触碰开关吗？',
      options: ['可以', '不可以'],
      answer: 1,
    });
    expect(q.statusCode).toBe(200);
    const bad = await call('POST', `/online-lessons/${lessonId}/questions`, 'provider', { prompt: '题', options: ['只有一个'], answer: 0 });
    expect(bad.statusCode).toBe(400);
    expect((await call('POST', `/online-lessons/${lessonId}/publish`, 'provider')).json()).toMatchObject({ published: true });
  });

  it('a trainee on the roster lists the lesson, streams a range of it, starts, beats, and stops', async () => {
    const mine = await call('GET', '/my/online-lessons', 'trainee');
    expect(mine.json()).toMatchObject({ beatSeconds: 15, items: [{ id: lessonId, title: '安全用电', questions: [], countedSeconds: 0 }] });
    const part = await call('GET', `/online-lessons/${lessonId}/content`, 'trainee', undefined, { range: 'bytes=1048570-1048579' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 1048570-1048579/2500000');
    expect(part.headers['accept-ranges']).toBe('bytes');
    expect(part.rawPayload.length).toBe(10);
    const outside = await call('GET', `/online-lessons/${lessonId}/content`, 'trainee', undefined, { range: 'bytes=2500000-' });
    expect(outside.statusCode).toBe(400);
    const started = await call('POST', `/online-lessons/${lessonId}/viewings`, 'trainee', { deviceId: 'oa-test-device-000001' });
    expect(started.json()).toMatchObject({ state: 'counting', durationSeconds: 600 });
    const v = started.json().viewingId;
    expect((await call('POST', `/online-viewings/${v}/beat`, 'trainee')).json()).toMatchObject({ viewingId: v, state: 'counting' });
    expect((await call('POST', `/online-viewings/${v}/stop`, 'trainee')).json()).toMatchObject({ state: 'closed' });
    // Someone else's viewing is not found.
    expect((await call('POST', `/online-viewings/${v}/beat`, 'stranger')).statusCode).toBe(404);
  });

  it("the offices and the class's provider read the per-trainee summary; another provider and trainees do not", async () => {
    const s = await call('GET', '/classes/OA-1/online-study', 'city');
    expect(s.statusCode).toBe(200);
    expect(s.json().rule).toMatchObject({ counts: true, maxSharePercent: 50, capHours: 20, clause: '§5.4' });
    expect(s.json().trainees.map((x: { residentId: string }) => x.residentId)).toEqual([...roster].sort());
    expect((await call('GET', '/classes/OA-1/online-study', 'provider')).statusCode).toBe(200);
    expect((await call('GET', '/classes/OA-1/online-study', 'other')).statusCode).toBe(404);
    expect((await call('GET', '/classes/OA-1/online-study', 'trainee')).statusCode).toBe(403);
  });

  it('a trainee not on the roster, another provider, and anonymous callers are kept out of the lesson', async () => {
    expect((await call('GET', `/online-lessons/${lessonId}/content`, 'stranger')).statusCode).toBe(404);
    expect((await call('POST', `/online-lessons/${lessonId}/viewings`, 'stranger', { deviceId: 'oa-test-device-000002' })).statusCode).toBe(
      404,
    );
    expect((await call('GET', '/classes/OA-1/online-lessons', 'stranger')).statusCode).toBe(404);
    expect((await call('GET', '/classes/OA-1/online-lessons', 'other')).statusCode).toBe(404);
    expect(
      (await call('POST', '/classes/OA-1/online-lessons', 'other', { title: '冒名', kind: 'video', durationSeconds: 600 })).statusCode,
    ).toBe(404);
    expect(
      (await call('POST', '/classes/OA-1/online-lessons', 'trainee', { title: '冒名', kind: 'video', durationSeconds: 600 })).statusCode,
    ).toBe(403);
    expect((await call('GET', `/online-lessons/${lessonId}/content`, null)).statusCode).toBe(401);
    // The provider sees the answer; the trainee never does.
    const theirs = await call('GET', '/classes/OA-1/online-lessons', 'provider');
    expect(theirs.json()[0].questions[0]).toMatchObject({ answer: 1 });
    const trainees = await call('GET', '/classes/OA-1/online-lessons', 'trainee');
    expect(trainees.json()[0].questions).toEqual([]);
  });
});
