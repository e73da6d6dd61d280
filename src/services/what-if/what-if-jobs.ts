// What-if runs as jobs: started by POST (validated first, 400 before any work), followed by GET with
// their progress (people decided / people in the period), the figures when done, and the changed
// claims page by page. A run is kept in the database (what_if_jobs, what_if_job_claims), so every API
// instance behind a load balancer, and the same one after a restart, sees it; the last
// UPSKILL_WHAT_IF_KEEP runs (default 20) are kept. The instance that started a run computes it and
// beats a heartbeat with its progress; a run whose heartbeat has stopped for HEARTBEAT_LOST_MS (its
// instance stopped) reads as interrupted. Nothing of the claims themselves is written.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { inTransaction } from '../../store/transaction.ts';
import { requireRole, residentIdFor, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { Page, PageQuery } from '../paging.ts';
import { prepareWhatIf, runWhatIf, type WhatIfChangedClaim, type WhatIfInput, type WhatIfResult } from './run-what-if.ts';

export interface WhatIfJobView {
  id: string;
  status: 'running' | 'done' | 'failed';
  input: WhatIfInput;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  progress: { done: number; total: number; percent: number };
  error: string | null;
  result: Omit<WhatIfResult, 'changedClaims'> | null;
}

const HEARTBEAT_MS = 2_000;
/** A running job not heard from for this long was being computed by an instance that has stopped. */
export const HEARTBEAT_LOST_MS = 60_000;
const INSERT_CHUNK = 500;

/** Runs computed by this process, for callers that wait for the figures (tests, scripts). */
const runningHere = new Map<string, Promise<void>>();

function keep(): number {
  const n = Number(process.env.UPSKILL_WHAT_IF_KEEP ?? 20);
  return Number.isInteger(n) && n > 0 ? n : 20;
}

const percent = (done: number, total: number) => (total === 0 ? 100 : Math.floor((done / total) * 100));

export async function startWhatIf(db: Kysely<Database>, actor: Actor | null, input: WhatIfInput): Promise<WhatIfJobView> {
  const a = requireRole(actor, 'city');
  const prepared = await prepareWhatIf(db, a, input);
  const id = randomUUID();
  await db
    .insertInto('what_if_jobs')
    .values({ id, status: 'running', input: JSON.stringify(input), started_by: a.username })
    .execute();
  // The oldest runs beyond the kept number go (their changed claims with them: on delete cascade).
  await db
    .deleteFrom('what_if_jobs')
    .where('id', 'not in', (eb) => eb.selectFrom('what_if_jobs').select('id').orderBy('started_at', 'desc').orderBy('id').limit(keep()))
    .execute();

  // The heartbeat: the progress so far, written every few seconds while this process computes.
  let progress = { done: 0, total: 0 };
  let beating = Promise.resolve();
  const beat = () => {
    const { done, total } = progress;
    beating = beating
      .then(async () => {
        await db
          .updateTable('what_if_jobs')
          .set({ progress_done: done, progress_total: total, heartbeat_at: new Date() })
          .where('id', '=', id)
          .where('status', '=', 'running')
          .execute();
      })
      .catch(() => {});
  };
  const heart = setInterval(beat, HEARTBEAT_MS);
  heart.unref();
  const work = runWhatIf(
    db,
    a,
    input,
    (done, total) => {
      const first = progress.total === 0 && total > 0;
      progress = { done, total };
      if (first) beat();
    },
    prepared,
  )
    .then(async (r) => {
      const { changedClaims, ...rest } = r;
      clearInterval(heart);
      await beating;
      await inTransaction(db, async (tx) => {
        for (let i = 0; i < changedClaims.length; i += INSERT_CHUNK) {
          await tx
            .insertInto('what_if_job_claims')
            .values(
              changedClaims.slice(i, i + INSERT_CHUNK).map((c) => ({
                job_id: id,
                claim_id: c.id,
                program: c.program,
                area_code: c.areaCode,
                resident_id: c.residentId,
                status: c.status,
                start_date: c.startDate,
                frozen_outcome: c.frozenOutcome,
                frozen_amount_fen: c.frozenAmountFen,
                before_outcome: c.beforeOutcome,
                before_amount_fen: c.beforeAmountFen,
                after_outcome: c.afterOutcome,
                after_amount_fen: c.afterAmountFen,
                delta_fen: c.deltaFen,
              })),
            )
            .execute();
        }
        await tx
          .updateTable('what_if_jobs')
          .set({
            status: 'done',
            finished_at: new Date(),
            heartbeat_at: new Date(),
            result: JSON.stringify(rest),
            progress_done: progress.total,
            progress_total: progress.total,
          })
          .where('id', '=', id)
          .execute();
      });
    })
    .catch(async (e: unknown) => {
      clearInterval(heart);
      await beating;
      await db
        .updateTable('what_if_jobs')
        .set({
          status: 'failed',
          finished_at: new Date(),
          error: e instanceof AppError ? e.message : '测算失败，请稍后重试',
        })
        .where('id', '=', id)
        .execute()
        .catch(() => {});
    })
    .finally(() => {
      clearInterval(heart);
      runningHere.delete(id);
    });
  runningHere.set(id, work);
  return (await readJob(db, id))!;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function readJob(db: Kysely<Database>, id: string): Promise<WhatIfJobView | null> {
  if (!UUID.test(id)) return null;
  const j = await db.selectFrom('what_if_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!j) return null;
  const lost = j.status === 'running' && !runningHere.has(j.id) && Date.now() - new Date(j.heartbeat_at).getTime() > HEARTBEAT_LOST_MS;
  const status = lost ? 'failed' : j.status;
  const done = status === 'done' ? j.progress_total : j.progress_done;
  return {
    id: j.id,
    status,
    input: parse(j.input) as WhatIfInput,
    startedBy: j.started_by,
    startedAt: new Date(j.started_at).toISOString(),
    finishedAt: j.finished_at ? new Date(j.finished_at).toISOString() : null,
    progress: { done, total: j.progress_total, percent: status === 'done' ? 100 : percent(done, j.progress_total) },
    error: lost ? '测算中断（计算它的服务已停止），请重新测算' : j.error,
    result: (parse(j.result) as WhatIfJobView['result']) ?? null,
  };
}

/** jsonb comes back parsed from PostgreSQL and PGlite alike; a string is parsed in case a driver differs. */
const parse = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

async function jobFor(db: Kysely<Database>, actor: Actor | null, id: string): Promise<WhatIfJobView> {
  requireRole(actor, 'city');
  const job = await readJob(db, id);
  if (!job) throw new AppError('not_found', '没有找到这次测算（只保留最近的测算结果），请重新测算');
  return job;
}

export function getWhatIf(db: Kysely<Database>, actor: Actor | null, id: string): Promise<WhatIfJobView> {
  return jobFor(db, actor, id);
}

/** Waits for a job this process runs to finish (tests, and callers that want the figures in one call). */
export async function whatIfFinished(db: Kysely<Database>, actor: Actor | null, id: string): Promise<WhatIfJobView> {
  await jobFor(db, actor, id);
  await runningHere.get(id);
  return jobFor(db, actor, id);
}

export const WHAT_IF_CLAIM_SORTS = {
  deltaFen: 'w.delta_fen',
  id: 'w.claim_id',
  number: 'c.number',
  program: 'w.program',
  areaCode: 'w.area_code',
  startDate: 'w.start_date',
} as const;

export async function listWhatIfClaims(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  q: PageQuery<keyof typeof WHAT_IF_CLAIM_SORTS> & { program?: string; areaCode?: string },
): Promise<Page<WhatIfChangedClaim>> {
  const job = await jobFor(db, actor, id);
  const page = Math.max(1, q.page ?? 1);
  const pageSize = Math.min(200, Math.max(1, q.pageSize ?? 50));
  // The claim's number is read from the claim itself (claims are never deleted; a number never changes).
  let base = db.selectFrom('what_if_job_claims as w').innerJoin('claims as c', 'c.id', 'w.claim_id').where('w.job_id', '=', job.id);
  if (q.program) base = base.where('w.program', '=', q.program);
  if (q.areaCode) base = base.where('w.area_code', '=', q.areaCode);
  const dir = q.order === 'desc' ? 'desc' : 'asc';
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
    base
      .selectAll('w')
      .select('c.number')
      .orderBy(WHAT_IF_CLAIM_SORTS[q.sort ?? 'number'], dir)
      .orderBy('w.claim_id', dir)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  const items = rows.map((r): WhatIfChangedClaim => ({
    id: r.claim_id,
    number: r.number,
    program: r.program,
    areaCode: r.area_code,
    residentId: residentIdFor(actor, r.resident_id),
    status: r.status,
    startDate: String(r.start_date).slice(0, 10),
    frozenOutcome: r.frozen_outcome,
    frozenAmountFen: r.frozen_amount_fen == null ? null : Number(r.frozen_amount_fen),
    beforeOutcome: r.before_outcome,
    beforeAmountFen: Number(r.before_amount_fen),
    afterOutcome: r.after_outcome,
    afterAmountFen: Number(r.after_amount_fen),
    deltaFen: Number(r.delta_fen),
  }));
  return { items, total: Number(count.n), page, pageSize };
}
