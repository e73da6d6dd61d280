// Login throttling (auth/sessions.ts): one counter row per key — a source address, a user name, a
// user name from one address — each counting the attempts of its current 15-minute window. Every
// attempt adds to its counters in ONE statement (insert … on conflict … returning) before the
// password is checked, so parallel guesses are each counted and none slips past the limit.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create table login_throttle (
    key text primary key, failures integer not null, window_started timestamptz not null)`,
    )
    .execute(db);
}
