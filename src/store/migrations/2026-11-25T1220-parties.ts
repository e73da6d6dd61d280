// Parties: a trainee's dispute of a claim in their name becomes a case for the HR office
// reviewing that claim (异议案件: open → taken → resolved, with a finding); departments (§5.7) comment
// on or flag a claim or a class of their slice, and the reviewing office clears a flag with a note.
import { sql, type Kysely } from 'kysely';

const statements = [
  `create table claim_disputes (
    id text primary key, claim_id text not null references claims(id), resident_id text not null,
    area_code text not null references areas(code), reason text not null,
    status text not null default 'open' check (status in ('open','taken','resolved')),
    taken_by text, taken_at timestamptz,
    finding text check (finding in ('claim_rejected','dismissed')), resolution text, resolved_by text, resolved_at timestamptz,
    created_by text not null, created_at timestamptz not null default now())`,
  `create index claim_disputes_area on claim_disputes (area_code, status)`,
  `create index claim_disputes_resident on claim_disputes (resident_id)`,
  // One case at a time per claim: a second dispute while one is unresolved is refused.
  `create unique index claim_disputes_one_open on claim_disputes (claim_id) where status <> 'resolved'`,
  `create table oversight_notes (
    id text primary key, subject_kind text not null check (subject_kind in ('claim','class')), subject_id text not null,
    area_code text not null references areas(code), kind text not null check (kind in ('comment','flag')),
    text text not null, department text not null, author text not null, created_at timestamptz not null default now(),
    status text check (status in ('raised','cleared')), cleared_by text, cleared_at timestamptz, clear_note text,
    check ((kind = 'flag') = (status is not null)))`,
  `create index oversight_notes_subject on oversight_notes (subject_kind, subject_id)`,
  `create index oversight_notes_open_flags on oversight_notes (kind, status, area_code)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
