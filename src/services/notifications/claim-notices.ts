// What a trainee is told by text (docs/notifications.md): a claim in their name submitted, approved,
// paid, refused, or sent back by the bank, and a class they are on opened. Every text ends with the
// "不是我本人？" link to their dispute page: a trainee who never trained learns that someone claimed
// in their name (§5.2 real-name management; the dispute holds the claim out of payment).
import { PROGRAM_NAMES, type ProgramCode } from '../../policy/codes.ts';
import { formatChineseDate } from '../../policy/dates.ts';
import { formatYuan } from '../../policy/money.ts';
import { settings } from '../../settings.ts';
import type { Tx } from '../../store/transaction.ts';
import { enqueueNotification } from './outbox.ts';

const SIGNATURE = '【攀枝花技能提升】';

/**
 * Where "不是我本人" is said, absolute when the public address is configured: for a claim, the trainee's
 * claims page with the dispute form of that claim open; otherwise their dispute page.
 */
export function disputeLink(claimNumber?: string): string {
  const base = settings().publicUrl ?? '';
  return claimNumber ? `${base}/my-claims?dispute=${encodeURIComponent(claimNumber)}` : `${base}/my-disputes`;
}

const notMe = (claimNumber?: string) => `不是我本人？请登录 ${disputeLink(claimNumber)} 提出异议。`;

export type ClaimEvent = 'submitted' | 'approved' | 'paid' | 'rejected' | 'bank_failed';

interface ClaimFacts {
  id: string;
  number: string;
  program: string;
  resident_id: string;
}

export function claimText(claim: ClaimFacts, event: ClaimEvent, extra: { amountFen?: number; reason?: string } = {}): string {
  const what = `补贴申领 ${claim.number}（${PROGRAM_NAMES[claim.program as ProgramCode] ?? claim.program}）`;
  const money = extra.amountFen != null ? `，金额 ${formatYuan(extra.amountFen)}` : '';
  switch (event) {
    case 'submitted':
      return `${SIGNATURE}以您的名义提交的${what}已受理。${notMe(claim.number)}`;
    case 'approved':
      return `${SIGNATURE}以您的名义提交的${what}已批准${money}，将发放至登记的收款账户。${notMe(claim.number)}`;
    case 'paid':
      return `${SIGNATURE}以您的名义提交的${what}已发放${money}。${notMe(claim.number)}`;
    case 'rejected':
      return `${SIGNATURE}以您的名义提交的${what}未予批准，理由可登录查看。${notMe(claim.number)}`;
    case 'bank_failed':
      return `${SIGNATURE}以您的名义提交的${what}银行发放未成功${extra.reason ? `（${extra.reason}）` : ''}，请核对登记的收款账户。${notMe(claim.number)}`;
  }
}

/** Queues the text of a claim's event for the trainee it names, in the act's transaction. */
export async function notifyClaim(tx: Tx, claim: ClaimFacts, event: ClaimEvent, extra: { amountFen?: number; reason?: string } = {}) {
  await enqueueNotification(tx, {
    topic: `claim.${event}`,
    residentId: claim.resident_id,
    ref: claim.id,
    body: claimText(claim, event, extra),
  });
}

/** A class opened: each trainee on its roster is told (the class they never joined is a claim in the making). */
export async function notifyClassOpened(
  tx: Tx,
  klass: { id: string; number: string; program: string; start_date: string },
  residentIds: string[],
) {
  const name = `${klass.number}（${PROGRAM_NAMES[klass.program as ProgramCode] ?? klass.program}）`;
  for (const residentId of residentIds)
    await enqueueNotification(tx, {
      topic: 'class.opened',
      residentId,
      ref: klass.id,
      body: `${SIGNATURE}您在册的培训班 ${name} 已于 ${formatChineseDate(klass.start_date)}开班。${notMe()}`,
    });
}
