// 报名管理: the applications to one class, for its provider and the office over it (class-scope.ts: a
// provider sees only its own classes; another class is "not found").
import { requireRole, type Actor } from '../access.ts';
import type { Tx } from '../../store/audit-log.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import { classInScope } from '../classes/class-scope.ts';
import { notFound } from '../record-scope.ts';

export const CLASS_APPLICATION_SORTS = { appliedAt: 'class_applications.applied_at', status: 'class_applications.status' } as const;

export interface ClassApplicationView {
  id: string;
  number: string;
  status: 'applied' | 'accepted' | 'declined' | 'withdrawn';
  residentId: string;
  name: string;
  phone: string | null;
  note: string | null;
  declineReason: string | null;
  appliedAt: string;
  decidedAt: string | null;
}

export interface ClassApplicationsPage extends Page<ClassApplicationView> {
  classNumber: string;
  publicEnrolment: boolean;
  seats: number | null;
  enrolBy: string | null;
  rosterSize: number;
  pending: number;
}

export async function listClassApplications(
  tx: Tx,
  actor: Actor | null,
  classId: string,
  input: PageQuery<keyof typeof CLASS_APPLICATION_SORTS> & { status?: string },
): Promise<ClassApplicationsPage> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const cls = await tx
    .selectFrom('classes')
    .select(['id', 'number', 'public_enrolment', 'seats', 'enrol_by'])
    .where('id', '=', classId)
    .where(classInScope(a))
    .executeTakeFirst();
  if (!cls) throw notFound('培训班', classId);
  let q = tx
    .selectFrom('class_applications')
    .innerJoin('people', 'people.resident_id', 'class_applications.resident_id')
    .select([
      'class_applications.id',
      'class_applications.number',
      'class_applications.status',
      'class_applications.resident_id',
      'people.name',
      'people.phone',
      'class_applications.note',
      'class_applications.decline_reason',
      'class_applications.applied_at',
      'class_applications.decided_at',
    ])
    .where('class_applications.class_id', '=', classId);
  if (input.status) q = q.where('class_applications.status', '=', input.status as never);
  const page = await readPage(q, input, CLASS_APPLICATION_SORTS, 'appliedAt', 'class_applications.id');
  const counts = await tx
    .selectFrom('class_applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_id', '=', classId)
    .where('status', '=', 'applied')
    .executeTakeFirst();
  const roster = await tx
    .selectFrom('class_trainees')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_id', '=', classId)
    .executeTakeFirst();
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status ?? 'applied',
      residentId: r.resident_id,
      name: r.name,
      phone: r.phone,
      note: r.note,
      declineReason: r.decline_reason ?? null,
      appliedAt: new Date(r.applied_at).toISOString(),
      decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    })),
    classNumber: cls.number,
    publicEnrolment: cls.public_enrolment,
    seats: cls.seats ?? null,
    enrolBy: cls.enrol_by ?? null,
    rosterSize: Number(roster?.n ?? 0),
    pending: Number(counts?.n ?? 0),
  };
}
