// What the certificate registry holds out of payment (with payments/payment-holds.ts, the money
// controls): once the registry is in force, an approved claim of a training ended on or after that date
// whose certificate is of a registry type and is not verified in the registry, nor explained by the
// office, is not put into a batch and not paid (§4.0 R1/R13; check-claim-certificates.ts). A claim never
// checked is held too: an unchecked certificate is not evidence. A claim whose certificate was revoked
// (revoke-certificate.ts) is held whatever its dates and any 说明: the registry knows it is not evidence.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { Tx } from '../../store/transaction.ts';
import { REGISTRY_TYPES } from './registry-rules.ts';

const TYPES = sql.join(REGISTRY_TYPES.map((t) => sql.lit(t)));

/** Where-clause over `claims`: not held by the certificate registry. */
export const notHeldByCertificate = (_eb: ExpressionBuilder<Database, 'claims'>) =>
  sql<boolean>`(not exists (
    select 1 from certificate_registry_settings s
    where claims.end_date >= s.in_force_from and claims.certificate_type in (${TYPES})
      and not exists (select 1 from claim_certificate_checks k where k.claim_id = claims.id and k.status = 'verified')
      and not exists (select 1 from claim_certificate_explanations x where x.claim_id = claims.id))
    and not exists (select 1 from claim_certificate_checks r where r.claim_id = claims.id and r.status = 'revoked'))`;

/** Inside the transaction holding the claim's row lock (checks lock the same row). */
export async function heldByCertificate(tx: Tx, claimId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('claims')
    .select('id')
    .where('id', '=', claimId)
    .where((eb) => eb.not(notHeldByCertificate(eb)))
    .executeTakeFirst();
  return row !== undefined;
}
