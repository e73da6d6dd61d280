// R4 (§4.0): the same person is subsidised once for the same occupation at the same level, ever,
// across years and programs. §4.7 keys on the entrepreneurship type, §4.10 on the operation category;
// §4.9 on occupation + level when the project names both, on nothing when it names neither.
// (§4.4 and §4.8 have their own limits in their programs; §4.3 only R3.)
import type { ClaimInput } from '../evaluate-input.ts';
import { LEVEL_NAMES } from '../codes.ts';
import type { ClaimContext } from '../engine/claim-context.ts';

export type NoRepeatKey =
  | { kind: 'none' }
  | { kind: 'key'; namespace: string; key: string; occupationCode?: string; level?: string; value?: string }
  | { kind: 'unknown'; namespace: string; occupationCode?: string; level?: string; missing: string[] };

const OCCUPATION_KEYED = new Set(['apprenticeship', 'skill_upgrade', 'transfer', 'employment_skill']);

function occupationKey(claim: ClaimInput, path: string): NoRepeatKey {
  const code = claim.occupationCode ?? undefined;
  const level = claim.level == null ? undefined : String(claim.level);
  if (code !== undefined && level !== undefined) {
    return { kind: 'key', namespace: 'occupation', key: `occupation|${code}|${level}`, occupationCode: code, level };
  }
  const missing: string[] = [];
  if (code === undefined) missing.push(`${path}.occupationCode`);
  if (level === undefined) missing.push(`${path}.level`);
  return { kind: 'unknown', namespace: 'occupation', occupationCode: code, level, missing };
}

/** The key R4 checks a claim under, from the claim's own fields. */
export function noRepeatKeyOf(claim: ClaimInput, path: string): NoRepeatKey {
  if (OCCUPATION_KEYED.has(claim.program)) return occupationKey(claim, path);
  switch (claim.program) {
    case 'project_based':
      return claim.occupationCode == null && claim.level == null ? { kind: 'none' } : occupationKey(claim, path);
    case 'entrepreneurship':
      return claim.entrepreneurshipType == null
        ? { kind: 'unknown', namespace: 'entrepreneurship', missing: [`${path}.entrepreneurshipType`] }
        : {
            kind: 'key',
            namespace: 'entrepreneurship',
            key: `entrepreneurship|${claim.entrepreneurshipType}`,
            value: claim.entrepreneurshipType,
          };
    case 'safety':
      return claim.occupationCode == null
        ? { kind: 'unknown', namespace: 'safety', missing: [`${path}.occupationCode`] }
        : { kind: 'key', namespace: 'safety', key: `safety|${claim.occupationCode}`, value: claim.occupationCode };
    default:
      return { kind: 'none' };
  }
}

/** How a reason names the key: 工种 6-31-01-03（四级/中级工）, 创业培训类别 SYB, 安全作业类别 SO-02. */
function keyLabel(key: Extract<NoRepeatKey, { kind: 'key' }>): string {
  if (key.namespace === 'entrepreneurship') return `创业培训类别 ${key.value}`;
  if (key.namespace === 'safety') return `安全作业类别 ${key.value}`;
  return `工种 ${key.occupationCode}（${LEVEL_NAMES[key.level!]}）`;
}

/** R4 check for the claim being decided. */
export function checkNoRepeat(c: ClaimContext): void {
  const key = noRepeatKeyOf(c.claim, c.path);
  if (key.kind === 'none') return;
  if (key.kind === 'unknown') {
    c.unknownFact('R4', '§4.0', '不能判断是否同一职业同一等级重复享受：缺少工种或等级（R4）', key.missing);
    return;
  }
  const { holder, missing } = c.batch.ledger.keyHolder(c.claim.personId, key);
  if (holder) {
    c.fail('R4', '§4.0', `该人员已就${keyLabel(key)}享受过培训补贴（${holder}），同一职业同一等级不可重复享受（R4）`);
  } else if (missing) {
    c.unknownFact('R4', '§4.0', `该人员有工种或等级不明的在案申领，不能排除重复享受${keyLabel(key)}的补贴（R4）`, missing);
  } else {
    c.pass('R4', '§4.0', `该人员此前未就${keyLabel(key)}享受过培训补贴（R4）`);
  }
}
