// §4.8: whether the enterprise takes part in social insurance as the law requires (以工代训 is for insured
// enterprises). Recorded or corrected by the city or the county that manages the enterprise, with the
// source of the finding; null records "not known" (never read as "not insured"). The audit log keeps
// what it was before.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { notFound } from '../record-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { managesEnterprise } from './enterprise-scope.ts';

export interface RecordInsuredInput {
  insured: boolean | null;
  source: string;
}

export async function recordInsured(tx: Tx, actor: Actor | null, uscc: string, input: RecordInsuredInput): Promise<void> {
  const a = requireRole(actor, 'city', 'county');
  if (input.source.trim() === '') throw new AppError('invalid_input', 'source: 应注明数据来源', 'source');
  // Locked: two corrections at once both land in the audit log with the right "before".
  const e = await tx.selectFrom('enterprises').select(['area_code', 'directly_managed', 'insured']).where('uscc', '=', uscc).forUpdate().executeTakeFirst();
  if (!e || !managesEnterprise(a, e)) throw notFound('企业', uscc);
  await tx.updateTable('enterprises').set({ insured: input.insured, updated_by: actorLabel(a), updated_at: new Date() }).where('uscc', '=', uscc).execute();
  await appendAudit(tx, {
    actor: actorLabel(a), action: 'enterprise.insured', entity: 'enterprise', entityId: uscc,
    data: { insured: input.insured, source: input.source, before: e.insured },
  });
}
