// Attendance that proves presence (§5.3 过程监督; docs/attendance.md). A mark is either a trainee's own
// QR sign-in (method 'qr', `manual` false: `signed_at` is the server's real time of the scan, with
// the hashed device it came from and, where the session asks for it, the sign-out) or a manual mark
// entered by the provider (grid or sheet): it names a reason and keeps the time it was entered
// (`entered_at`); the time it claims is the session's own. `hours` holds the attended hours a QR
// span proves (sessions that require sign-out); null reads as the session's hours.
//
// Rows stored before this migration were all typed in by the provider, and their `signed_at` was the
// moment of entry: they become manual marks with the reason 历史数据, that moment moves to
// `entered_at`, and `signed_at` (a scan's time, which they never had) is left empty.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `alter table class_sessions add column requires_signout boolean not null default false`,
    `alter table attendance add column manual boolean not null default true`,
    `alter table attendance add column manual_reason text`,
    `alter table attendance add column manual_note text`,
    `alter table attendance add column entered_at timestamptz`,
    `alter table attendance add column signed_out_at timestamptz`,
    `alter table attendance add column device_hash text`,
    `alter table attendance add column hours numeric`,
    `update attendance set entered_at = coalesce(signed_at, now()), signed_at = null,
       manual_reason = case when present then '历史数据' else null end`,
    `alter table attendance alter column entered_at set not null`,
    `alter table attendance alter column entered_at set default now()`,
    // A present manual mark names its reason; 其他 says what it was; a QR mark has its scan time.
    `alter table attendance add constraint attendance_manual_reason check (
       not manual or not present or manual_reason is not null)`,
    `alter table attendance add constraint attendance_manual_note check (
       manual_reason is distinct from '其他' or coalesce(btrim(manual_note), '') <> '')`,
    `alter table attendance add constraint attendance_qr_signed check (
       manual or (present and signed_at is not null and method = 'qr'))`,
    `alter table attendance add constraint attendance_hours check (hours is null or hours >= 0)`,
    // The risk rules read QR sign-ins by time and by device.
    `create index attendance_qr_time on attendance (signed_at) where not manual`,
    `create index attendance_qr_device on attendance (session_id, device_hash) where not manual`,
  ])
    await sql.raw(statement).execute(db);
}
