// Folds the claims triggers' deltas into claim_period_totals (migration 2026-11-25T1250). The deltas
// are append-only so that writers never wait on a shared counter; folding them keeps what a report
// reads small. One fold at a time (a transaction-scoped advisory lock; a second caller skips), and the
// move is one statement: a report's snapshot sees a delta either in the deltas or in the totals, never
// in both or neither.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { tryLockInSchema } from './schema-lock.ts';
import { inTransaction } from './transaction.ts';

const FOLD_LOCK = 1250; // the fold's advisory lock (one per schema)

/** Moves every committed delta into the totals; returns how many delta rows were folded (0 when another fold runs). */
export async function foldClaimPeriodDeltas(db: Db): Promise<number> {
  return inTransaction(db, async (tx) => {
    if (!(await tryLockInSchema(tx, FOLD_LOCK))) return 0;
    const moved = await sql<{ n: string }>`
      with moved as (delete from claim_period_deltas returning *),
      upserted as (
        insert into claim_period_totals (year, quarter, program, area_code, status, claims, amount_fen)
        select year, quarter, program, area_code, status, sum(claims), sum(amount_fen) from moved
        group by year, quarter, program, area_code, status
        on conflict (year, quarter, program, area_code, status) do update
          set claims = claim_period_totals.claims + excluded.claims, amount_fen = claim_period_totals.amount_fen + excluded.amount_fen
        returning 1)
      select (select count(*) from moved) as n`.execute(tx);
    await tx.deleteFrom('claim_period_totals').where('claims', '=', 0).where('amount_fen', '=', 0).execute();
    return Number(moved.rows[0]!.n);
  });
}

/** Folds every `everyMs` in the background of a server process (unref'd: never keeps it alive). */
export function foldClaimPeriodDeltasEvery(
  db: Db,
  everyMs: number,
  onError: (e: unknown) => void,
  onFolded: () => void = () => {},
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    foldClaimPeriodDeltas(db)
      .then(onFolded, onError)
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
