// Publicity on the business date (DESIGN.md): a notice records the business day it was published and
// the day it was closed; an objection the day it was received and the day it was resolved. The days are
// the system's, never typed by a user. The database refuses a notice that starts before it was
// published or closes before its last working day has passed, whatever code writes it.
// Rows written before this migration: objections take their received/resolved day from the wall-clock
// stamps they already have (Asia/Shanghai); a notice's publishing and closing days were not recorded
// and stay empty (unknown, not guessed).
import { sql, type Kysely } from 'kysely';

const statements = [
  `alter table publicity_notices add column published_on date, add column closed_on date`,
  `alter table publicity_notices add constraint publicity_notices_starts_after_publishing check (published_on is null or starts_on >= published_on)`,
  `alter table publicity_notices add constraint publicity_notices_closed_after_end check (closed_on is null or closed_on > ends_on)`,
  `alter table objections add column received_on date, add column resolved_on date`,
  `update objections set received_on = (raised_at at time zone 'Asia/Shanghai')::date,
     resolved_on = (resolved_at at time zone 'Asia/Shanghai')::date`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
