// §2.2 key employment groups and the §4.6 sub-groups, as the policy package lists them.
import { GROUP_NAMES, type GroupCode } from '../codes.ts';
import type { Clause } from '../clauses.ts';
import type { ClaimContext } from '../engine/claim-context.ts';

export function groupNames(groups: readonly string[]): string {
  return groups.map((g) => GROUP_NAMES[g as GroupCode] ?? g).join('、');
}

export function memberOf(c: ClaimContext, listed: readonly string[]): string[] {
  return c.groups().filter((g) => listed.includes(g));
}

/** The trainee belongs to one of the §2.2 key employment groups. */
export function checkKeyGroup(c: ClaimContext, clause: Clause): boolean {
  const mine = memberOf(c, c.param('groups.key'));
  return mine.length > 0
    ? c.pass('重点群体', clause, `受训人员属于重点就业群体：${groupNames(mine)}（§2.2）`)
    : c.fail('重点群体', clause, '受训人员不属于方案所列重点就业群体（§2.2）');
}
