// Which claims an actor sees (DESIGN.md roles; SPEC §5.7): the city all; a county its area; an
// enterprise the claims naming it; a provider its own; a trainee every claim in their name; a
// department its slice, read only; the public none. A claim outside the slice is "not found".
import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { Tx } from '../../store/transaction.ts';
import type { Database } from '../../store/schema.ts';

export type ClaimRow = Selectable<Database['claims']>;
type Eb = ExpressionBuilder<Database, 'claims'>;

const groupMember = (eb: Eb, group: string) =>
  eb.exists(
    eb
      .selectFrom('person_facts as f')
      .select('f.id')
      .whereRef('f.resident_id', '=', 'claims.resident_id')
      .where('f.fact', '=', group)
      .where('f.value', '=', true),
  );

/** §5.7 slices that are whole programs: finance sees every claim (funds and their audit), emergency
 *  安全技能培训, development-reform 项目制培训. The period reports read these from running figures. */
export const PROGRAM_SLICES: Readonly<Record<string, readonly string[] | null>> = {
  finance: null,
  emergency: ['safety'],
  development_reform: ['project_based'],
};

/** §5.7: the slice each department watches. */
function departmentSlice(eb: Eb, actor: Actor) {
  const programs = PROGRAM_SLICES[actor.department ?? ''];
  if (programs !== undefined) return programs === null ? eb.lit(true) : eb('claims.program', 'in', programs);
  switch (actor.department) {
    case 'veterans':
      return groupMember(eb, 'veteran');
    case 'disabled_federation':
      return groupMember(eb, 'disabled');
    case 'education':
      return eb.exists(
        eb
          .selectFrom('providers as p')
          .select('p.id')
          .whereRef('p.id', '=', 'claims.provider_id')
          .where('p.kind', 'in', ['college', 'vocational_college', 'technical_school']),
      );
    case 'housing':
      return eb.exists(
        eb
          .selectFrom('enterprises as e')
          .select('e.uscc')
          .whereRef('e.uscc', '=', 'claims.enterprise_uscc')
          .where('e.industry', 'in', ['construction', 'property']),
      );
    // 养老护理员 (4-10-01-05): elderly-care workers.
    case 'civil_affairs':
      return eb('claims.occupation_code', 'like', '4-10-01%');
    default:
      return eb.lit(false);
  }
}

/** The where-clause of the actor's slice, for lists and for single reads. */
export function claimScope(actor: Actor | null) {
  return (eb: Eb) => {
    if (!actor) return eb.lit(false);
    switch (actor.role) {
      case 'city':
        return eb.lit(true);
      case 'county':
        return eb('claims.area_code', '=', actor.areaCode ?? '');
      case 'enterprise':
        return eb('claims.enterprise_uscc', '=', actor.enterpriseUscc ?? '');
      case 'provider':
        return eb('claims.provider_id', '=', actor.providerId ?? '');
      case 'trainee':
        return eb('claims.resident_id', '=', actor.residentId ?? '');
      case 'department':
        return departmentSlice(eb, actor);
      default:
        return eb.lit(false);
    }
  };
}

/** Reads a claim in the actor's slice, locked for the rest of the transaction when changing it. */
export async function loadClaim(tx: Tx, actor: Actor | null, claimId: string, forUpdate = false): Promise<ClaimRow> {
  let q = tx.selectFrom('claims').selectAll().where('id', '=', claimId).where(claimScope(actor));
  if (forUpdate) q = q.forUpdate();
  const claim = await q.executeTakeFirst();
  if (!claim) throw new AppError('not_found', '没有找到这条申领，或它不在您的办理范围内', 'claimId');
  return claim;
}

/** The HR offices act on claims: the city on all, a county on its own area (SPEC §5.7). */
export function requireReviewer(actor: Actor, claim: { area_code: string }): void {
  if (actor.role === 'city') return;
  if (actor.role === 'county' && actor.areaCode === claim.area_code) return;
  throw new AppError('forbidden', '只有市人社局或申领所在县（区）人社局可以办理');
}
