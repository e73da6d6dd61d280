// Sign-in without an account (§5.3 过程监督; docs/attendance.md): after scanning the classroom's code a
// trainee gives resident ID and name, a six-digit code is texted to the phone on record, and the code
// signs them in once — within five minutes, within five tries, and the answer never tells whether an ID
// exists or a name matches. Requests are limited per person and per source address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSigninSmsCode, SMS_CODE } from '../../../src/services/attendance/send-signin-sms-code.ts';
import { signinToken } from '../../../src/services/attendance/signin-token.ts';
import { CODE_REFUSED, verifySigninSmsCode } from '../../../src/services/attendance/verify-signin-sms-code.ts';
import { withBusinessClock } from '../../../src/services/business-date.ts';
import { withInstant } from '../../../src/services/clock.ts';
import type { Store } from '../../../src/store/database.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { insertProvider } from '../../support/claims-fixtures.ts';
import { openTestStore } from '../../support/store.ts';
import { insertClass, people } from '../risk/risk-fixtures.ts';

let store: Store;
let roster: string[];
let names: Record<string, string>;
let session: number;
const DAY = '2021-05-12';
const at = (hhmmss: string) => new Date(`${DAY}T${hhmmss}+08:00`);
let ipSerial = 0;

/** The phone's first step at a Beijing time of DAY, with the code the screen showed then. */
function ask(residentId: string, name: string, time: string, ip = `10.0.0.${++ipSerial}`) {
  return withBusinessClock({ today: DAY }, () =>
    withInstant(at(time), () =>
      inTransaction(store.db, (tx) =>
        sendSigninSmsCode(tx, { sessionId: session, token: signinToken(session, 'in', at(time)), residentId, name, ip }),
      ),
    ),
  );
}
function verify(challengeId: string, code: string, time: string) {
  return withBusinessClock({ today: DAY }, () =>
    withInstant(at(time), () =>
      inTransaction(store.db, (tx) => verifySigninSmsCode(tx, { challengeId, code, deviceId: 'phone-device-0001' })),
    ),
  );
}
/** The code in the newest text to this person (what their phone shows). */
async function textedCode(residentId: string): Promise<string | undefined> {
  const row = await store.db
    .selectFrom('outbox')
    .select(['body'])
    .where('resident_id', '=', residentId)
    .where('topic', '=', 'signin.code')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? /验证码：(\d{6})/.exec(row.body)?.[1] : undefined;
}
const texts = async () =>
  Number(
    (
      await store.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('topic', '=', 'signin.code')
        .executeTakeFirstOrThrow()
    ).n,
  );
const mark = (residentId: string) =>
  store.db.selectFrom('attendance').selectAll().where('resident_id', '=', residentId).where('session_id', '=', session).executeTakeFirst();

beforeAll(async () => {
  store = await openTestStore();
  await inTransaction(store.db, (tx) => seedReferenceData(tx));
  roster = await inTransaction(store.db, (tx) => people(tx, 8));
  await inTransaction(store.db, (tx) => insertProvider(tx, 'SMS-P'));
  for (const [i, id] of roster.entries()) {
    await store.db
      .updateTable('people')
      .set({ phone: `1380000${String(1000 + i)}` })
      .where('resident_id', '=', id)
      .execute();
  }
  names = Object.fromEntries(
    (await store.db.selectFrom('people').select(['resident_id', 'name']).where('resident_id', 'in', roster).execute()).map((p) => [
      p.resident_id,
      p.name,
    ]),
  );
  const ids = await inTransaction(store.db, (tx) =>
    insertClass(tx, {
      id: 'SMS-1',
      providerId: 'SMS-P',
      start: DAY,
      end: DAY,
      trainees: roster,
      sessions: [{ day: DAY, from: '09:00', to: '12:00' }],
    }),
  );
  session = ids[0]!;
}, 60_000);
afterAll(() => store?.close());

describe('Signing in with resident ID, name and a texted code', () => {
  it('texts a six-digit code to the phone on record; the code signs the trainee in, recorded as 扫码+短信验证', async () => {
    const p = roster[0]!;
    const sent = await ask(p, names[p]!, '08:55:00');
    expect(sent.expiresInSeconds).toBe(300);
    const outbox = await store.db.selectFrom('outbox').selectAll().where('resident_id', '=', p).executeTakeFirstOrThrow();
    expect(outbox).toMatchObject({ topic: 'signin.code', recipient: '13800001000', status: 'pending' });
    expect(outbox.body).not.toContain(p);
    const code = (await textedCode(p))!;
    expect(code).toMatch(/^\d{6}$/);
    // Only a keyed hash is stored.
    const stored = await store.db.selectFrom('signin_sms_codes').selectAll().where('id', '=', sent.challengeId).executeTakeFirstOrThrow();
    expect(stored.code_hash).not.toContain(code);
    const r = await verify(sent.challengeId, code, '08:56:10');
    expect(r).toMatchObject({ ok: true, result: { kind: 'in', recorded: true, signedAt: at('08:56:10').toISOString() } });
    expect(await mark(p)).toMatchObject({ present: true, manual: false, method: 'qr_code_sms' });
  });

  it('a code is used once: replaying it is refused and changes nothing', async () => {
    const p = roster[1]!;
    const sent = await ask(p, names[p]!, '08:57:00');
    const code = (await textedCode(p))!;
    expect((await verify(sent.challengeId, code, '08:57:30')).ok).toBe(true);
    const before = await mark(p);
    expect(await verify(sent.challengeId, code, '08:58:00')).toEqual({ ok: false });
    expect(await mark(p)).toEqual(before);
  });

  it('a code expires after five minutes', async () => {
    const p = roster[2]!;
    const sent = await ask(p, names[p]!, '09:00:00');
    const code = (await textedCode(p))!;
    expect(await verify(sent.challengeId, code, '09:05:01')).toEqual({ ok: false });
    expect(await mark(p)).toBeUndefined();
  });

  it('a wrong code is refused; after five tries even the right one is, each try counted though refused', async () => {
    const p = roster[3]!;
    const sent = await ask(p, names[p]!, '09:01:00');
    const code = (await textedCode(p))!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < SMS_CODE.maxAttempts; i++) expect(await verify(sent.challengeId, wrong, '09:01:30')).toEqual({ ok: false });
    const row = await store.db
      .selectFrom('signin_sms_codes')
      .select('attempts')
      .where('id', '=', sent.challengeId)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(SMS_CODE.maxAttempts);
    expect(await verify(sent.challengeId, code, '09:02:00')).toEqual({ ok: false });
    expect(await mark(p)).toBeUndefined();
  });

  it('an unknown ID and a name that does not match get the same answer as a real request, and no text is sent', async () => {
    const p = roster[4]!;
    const real = await ask(p, names[p]!, '09:03:00');
    const before = await texts();
    const unknown = await ask('510402199001010011', '无此人', '09:03:00');
    const mismatch = await ask(p, '别人的名字', '09:03:00');
    for (const answer of [unknown, mismatch]) {
      expect(Object.keys(answer).sort()).toEqual(Object.keys(real).sort());
      expect(answer.message).toBe(real.message);
      expect(answer.expiresInSeconds).toBe(real.expiresInSeconds);
      expect(answer.challengeId).toMatch(/^[0-9a-f-]{36}$/);
      expect(await verify(answer.challengeId, '123456', '09:03:30')).toEqual({ ok: false });
    }
    expect(await texts()).toBe(before);
  });

  it('limits requests per person (unknown IDs counted the same) and per source address', async () => {
    const p = roster[5]!;
    for (let i = 0; i < SMS_CODE.perPerson; i++) await ask(p, names[p]!, '09:10:00');
    await expect(ask(p, names[p]!, '09:10:00')).rejects.toMatchObject({ code: 'rate_limited' });
    const nobody = '510402199202020022';
    for (let i = 0; i < SMS_CODE.perPerson; i++) await ask(nobody, '某某', '09:10:00');
    await expect(ask(nobody, '某某', '09:10:00')).rejects.toMatchObject({ code: 'rate_limited' });
    const ip = '192.0.2.77';
    for (let i = 0; i < SMS_CODE.perAddress; i++)
      await ask(`51040219930303${String(1000 + i).slice(1)}X`.slice(0, 18), '某某', '09:11:00', ip);
    await expect(ask(roster[6]!, names[roster[6]!]!, '09:11:00', ip)).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('the refusal the phone shows says the same for every failure', () => {
    expect(CODE_REFUSED).toBe('验证码不正确或已失效（5 分钟内有效，每个验证码最多尝试 5 次，只能使用一次），请核对短信或重新获取');
  });
});
