// Advances (§4.1 apprenticeship, §4.9 project) paid to the actor, with what is left to settle: the
// amount less what final claims deducted and what was recovered. An enterprise sees the advances on
// its apprenticeship plans, a provider those on its projects.
import { sql } from 'kysely';
import { requireRole, residentIdFor, type Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import type { Tx } from '../../store/transaction.ts';

export const ADVANCE_SORTS = { paidAt: 'advances.created_at', amount: 'advances.amount_fen', status: 'advances.status' } as const;

export interface MyAdvance {
  id: string;
  kind: 'apprenticeship' | 'project';
  subjectId: string;
  subjectLabel: string;
  /** The plan's (XT-…) or project's (XM-…) record number. */
  subjectNumber: string | null;
  fundId: string;
  amountFen: number;
  status: string;
  deductedFen: number;
  recoveredFen: number;
  outstandingFen: number;
  paidAt: string;
}

export async function listMyAdvances(
  tx: Tx,
  actor: Actor | null,
  input: PageQuery<keyof typeof ADVANCE_SORTS> & { status?: string },
): Promise<Page<MyAdvance>> {
  const a = requireRole(actor, 'enterprise', 'provider');
  let q = tx
    .selectFrom('advances')
    .leftJoin('apprenticeship_plans as plan', (j) =>
      j.onRef('plan.id', '=', 'advances.subject_id').on('advances.kind', '=', 'apprenticeship'),
    )
    .leftJoin('projects as project', (j) => j.onRef('project.id', '=', 'advances.subject_id').on('advances.kind', '=', 'project'))
    .select([
      'advances.id',
      'advances.kind',
      'advances.subject_id',
      'advances.fund_id',
      'advances.amount_fen',
      'advances.status',
      'advances.created_at',
      'plan.resident_id as plan_resident',
      'plan.number as plan_number',
      'project.number as project_number',
      'plan.occupation_code as plan_occupation',
      'project.name as project_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('advance_deductions')
        .select(sql<string>`coalesce(sum(amount_fen), 0)`.as('s'))
        .whereRef('advance_deductions.advance_id', '=', 'advances.id')
        .as('deducted'),
      eb
        .selectFrom('recoveries')
        .select(sql<string>`coalesce(sum(amount_fen), 0)`.as('s'))
        .whereRef('recoveries.advance_id', '=', 'advances.id')
        .as('recovered'),
    ]);
  q =
    a.role === 'enterprise'
      ? q.where('advances.kind', '=', 'apprenticeship').where('plan.enterprise_uscc', '=', a.enterpriseUscc ?? '')
      : q.where('advances.kind', '=', 'project').where('project.provider_id', '=', a.providerId ?? '');
  if (input.status) q = q.where('advances.status', '=', input.status as never);
  const page = await readPage(q, { order: 'desc', ...input }, ADVANCE_SORTS, 'paidAt', 'advances.id');
  return {
    ...page,
    items: page.items.map((r) => {
      const amountFen = Number(r.amount_fen);
      const deductedFen = Number(r.deducted ?? 0);
      const recoveredFen = Number(r.recovered ?? 0);
      return {
        id: r.id,
        kind: r.kind,
        subjectId: r.subject_id,
        subjectNumber: r.plan_number ?? r.project_number ?? null,
        fundId: r.fund_id,
        amountFen,
        status: r.status,
        deductedFen,
        recoveredFen,
        outstandingFen: Math.max(0, amountFen - deductedFen - recoveredFen),
        paidAt: new Date(r.created_at).toISOString(),
        subjectLabel:
          r.kind === 'apprenticeship'
            ? `学徒 ${r.plan_resident ? residentIdFor(a, r.plan_resident) : ''} · ${r.plan_occupation ?? ''}`
            : (r.project_name ?? r.project_number ?? ''),
      };
    }),
  };
}
