// The date from which the registry check holds claims out of payment (docs/certificates.md). Issuers
// record certificates from the day the registry opens; a claim whose training ended before that date
// may rest on a certificate that was never recorded here, so the city chooses the date (the plan's
// start, 2020-01-14, when every earlier certificate has been issued into it). Setting it checks every
// live claim from that date on; approved and paid claims whose certificate is not evidence raise cases.
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { assertDate } from '../identifiers.ts';
import { checkClaimCertificates } from './check-claim-certificates.ts';
import { REGISTRY_TYPES } from './registry-rules.ts';

export async function registryInForceFrom(tx: Tx): Promise<string | null> {
  const row = await tx.selectFrom('certificate_registry_settings').select('in_force_from').executeTakeFirst();
  return row?.in_force_from ?? null;
}

export async function setRegistryInForce(
  tx: Tx,
  actor: Actor | null,
  input: { inForceFrom: string },
): Promise<{ inForceFrom: string; checked: number; cases: number }> {
  const a = requireRole(actor, 'city');
  assertDate(input.inForceFrom, 'inForceFrom');
  const before = await registryInForceFrom(tx);
  await tx
    .insertInto('certificate_registry_settings')
    .values({ id: true, in_force_from: input.inForceFrom, recorded_by: actorLabel(a) })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ in_force_from: input.inForceFrom, recorded_by: actorLabel(a), recorded_at: new Date() }),
    )
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'certificate_registry.in_force',
    entity: 'certificate_registry',
    entityId: 'settings',
    data: { from: before, to: input.inForceFrom },
  });
  const claims = await tx
    .selectFrom('claims')
    .select('id')
    .where('end_date', '>=', input.inForceFrom)
    .where('certificate_type', 'in', [...REGISTRY_TYPES])
    .where('status', 'not in', ['rejected', 'withdrawn'])
    .orderBy('id')
    .execute();
  const r = await checkClaimCertificates(
    tx,
    actorLabel(a),
    claims.map((c) => c.id),
  );
  return { inForceFrom: input.inForceFrom, checked: r.checked, cases: r.cases };
}
