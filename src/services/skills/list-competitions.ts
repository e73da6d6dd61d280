// Skills competitions (§5.4) with their results: the city's list, one competition's results, and a
// person's own results (my records).
import { sql } from 'kysely';
import { requireRole, type Actor } from '../access.ts';
import type { Tx } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';

export const COMPETITION_SORTS = { heldOn: 'competitions.held_on', name: 'competitions.name' } as const;

export interface CompetitionView {
  id: number;
  name: string;
  heldOn: string;
  occupationCode: string;
  occupationName: string | null;
  organiser: string;
  areaCode: string;
  results: number;
}

const occupationName = sql<
  string | null
>`(select ce.name from catalog_entries ce where ce.code = competitions.occupation_code order by ce.effective_from desc nulls last limit 1)`;

export async function listCompetitions(
  tx: Tx,
  actor: Actor | null,
  input: PageQuery<keyof typeof COMPETITION_SORTS>,
): Promise<Page<CompetitionView>> {
  requireRole(actor, 'city', 'county');
  const q = tx.selectFrom('competitions').select((eb) => [
    'competitions.id',
    'competitions.name',
    'competitions.held_on',
    'competitions.occupation_code',
    occupationName.as('occupation_name'),
    'competitions.organiser',
    'competitions.area_code',
    eb
      .selectFrom('competition_results')
      .whereRef('competition_results.competition_id', '=', 'competitions.id')
      .select((e) => e.fn.countAll<number>().as('n'))
      .as('results'),
  ]);
  const page = await readPage(q, { order: 'desc', ...input }, COMPETITION_SORTS, 'heldOn', 'competitions.id');
  return {
    ...page,
    items: page.items.map((r) => ({
      id: Number(r.id),
      name: r.name,
      heldOn: r.held_on,
      occupationCode: r.occupation_code,
      occupationName: r.occupation_name ?? null,
      organiser: r.organiser,
      areaCode: r.area_code,
      results: Number(r.results ?? 0),
    })),
  };
}

export async function listCompetitionResults(
  tx: Tx,
  actor: Actor | null,
  competitionId: number,
): Promise<{ items: { residentId: string; name: string; rank: number | null; award: string }[] }> {
  requireRole(actor, 'city', 'county');
  if (!(await tx.selectFrom('competitions').select('id').where('id', '=', competitionId).executeTakeFirst()))
    throw new AppError('not_found', '没有找到这个竞赛');
  const rows = await tx
    .selectFrom('competition_results')
    .innerJoin('people', 'people.resident_id', 'competition_results.resident_id')
    .select(['competition_results.resident_id', 'people.name', 'competition_results.rank', 'competition_results.award'])
    .where('competition_id', '=', competitionId)
    .orderBy(sql`competition_results.rank asc nulls last`)
    .orderBy('competition_results.resident_id')
    .limit(1000)
    .execute();
  return { items: rows.map((r) => ({ residentId: r.resident_id, name: r.name, rank: r.rank, award: r.award })) };
}

export interface MyCompetitionResult {
  competition: string;
  heldOn: string;
  occupationCode: string;
  occupationName: string | null;
  organiser: string;
  rank: number | null;
  award: string;
}

export async function listMyCompetitionResults(tx: Tx, actor: Actor | null): Promise<{ items: MyCompetitionResult[] }> {
  const a = requireRole(actor, 'trainee');
  const rows = await tx
    .selectFrom('competition_results')
    .innerJoin('competitions', 'competitions.id', 'competition_results.competition_id')
    .select([
      'competitions.name',
      'competitions.held_on',
      'competitions.occupation_code',
      occupationName.as('occupation_name'),
      'competitions.organiser',
      'competition_results.rank',
      'competition_results.award',
    ])
    .where('competition_results.resident_id', '=', a.residentId ?? '')
    .orderBy('competitions.held_on', 'desc')
    .limit(200)
    .execute();
  return {
    items: rows.map((r) => ({
      competition: r.name,
      heldOn: r.held_on,
      occupationCode: r.occupation_code,
      occupationName: r.occupation_name ?? null,
      organiser: r.organiser,
      rank: r.rank,
      award: r.award,
    })),
  };
}
