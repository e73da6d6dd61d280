// Two additions of one session's work.
//
// Supporting documents (附件, docs/attachments.md): the files a class application, a claim, a
// publicity objection or a dispute carries. The bytes live in the database with the record they
// support, so a backup (pg_dump, PGlite's dump) holds them too and a restore cannot separate the two.
// Rows are never deleted or rewritten: a replaced file keeps its row, pointing at its successor.
//
// Sign-in by resident ID + name + a texted one-time code (docs/attendance.md): the codes, hashed, each
// for one person, one session and one direction, with its expiry, its attempts and when it was used;
// a scan so proven is recorded with the method 'qr_code_sms' beside 'qr'.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table attachments (
      id text primary key,
      record_kind text not null check (record_kind in ('class','claim','objection','dispute')),
      record_id text not null,
      kind text not null,
      file_name text not null,
      content_type text not null,
      size_bytes integer not null check (size_bytes > 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea not null,
      uploaded_by text not null,
      uploaded_by_name text not null,
      uploaded_at timestamptz not null default now(),
      replaces text references attachments(id),
      replaced_by text references attachments(id),
      replaced_at timestamptz,
      check (octet_length(content) = size_bytes),
      check ((replaced_by is null) = (replaced_at is null)))`,
    // A file is replaced at most once: two concurrent replacements of one file cannot both land.
    `create unique index attachments_replaces on attachments (replaces) where replaces is not null`,
    `create index attachments_record on attachments (record_kind, record_id, uploaded_at)`,
    `create table signin_sms_codes (
      id text primary key,
      session_id bigint not null references class_sessions(id),
      resident_id text not null references people(resident_id),
      kind text not null check (kind in ('in','out')),
      code_hash text not null,
      expires_at timestamptz not null,
      attempts integer not null default 0 check (attempts >= 0),
      used_at timestamptz,
      created_at timestamptz not null default now())`,
    `create index signin_sms_codes_person on signin_sms_codes (resident_id, created_at)`,
    `alter table attendance drop constraint attendance_qr_signed`,
    `alter table attendance add constraint attendance_qr_signed check (
       manual or (present and signed_at is not null and method in ('qr', 'qr_code_sms')))`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
