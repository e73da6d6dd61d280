// Attendance that proves presence (§5.3 过程监督; docs/attendance.md): a trainee signs in by scanning the
// classroom's QR code, which changes every 30 seconds; the server keeps its own time and refuses what a
// photo of the code, another session's code or someone not on the roster would bring. A presence the
// provider enters by hand is a manual mark and must say why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/services/access.ts';
import { scanSigninCode } from '../../../src/services/attendance/scan-signin-code.ts';
import { setSessionSignout } from '../../../src/services/attendance/set-session-signout.ts';
import { showSigninCode } from '../../../src/services/attendance/show-signin-code.ts';
import { signinToken } from '../../../src/services/attendance/signin-token.ts';
import { withBusinessClock } from '../../../src/services/business-date.ts';
import { listAttendance } from '../../../src/services/classes/list-attendance.ts';
import { recordAttendance } from '../../../src/services/classes/record-attendance.ts';
import { withInstant } from '../../../src/services/clock.ts';
import type { Store } from '../../../src/store/database.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { insertProvider } from '../../support/claims-fixtures.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { openTestStore } from '../../support/store.ts';
import { insertClass, people } from '../risk/risk-fixtures.ts';

let store: Store;
let roster: string[];
let stranger: string;
let sessions: number[];
const DAY = '2021-05-10';
const PROVIDER: Actor = {
  userId: 'u-p',
  username: 'sg-provider',
  displayName: '培训学校',
  role: 'provider',
  areaCode: null,
  department: null,
  enterpriseUscc: null,
  providerId: 'SG-P',
  residentId: null,
};
const trainee = (residentId: string): Actor => ({
  ...PROVIDER,
  userId: `u-${residentId}`,
  username: `t-${residentId}`,
  role: 'trainee',
  providerId: null,
  residentId,
});
const at = (hhmmss: string) => new Date(`${DAY}T${hhmmss}+08:00`);

/** The use case as the phone calls it, at a Beijing time of DAY, with the code the screen showed at `shownAt`. */
function scan(
  residentId: string,
  sessionId: number,
  now: string,
  shownAt = now,
  opts: { tokenSession?: number; device?: string; kind?: 'in' | 'out' } = {},
) {
  return withBusinessClock({ today: DAY }, () =>
    withInstant(at(now), () =>
      inTransaction(store.db, (tx) =>
        scanSigninCode(tx, trainee(residentId), {
          sessionId,
          token: signinToken(opts.tokenSession ?? sessionId, opts.kind ?? 'in', at(shownAt)),
          deviceId: opts.device ?? `phone-${residentId}`,
        }),
      ),
    ),
  );
}
const grid = () => inTransaction(store.db, (tx) => listAttendance(tx, PROVIDER, 'SG-1'));
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: Error) => e.message,
  );

beforeAll(async () => {
  store = await openTestStore();
  await inTransaction(store.db, (tx) => seedReferenceData(tx));
  const ps = await inTransaction(store.db, (tx) => people(tx, 4));
  roster = ps.slice(0, 3);
  stranger = ps[3]!;
  await inTransaction(store.db, (tx) => insertProvider(tx, 'SG-P'));
  sessions = await inTransaction(store.db, (tx) =>
    insertClass(tx, {
      id: 'SG-1',
      providerId: 'SG-P',
      start: DAY,
      end: '2021-05-14',
      trainees: roster,
      sessions: [
        { day: DAY, from: '09:00', to: '12:00' },
        { day: DAY, from: '14:00', to: '18:00', hours: 4 },
        { day: '2021-05-11', from: '09:00', to: '12:00' },
      ],
    }),
  );
}, 60_000);
afterAll(() => store?.close());

describe('Signing in by the QR code', () => {
  it("records the server's time, the method and a hash of the phone, never the device id itself", async () => {
    const r = await scan(roster[0]!, sessions[0]!, '08:52:07', '08:51:50');
    expect(r).toMatchObject({ kind: 'in', recorded: true, message: '签到成功', signedAt: at('08:52:07').toISOString() });
    const row = await store.db.selectFrom('attendance').selectAll().where('resident_id', '=', roster[0]!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ present: true, manual: false, method: 'qr', manual_reason: null });
    expect(row.signed_at!.toISOString()).toBe(at('08:52:07').toISOString());
    expect(row.device_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.device_hash).not.toContain(roster[0]!);
  });

  it('accepts the code of the previous 30-second window, refuses an older one (a photo sent home) and changes nothing', async () => {
    expect(await refusal(scan(roster[1]!, sessions[0]!, '08:53:10', '08:52:15'))).toBe(
      'token: 签到码已过期（每 30 秒更换一次）：请重新扫描屏幕上最新的二维码',
    );
    expect((await grid()).filter((m) => m.residentId === roster[1])).toEqual([]);
    expect((await scan(roster[1]!, sessions[0]!, '08:53:10', '08:52:31')).recorded).toBe(true);
  });

  it('a second scan by the same person says 已签到 and keeps the first time', async () => {
    const again = await scan(roster[0]!, sessions[0]!, '08:59:00');
    expect(again).toMatchObject({ recorded: false, message: '已签到，无需重复扫码', signedAt: at('08:52:07').toISOString() });
    const audits = await store.db.selectFrom('audit_log').select('action').where('action', '=', 'class.signin').execute();
    expect(audits).toHaveLength(2);
  });

  it("refuses another session's code, a forged code, a person not on the roster and a session not held today", async () => {
    expect(await refusal(scan(roster[2]!, sessions[0]!, '08:55:00', '08:55:00', { tokenSession: sessions[1]! }))).toBe(
      'token: 这是另一课次的签到码，请扫描本课次屏幕上的二维码',
    );
    const forged = withBusinessClock({ today: DAY }, () =>
      withInstant(at('08:55:00'), () =>
        inTransaction(store.db, (tx) =>
          scanSigninCode(tx, trainee(roster[2]!), {
            sessionId: sessions[0]!,
            token: signinToken(sessions[0]!, 'in', at('08:55:00'), Buffer.alloc(32, 7)),
            deviceId: 'x',
          }),
        ),
      ),
    );
    expect(await refusal(forged)).toContain('签到码无效');
    expect(await refusal(scan(stranger, sessions[0]!, '08:55:00'))).toBe('您不在本班花名册中，不能签到；如有疑问请联系培训机构');
    expect(await refusal(scan(roster[2]!, sessions[2]!, '08:55:00'))).toBe('该课次在 2021-05-11，不是今天（2021-05-10），不能签到');
    expect((await grid()).filter((m) => m.residentId === roster[2] || m.residentId === stranger)).toEqual([]);
  });

  it('shows the provider a code only on the day of the session, and a sign-out code only where sign-out is required', async () => {
    const show = (sessionId: number, kind: 'in' | 'out') =>
      withBusinessClock({ today: DAY }, () =>
        withInstant(at('08:50:10'), () => inTransaction(store.db, (tx) => showSigninCode(tx, PROVIDER, 'SG-1', sessionId, kind))),
      );
    const code = await show(sessions[0]!, 'in');
    expect(code.path).toBe(`/signin/${sessions[0]}?t=${encodeURIComponent(code.token)}`);
    expect(code.refreshAt).toBe(new Date(Math.ceil(at('08:50:10').getTime() / 30_000) * 30_000).toISOString());
    expect(await refusal(show(sessions[2]!, 'in'))).toContain('只能在上课当天');
    expect(await refusal(show(sessions[0]!, 'out'))).toBe('本课次不要求签退，无需展示签退码');
  });
});

describe('Sign-out and attended hours', () => {
  it('where the session requires sign-out, the hours are the signed span inside the session, capped by it', async () => {
    await inTransaction(store.db, (tx) => setSessionSignout(tx, PROVIDER, 'SG-1', sessions[1]!, true));
    const s = sessions[1]!;
    expect((await scan(roster[0]!, s, '13:40:00')).message).toBe('签到成功；下课时请扫描签退码');
    expect((await scan(roster[1]!, s, '15:00:00')).recorded).toBe(true);
    expect(await refusal(scan(roster[2]!, s, '17:00:00', '17:00:00', { kind: 'out' }))).toBe('您本课次尚未扫码签到，不能签退');
    // Stayed to 18:30 from 13:40: the whole session, 4 hours, no more. Left at 17:00 from 15:00: 2 of 4 hours.
    expect(await scan(roster[0]!, s, '18:30:00', '18:30:00', { kind: 'out' })).toMatchObject({ recorded: true, hours: 4 });
    expect(await scan(roster[1]!, s, '17:00:00', '17:00:00', { kind: 'out' })).toMatchObject({ recorded: true, hours: 2 });
    expect(await scan(roster[1]!, s, '17:05:00', '17:05:00', { kind: 'out' })).toMatchObject({
      recorded: false,
      message: '已签退，无需重复扫码',
      hours: 2,
    });
    const marks = (await grid()).filter((m) => m.sessionId === s);
    expect(marks.map((m) => [m.residentId, m.hours])).toEqual(
      [
        [roster[0], 4],
        [roster[1], 2],
      ].sort(),
    );
    expect(await refusal(inTransaction(store.db, (tx) => setSessionSignout(tx, PROVIDER, 'SG-1', s, false)))).toBe(
      '本课次已有考勤记录，不能再更改是否要求签退',
    );
  });
});

describe('Manual marks', () => {
  const enter = (marks: Parameters<typeof recordAttendance>[3]['marks']) =>
    withInstant(at('12:40:00'), () =>
      inTransaction(store.db, (tx) => recordAttendance(tx, PROVIDER, 'SG-1', { sessionId: sessions[0]!, marks })),
    );

  it('a presence entered by the provider without a reason is refused, and 其他 needs words', async () => {
    expect(await refusal(enter([{ residentId: roster[2]!, present: true }]))).toBe(
      'marks[0].reason: 手工补录出勤须说明原因（忘带手机、设备故障、网络故障、其他）；学员本人扫码签到的无需补录',
    );
    expect(await refusal(enter([{ residentId: roster[2]!, present: true, reason: '其他' }]))).toBe(
      'marks[0].reasonNote: 补录原因为“其他”时须写明具体原因',
    );
    expect(await refusal(enter([{ residentId: roster[2]!, present: true, method: 'qr', reason: '忘带手机' }]))).toContain(
      '扫码签到只能由学员本人',
    );
  });

  it('is kept with its reason and the time it was entered, claims no sign-in time, and never overwrites a QR sign-in', async () => {
    const r = await enter([
      { residentId: roster[0]!, present: false },
      { residentId: roster[2]!, present: true, reason: '忘带手机' },
    ]);
    expect(r).toEqual({ recorded: 1, signedByTrainee: 1 });
    const marks = (await grid()).filter((m) => m.sessionId === sessions[0]);
    expect(marks.find((m) => m.residentId === roster[2])).toMatchObject({
      present: true,
      manual: true,
      reason: '忘带手机',
      signedAt: null,
      enteredAt: at('12:40:00').toISOString(),
      hours: 3,
    });
    expect(marks.find((m) => m.residentId === roster[0])).toMatchObject({
      present: true,
      manual: false,
      signedAt: at('08:52:07').toISOString(),
    });
  });
});
