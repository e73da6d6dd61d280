// R3 (§4.0): in principle at most N training subsidies per person per calendar year, counted by
// completion year, whoever applied; the living allowance and the appraisal subsidy do not count.
// The exception the city bureau may grant ("原则上") is a review act in the system of record.
import { yearOf } from '../dates.ts';
import type { ClaimContext } from '../engine/claim-context.ts';

export function checkAnnualCap(c: ClaimContext): void {
  const max = c.param('annualCap.maxTrainingSubsidies');
  const year = yearOf(c.claim.endDate);
  const already = c.batch.ledger.trainingSubsidiesInYear(c.claim.personId, year);
  if (already >= max) {
    c.fail('R3', '§4.0', `该人员${year}年（按结业日期）已有${already}次培训补贴，每人每年原则上不超过${max}次（R3）`);
  } else {
    c.pass('R3', '§4.0', `该人员${year}年此前有${already}次培训补贴，本次为第${already + 1}次，未超过每年${max}次（R3）`);
  }
}
