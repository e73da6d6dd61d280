// A record number → which record it is and where its page is (docs/record-numbers.md). Answered only
// within the reader's own scope — the same slices the lists and detail pages use — and a number outside
// it gets the very answer of a number that was never issued, so a lookup cannot tell anyone that a record
// they may not read exists.
import type { Tx } from '../../store/audit-log.ts';
import { actorLabel, requireActor, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { claimScope } from '../claims/claim-scope.ts';
import { classInScope } from '../classes/class-scope.ts';
import { enterpriseRecordInScope } from '../filings/filing-scope.ts';
import { projectInScope } from '../projects/project-view.ts';

export type RecordKind = 'claim' | 'class' | 'notice' | 'batch' | 'filing' | 'plan' | 'project' | 'application' | 'booking';

export const RECORD_PREFIXES: Readonly<Record<string, RecordKind>> = {
  SQ: 'claim',
  BJ: 'class',
  GS: 'notice',
  BF: 'batch',
  BA: 'filing',
  XT: 'plan',
  XM: 'project',
  BM: 'application',
  YY: 'booking',
};

export const RECORD_KIND_NAMES: Readonly<Record<RecordKind, string>> = {
  claim: '补贴申领',
  class: '培训班',
  notice: '公示',
  batch: '支付批次',
  filing: '培训内容备案',
  plan: '学徒培养计划',
  project: '项目制培训项目',
  application: '培训报名',
  booking: '实训基地预约',
};

/** prefix-year-area-sequence, e.g. SQ-2021-510422-000123 (the sequence grows past six digits). */
const NUMBER = /^([A-Z]{2})-(\d{4})-(\d{6})-(\d{6,9})$/;

export interface RecordLookup {
  kind: RecordKind;
  kindName: string;
  number: string;
  /** The web app's page for the record for this reader, or null where their screens have none. */
  path: string | null;
}

/** Reads a typed number the way people write it: spaces dropped, any case, full-width dashes. */
export function normalizeRecordNumber(input: string): string {
  return input
    .replace(/\s+/g, '')
    .replace(/[－—–]/g, '-')
    .toUpperCase();
}

const office = (a: Actor) => a.role === 'city' || a.role === 'county';
const coversArea = (a: Actor, area: string) => a.role === 'city' || (a.role === 'county' && a.areaCode === area);

export async function lookupRecord(tx: Tx, actor: Actor | null, typed: string): Promise<RecordLookup> {
  const a = requireActor(actor);
  const number = normalizeRecordNumber(typed);
  const m = NUMBER.exec(number);
  const kind = m ? RECORD_PREFIXES[m[1]!] : undefined;
  if (!kind) {
    throw new AppError(
      'invalid_input',
      `编号格式不对：应如 SQ-2021-510422-000123（前缀 ${Object.keys(RECORD_PREFIXES).join('、')}）`,
      'number',
    );
  }
  const found = (path: string | null): RecordLookup => ({ kind, kindName: RECORD_KIND_NAMES[kind], number, path });
  const q = (page: string) => `${page}?q=${encodeURIComponent(number)}`;
  switch (kind) {
    case 'claim': {
      const r = await tx.selectFrom('claims').select('id').where('number', '=', number).where(claimScope(a)).executeTakeFirst();
      if (r) return found(`/claims/${encodeURIComponent(r.id)}`);
      break;
    }
    case 'class': {
      const r = await tx.selectFrom('classes').select('id').where('number', '=', number).where(classInScope(a)).executeTakeFirst();
      if (r) {
        const id = encodeURIComponent(r.id);
        if (office(a)) return found(`/review/classes/${id}`);
        if (a.role === 'provider') return found(`/provider/classes/${id}`);
        if (a.role === 'department') return found(`/dept-classes`);
        if (a.role === 'trainee') return found(`/my-trainings`);
        return found(null);
      }
      break;
    }
    case 'notice': {
      const r = await tx.selectFrom('publicity_notices').select(['id', 'area_code']).where('number', '=', number).executeTakeFirst();
      // Offices work on the notices of their area; every notice is also posted to the public (§5.1).
      if (r)
        return found(
          coversArea(a, r.area_code) ? `/review/publicity/${encodeURIComponent(r.id)}` : `/publicity/${encodeURIComponent(r.id)}`,
        );
      break;
    }
    case 'batch': {
      const r = await tx.selectFrom('payment_batches').select(['id', 'area_code']).where('number', '=', number).executeTakeFirst();
      if (r && coversArea(a, r.area_code)) return found(`/review/payments/${encodeURIComponent(r.id)}`);
      // The finance bureau reads every batch (it confirms them) but has no batch screen.
      if (r && a.role === 'department' && a.department === 'finance') return found(null);
      break;
    }
    case 'filing': {
      const r = await tx
        .selectFrom('content_filings')
        .innerJoin('enterprises', 'enterprises.uscc', 'content_filings.enterprise_uscc')
        .select('content_filings.id')
        .where('content_filings.number', '=', number)
        .where(enterpriseRecordInScope(a))
        .executeTakeFirst();
      if (r) return found(office(a) ? q('/office/filings') : '/ent-filings');
      break;
    }
    case 'plan': {
      const r = await tx
        .selectFrom('apprenticeship_plans')
        .innerJoin('enterprises', 'enterprises.uscc', 'apprenticeship_plans.enterprise_uscc')
        .select('apprenticeship_plans.id')
        .where('apprenticeship_plans.number', '=', number)
        .where(enterpriseRecordInScope(a))
        .executeTakeFirst();
      if (r) return found(office(a) ? q('/office/plans') : '/ent-plans');
      break;
    }
    case 'project': {
      const r = await tx.selectFrom('projects').select('id').where('number', '=', number).where(projectInScope(a)).executeTakeFirst();
      if (r) return found(office(a) ? q('/office/projects') : null);
      break;
    }
    case 'application': {
      // §5.5: the person who applied, and those who decide (the class's provider, the offices over the
      // class) — the readers of the class's 报名 tab.
      const r = await tx
        .selectFrom('class_applications')
        .innerJoin('classes', 'classes.id', 'class_applications.class_id')
        .select(['class_applications.class_id', 'class_applications.resident_id'])
        .where('class_applications.number', '=', number)
        .where((eb) =>
          a.role === 'trainee'
            ? eb('class_applications.resident_id', '=', a.residentId ?? '')
            : a.role === 'provider' || office(a)
              ? classInScope(a)(eb)
              : eb.val(false),
        )
        .executeTakeFirst();
      if (r) return found(a.role === 'trainee' ? '/enrol/mine' : `/provider/classes/${encodeURIComponent(r.class_id)}?tab=enrolment`);
      break;
    }
    case 'booking': {
      // §5.4: the booker (the provider, college or enterprise that made it; an office's own), the
      // provider of the class it serves, the city, and the county where the base or the class is.
      const r = await tx
        .selectFrom('base_bookings')
        .innerJoin('training_bases', 'training_bases.id', 'base_bookings.base_id')
        .leftJoin('classes', 'classes.id', 'base_bookings.class_id')
        .select([
          'base_bookings.class_id',
          'classes.provider_id',
          'classes.area_code as class_area',
          'training_bases.area_code as base_area',
        ])
        .where('base_bookings.number', '=', number)
        .where((eb) => {
          switch (a.role) {
            case 'city':
              return eb.val(true);
            case 'county':
              return eb.or([
                eb('training_bases.area_code', '=', a.areaCode ?? ''),
                eb('classes.area_code', '=', a.areaCode ?? ''),
                eb('base_bookings.created_by', '=', actorLabel(a)),
              ]);
            case 'provider':
              return eb.or([
                eb.and([
                  eb('base_bookings.booker_role', 'in', ['provider', 'college']),
                  eb('base_bookings.booker_ref', '=', a.providerId ?? ''),
                ]),
                eb('classes.provider_id', '=', a.providerId ?? ''),
              ]);
            case 'enterprise':
              return eb.and([
                eb('base_bookings.booker_role', '=', 'enterprise'),
                eb('base_bookings.booker_ref', '=', a.enterpriseUscc ?? ''),
              ]);
            default:
              return eb.val(false);
          }
        })
        .executeTakeFirst();
      if (r) {
        const classId = r.class_id ? encodeURIComponent(r.class_id) : null;
        // The class's page lists its bookings; a booking without a class (or of a class the reader has
        // no page for) is on the base's calendar.
        if (classId && office(a) && (a.role === 'city' || r.class_area === a.areaCode)) return found(`/review/classes/${classId}`);
        if (classId && a.role === 'provider' && r.provider_id === a.providerId) return found(`/provider/classes/${classId}?tab=bases`);
        return found('/capacity');
      }
      break;
    }
  }
  throw new AppError('not_found', `未找到编号为 ${number} 的记录，或它不在您的办理范围内`, 'number');
}
