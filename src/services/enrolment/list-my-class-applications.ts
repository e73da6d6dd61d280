// 我的报名: the person's applications to open classes and what became of each (the provider's reason
// when declined).
import { sql } from 'kysely';
import { requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { Tx } from '../../store/audit-log.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';

export const MY_APPLICATION_SORTS = { appliedAt: 'class_applications.applied_at', status: 'class_applications.status' } as const;

export interface MyClassApplication {
  id: string;
  number: string;
  status: 'applied' | 'accepted' | 'declined' | 'withdrawn';
  note: string | null;
  declineReason: string | null;
  appliedAt: string;
  decidedAt: string | null;
  classId: string;
  classNumber: string;
  program: string;
  occupationCode: string | null;
  occupationName: string | null;
  level: string | null;
  providerName: string;
  startDate: string;
  endDate: string;
  venue: string;
}

function query(tx: Tx, residentId: string) {
  return tx
    .selectFrom('class_applications')
    .innerJoin('classes', 'classes.id', 'class_applications.class_id')
    .innerJoin('providers', 'providers.id', 'classes.provider_id')
    .select([
      'class_applications.id',
      'class_applications.number',
      'class_applications.status',
      'class_applications.note',
      'class_applications.decline_reason',
      'class_applications.applied_at',
      'class_applications.decided_at',
      'classes.id as class_id',
      'classes.number as class_number',
      'classes.program',
      'classes.occupation_code',
      sql<
        string | null
      >`(select ce.name from catalog_entries ce where ce.code = classes.occupation_code order by ce.effective_from desc nulls last limit 1)`.as(
        'occupation_name',
      ),
      'classes.level',
      'providers.name as provider_name',
      'classes.start_date',
      'classes.end_date',
      'classes.venue',
    ])
    .where('class_applications.resident_id', '=', residentId);
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;
const view = (r: Row): MyClassApplication => ({
  id: r.id,
  number: r.number,
  status: r.status ?? 'applied',
  note: r.note,
  declineReason: r.decline_reason ?? null,
  appliedAt: new Date(r.applied_at).toISOString(),
  decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
  classId: r.class_id,
  classNumber: r.class_number,
  program: r.program,
  occupationCode: r.occupation_code,
  occupationName: r.occupation_name ?? null,
  level: r.level,
  providerName: r.provider_name,
  startDate: r.start_date,
  endDate: r.end_date,
  venue: r.venue,
});

export async function getMyClassApplication(tx: Tx, residentId: string, id: string): Promise<MyClassApplication> {
  const r = await query(tx, residentId).where('class_applications.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('not_found', '没有找到这份报名');
  return view(r);
}

export async function listMyClassApplications(
  tx: Tx,
  actor: Actor | null,
  input: PageQuery<keyof typeof MY_APPLICATION_SORTS>,
): Promise<Page<MyClassApplication>> {
  const a = requireRole(actor, 'trainee');
  const page = await readPage(
    query(tx, a.residentId ?? ''),
    { order: 'desc', ...input },
    MY_APPLICATION_SORTS,
    'appliedAt',
    'class_applications.id',
  );
  return { ...page, items: page.items.map(view) };
}
