// What-if runs as jobs of this server process: started by POST (validated first, 400 before any work),
// followed by GET with their progress (people decided / people in the period), the figures when done,
// and the changed claims page by page. Nothing is stored: a job lives in memory (the last 20 kept).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { requireRole, residentIdFor, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { Page, PageQuery } from '../paging.ts';
import { prepareWhatIf, runWhatIf, type WhatIfChangedClaim, type WhatIfInput, type WhatIfResult } from './run-what-if.ts';

export interface WhatIfJobView {
  id: string; status: 'running' | 'done' | 'failed'; input: WhatIfInput; startedBy: string; startedAt: string; finishedAt: string | null;
  progress: { done: number; total: number; percent: number };
  error: string | null;
  result: Omit<WhatIfResult, 'changedClaims'> | null;
}

interface Job { view: WhatIfJobView; changed: WhatIfChangedClaim[]; done: Promise<void> }

const KEEP = 20;
const jobs = new Map<string, Job>();

export async function startWhatIf(db: Kysely<Database>, actor: Actor | null, input: WhatIfInput): Promise<WhatIfJobView> {
  const a = requireRole(actor, 'city');
  const prepared = await prepareWhatIf(db, a, input);
  const view: WhatIfJobView = {
    id: randomUUID(), status: 'running', input, startedBy: a.username, startedAt: new Date().toISOString(), finishedAt: null,
    progress: { done: 0, total: 0, percent: 0 }, error: null, result: null,
  };
  const job: Job = { view, changed: [], done: Promise.resolve() };
  job.done = runWhatIf(db, a, input, (done, total) => {
    view.progress = { done, total, percent: total === 0 ? 100 : Math.floor((done / total) * 100) };
  }, prepared).then((r) => {
    const { changedClaims, ...rest } = r;
    job.changed = changedClaims;
    view.finishedAt = new Date().toISOString();
    view.result = rest;
    view.status = 'done';
    view.progress = { ...view.progress, percent: 100 };
  }, (e: unknown) => {
    view.finishedAt = new Date().toISOString();
    view.status = 'failed';
    view.error = e instanceof AppError ? e.message : '测算失败，请稍后重试';
  });
  jobs.set(view.id, job);
  while (jobs.size > KEEP) jobs.delete(jobs.keys().next().value!);
  return { ...view };
}

function jobFor(actor: Actor | null, id: string): Job {
  requireRole(actor, 'city');
  const job = jobs.get(id);
  if (!job) throw new AppError('not_found', `没有找到测算：${id}（测算结果只保留在内存中，服务重启后需重新测算）`);
  return job;
}

export function getWhatIf(actor: Actor | null, id: string): WhatIfJobView {
  return { ...jobFor(actor, id).view };
}

/** Waits for a job to finish (tests, and callers that want the figures in one call). */
export async function whatIfFinished(actor: Actor | null, id: string): Promise<WhatIfJobView> {
  const job = jobFor(actor, id);
  await job.done;
  return { ...job.view };
}

export const WHAT_IF_CLAIM_SORTS = { deltaFen: 'deltaFen', id: 'id', program: 'program', areaCode: 'areaCode', startDate: 'startDate' } as const;

export function listWhatIfClaims(
  actor: Actor | null, id: string, q: PageQuery<keyof typeof WHAT_IF_CLAIM_SORTS> & { program?: string; areaCode?: string },
): Page<WhatIfChangedClaim> {
  const job = jobFor(actor, id);
  let rows = job.changed;
  if (q.program) rows = rows.filter((r) => r.program === q.program);
  if (q.areaCode) rows = rows.filter((r) => r.areaCode === q.areaCode);
  const key = WHAT_IF_CLAIM_SORTS[q.sort ?? 'id'];
  const dir = q.order === 'desc' ? -1 : 1;
  rows = [...rows].sort((x, y) => {
    const a = x[key];
    const b = y[key];
    return (a < b ? -1 : a > b ? 1 : x.id < y.id ? -1 : 1) * dir;
  });
  const page = Math.max(1, q.page ?? 1);
  const pageSize = Math.min(200, Math.max(1, q.pageSize ?? 50));
  const items = rows.slice((page - 1) * pageSize, page * pageSize).map((r) => ({ ...r, residentId: residentIdFor(actor, r.residentId) }));
  return { items, total: rows.length, page, pageSize };
}
