// R8 (§5.2): whether the enterprise fully drew and used its employee-education fund in a year. One
// record per year; a correction replaces it and the audit log keeps what it was.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { notFound } from '../record-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { managesEnterprise } from './enterprise-scope.ts';

export interface RecordEducationFundInput {
  year: number;
  fullyUsed: boolean;
  source: string;
}

export async function recordEducationFund(tx: Tx, actor: Actor | null, uscc: string, input: RecordEducationFundInput): Promise<void> {
  const a = requireRole(actor, 'city', 'county');
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw new AppError('invalid_input', 'year: 年份不正确', 'year');
  if (input.source.trim() === '') throw new AppError('invalid_input', 'source: 应注明数据来源', 'source');
  const e = await tx.selectFrom('enterprises').select(['area_code', 'directly_managed']).where('uscc', '=', uscc).executeTakeFirst();
  if (!e || !managesEnterprise(a, e)) throw notFound('企业', uscc);
  const before = await tx.selectFrom('enterprise_education_fund').selectAll().where('uscc', '=', uscc).where('year', '=', input.year).executeTakeFirst();
  await tx.insertInto('enterprise_education_fund')
    .values({ uscc, year: input.year, fully_used: input.fullyUsed, source: input.source, recorded_by: actorLabel(a) })
    .onConflict((oc) => oc.columns(['uscc', 'year']).doUpdateSet({ fully_used: input.fullyUsed, source: input.source, recorded_by: actorLabel(a), recorded_at: new Date() }))
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a), action: 'enterprise.education_fund', entity: 'enterprise', entityId: uscc,
    data: { year: input.year, fullyUsed: input.fullyUsed, source: input.source, before: before ? before.fully_used : null },
  });
}
