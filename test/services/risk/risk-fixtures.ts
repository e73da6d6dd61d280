// Records for the risk tests, inserted directly (the class lifecycle is tested elsewhere): classes
// with rosters, sessions and attendance, people with dated facts, claims and certificates.
import type { Tx } from '../../../src/store/transaction.ts';
import { insertPeople, residentId } from '../../support/claims-fixtures.ts';
import { actor } from '../../support/actors.ts';

export { actor };
export const CITY = actor({ role: 'city', areaCode: '510400' });

let next = 1;
/** Fresh people (each test plants its own), with facts dated as given. */
export async function people(
  tx: Tx,
  n: number,
  facts: { fact: string; value: boolean; asOf: string }[] = [],
  area = '510402',
): Promise<string[]> {
  const ids = Array.from({ length: n }, () => {
    const k = next++;
    return residentId(k, area, String(19800101 + Math.floor(k / 1000)));
  });
  await insertPeople(
    tx,
    ids.map((id, i) => ({ residentId: id, name: `学员${next - n + i}`, areaCode: area })),
  );
  for (const id of ids) {
    for (const f of facts)
      await tx
        .insertInto('person_facts')
        .values({ resident_id: id, fact: f.fact, value: f.value, source: '测试', as_of: f.asOf, recorded_by: 'test' })
        .execute();
  }
  return ids;
}

export interface ClassFixture {
  id: string;
  providerId: string;
  program?: string;
  areaCode?: string;
  start: string;
  end: string;
  hours?: number;
  venue?: string;
  teachers?: string[];
  occupationCode?: string | null;
  level?: string | null;
  status?: 'approved' | 'running' | 'assessed' | 'closed' | 'draft' | 'submitted';
  trainees: string[];
  employer?: string | null;
  sessions?: { day: string; from: string; to: string; hours?: number }[];
}

/** Inserts a class with its roster and sessions; returns the session ids in order. */
export async function insertClass(tx: Tx, c: ClassFixture): Promise<number[]> {
  await tx
    .insertInto('classes')
    .values({
      id: c.id,
      provider_id: c.providerId,
      program: c.program ?? 'skill_upgrade',
      area_code: c.areaCode ?? '510402',
      enterprise_uscc: null,
      occupation_code: c.occupationCode === undefined ? '6-16-01-03' : c.occupationCode,
      level: c.level === undefined ? '4' : c.level,
      entrepreneurship_type: null,
      project_id: null,
      filing_id: null,
      start_date: c.start,
      end_date: c.end,
      hours: c.hours ?? 180,
      venue: c.venue ?? `${c.id} 教室`,
      teachers: JSON.stringify((c.teachers ?? [`${c.id} 老师`]).map((name) => ({ name, qualification: null }))),
      status: c.status ?? 'running',
      review_note: null,
      created_by: 'test',
      updated_by: null,
      updated_at: null,
    })
    .execute();
  if (c.trainees.length) {
    await tx
      .insertInto('class_trainees')
      .values(
        c.trainees.map((r) => ({
          class_id: c.id,
          resident_id: r,
          employer_uscc: c.employer ?? null,
          new_hire: null,
          contract_months: null,
        })),
      )
      .execute();
  }
  const ids: number[] = [];
  for (const s of c.sessions ?? []) {
    const hours = s.hours ?? Number(s.to.slice(0, 2)) - Number(s.from.slice(0, 2));
    const row = await tx
      .insertInto('class_sessions')
      .values({ class_id: c.id, day: s.day, starts_at: s.from, ends_at: s.to, hours })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(Number(row.id));
  }
  return ids;
}

/** Present sign-ins for a session, at the given Shanghai local times ('2020-05-06 09:00:05'). */
/** Trainees' own QR sign-ins at Beijing times (`device`: the hashed device id; default one per person). */
export async function signIns(tx: Tx, sessionId: number, marks: { residentId: string; at: string; device?: string }[]): Promise<void> {
  await tx
    .insertInto('attendance')
    .values(
      marks.map((m) => ({
        session_id: sessionId,
        resident_id: m.residentId,
        present: true,
        signed_at: new Date(`${m.at.replace(' ', 'T')}+08:00`),
        entered_at: new Date(`${m.at.replace(' ', 'T')}+08:00`),
        method: 'qr',
        manual: false,
        device_hash: m.device ?? `phone-of-${m.residentId}`,
        recorded_by: 'test',
      })),
    )
    .execute();
}

/** Presences entered by the provider (手工补录) with their reason. */
export async function manualMarks(tx: Tx, sessionId: number, residentIds: string[], reason = '忘带手机'): Promise<void> {
  await tx
    .insertInto('attendance')
    .values(
      residentIds.map((r) => ({
        session_id: sessionId,
        resident_id: r,
        present: true,
        signed_at: null,
        method: '培训机构登记',
        manual: true,
        manual_reason: reason,
        recorded_by: 'test',
      })),
    )
    .execute();
}

export async function insertClaim(
  tx: Tx,
  c: {
    id: string;
    residentId: string;
    program?: string;
    providerId?: string | null;
    classId?: string | null;
    enterpriseUscc?: string | null;
    applicant?: string;
    start: string;
    end: string;
    status?: 'submitted' | 'decided' | 'reviewed' | 'publicity' | 'approved' | 'paid' | 'rejected' | 'withdrawn';
    certificate?: { type: string; number: string } | null;
    areaCode?: string;
    amountFen?: number | null;
  },
): Promise<void> {
  await tx
    .insertInto('claims')
    .values({
      id: c.id,
      program: c.program ?? 'skill_upgrade',
      applicant: c.applicant ?? 'institution',
      applicant_ref: null,
      resident_id: c.residentId,
      enterprise_uscc: c.enterpriseUscc ?? null,
      class_id: c.classId ?? null,
      provider_id: c.providerId ?? null,
      area_code: c.areaCode ?? '510402',
      occupation_code: '6-16-01-03',
      level: '4',
      entrepreneurship_type: null,
      start_date: c.start,
      end_date: c.end,
      attended_hours: 160,
      attended_days: null,
      qualified: true,
      certificate_type: c.certificate?.type ?? null,
      certificate_number: c.certificate?.number ?? null,
      new_hire: null,
      contract_months: null,
      plan_approved: null,
      insured_months: null,
      training_claim_id: null,
      project_id: null,
      status: c.status ?? 'submitted',
      outcome: null,
      amount_fen: c.amountFen ?? null,
      payee: null,
      citations: null,
      reasons: null,
      missing: null,
      trace: null,
      policy_package_id: null,
      decided_at: null,
      r3_exception_reason: null,
      created_by: 'test',
      updated_by: null,
      updated_at: null,
    })
    .execute();
}

export async function insertCertificate(
  tx: Tx,
  c: { type: string; number: string; residentId: string; classId?: string | null; issuedOn?: string },
): Promise<void> {
  await tx
    .insertInto('certificates')
    .values({
      type: c.type,
      number: c.number,
      resident_id: c.residentId,
      class_id: c.classId ?? null,
      occupation_code: null,
      level: null,
      issued_on: c.issuedOn ?? '2020-07-01',
      issuer: null,
      recorded_by: 'test',
    })
    .execute();
}
