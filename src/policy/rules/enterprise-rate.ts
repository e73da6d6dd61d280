// R8 (§5.2): an enterprise that did not fully draw and use its employee-education fund is paid 80%
// of the standard, read for the year the training completed.
import { yearOf } from '../dates.ts';
import type { ClaimContext } from '../engine/claim-context.ts';
import { formatYuan, percentOfFen } from '../money.ts';

/** The amount an enterprise payee receives, or undefined while the fund's use that year is unknown. */
export function applyEnterpriseRate(c: ClaimContext, amountFen: number | undefined): number | undefined {
  const year = yearOf(c.claim.endDate);
  const byYear = c.enterpriseFact('educationFundFullyUsed');
  const used = c.otherFact(c.enterprisePath(`educationFundFullyUsed.${year}`), byYear?.[year] ?? undefined);
  if (used === undefined) {
    c.unknownFact('R8', '§5.2', `不知道企业${year}年是否足额提取使用职工教育经费（R8）`, [
      c.enterprisePath(`educationFundFullyUsed.${year}`),
    ]);
    return undefined;
  }
  if (used) {
    c.pass('R8', '§5.2', `企业${year}年已足额提取使用职工教育经费，按标准全额补贴（R8）`);
    return amountFen;
  }
  const percent = c.param('enterprise.reducedRatePercent');
  if (amountFen === undefined) {
    c.info('R8', '§5.2', `企业${year}年未足额提取使用职工教育经费，按标准的${percent}%补贴（R8）`);
    return undefined;
  }
  const reduced = percentOfFen(amountFen, percent);
  c.info(
    'R8',
    '§5.2',
    `企业${year}年未足额提取使用职工教育经费，按标准的${percent}%补贴：${formatYuan(amountFen)} × ${percent}% = ${formatYuan(reduced)}（R8）`,
  );
  return reduced;
}
