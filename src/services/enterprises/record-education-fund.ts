// R8 (§5.2): whether the enterprise fully drew and used its employee-education fund in a year. One
// record per year; a correction replaces it and the audit log keeps what it was. Recording re-decides
// the claims it changes (R8 reads the completion year), or raises a case where their decision stands;
// `dryRun` lists what would change and saves nothing.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { notFound } from '../record-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { peopleOfEnterprise, redecideClaims, type FactImpact } from '../claims/redecide-claims.ts';
import { managesEnterprise } from './enterprise-scope.ts';

export interface RecordEducationFundInput {
  year: number;
  fullyUsed: boolean;
  source: string;
  dryRun?: boolean;
}

export async function recordEducationFund(tx: Tx, actor: Actor | null, uscc: string, input: RecordEducationFundInput): Promise<FactImpact> {
  const a = requireRole(actor, 'city', 'county');
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
    throw new AppError('invalid_input', 'year: 年份不正确', 'year');
  if (input.source.trim() === '') throw new AppError('invalid_input', 'source: 应注明数据来源', 'source');
  const e = await tx.selectFrom('enterprises').select(['area_code', 'directly_managed']).where('uscc', '=', uscc).executeTakeFirst();
  if (!e || !managesEnterprise(a, e)) throw notFound('企业', uscc);
  const impact = await redecideClaims(
    tx,
    actorLabel(a),
    await peopleOfEnterprise(tx, uscc),
    { educationFund: [{ uscc, year: input.year, fully_used: input.fullyUsed }] },
    {
      subjectKind: 'enterprise',
      subjectId: uscc,
      fact: 'educationFundFullyUsed',
      record: { year: input.year, fullyUsed: input.fullyUsed, source: input.source },
    },
    input.dryRun !== true,
  );
  if (input.dryRun === true) return impact;
  const before = await tx
    .selectFrom('enterprise_education_fund')
    .selectAll()
    .where('uscc', '=', uscc)
    .where('year', '=', input.year)
    .executeTakeFirst();
  await tx
    .insertInto('enterprise_education_fund')
    .values({ uscc, year: input.year, fully_used: input.fullyUsed, source: input.source, recorded_by: actorLabel(a) })
    .onConflict((oc) =>
      oc
        .columns(['uscc', 'year'])
        .doUpdateSet({ fully_used: input.fullyUsed, source: input.source, recorded_by: actorLabel(a), recorded_at: new Date() }),
    )
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'enterprise.education_fund',
    entity: 'enterprise',
    entityId: uscc,
    data: {
      year: input.year,
      fullyUsed: input.fullyUsed,
      source: input.source,
      before: before ? before.fully_used : null,
      redecided: impact.redecided.map((r) => r.claimId),
      cases: impact.cases.map((c) => c.caseId),
    },
  });
  return impact;
}
