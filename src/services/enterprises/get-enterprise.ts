import { requireActor, type Actor } from '../access.ts';
import { notFound } from '../record-scope.ts';
import type { Tx } from '../../store/audit-log.ts';
import { enterpriseInScope } from './enterprise-scope.ts';
import { enterpriseView, type EnterpriseView } from './enterprise-view.ts';

export async function getEnterprise(tx: Tx, actor: Actor | null, uscc: string): Promise<EnterpriseView> {
  const a = requireActor(actor);
  const row = await tx.selectFrom('enterprises').selectAll().where('uscc', '=', uscc).where(enterpriseInScope(a)).executeTakeFirst();
  if (!row) throw notFound('企业', uscc);
  return enterpriseView(tx, row);
}
