// Catalog editions are checked by the same rules as an evaluate file's catalog (evaluate-input.ts
// checkCatalog, SPEC §4.0: uplift bounds per industry, no two editions of one section × occupation ×
// level in force on the same day; §4.7 type amounts within bounds). Reused, not re-implemented.
import { z } from 'zod';
import { checkCatalog, type CatalogEntryInput, type EntrepreneurshipTypeInput } from '../../policy/evaluate-input.ts';
import { formatPath } from '../../policy/evaluate-input.ts';
import { PolicySet } from '../../policy/policy-package.ts';
import { shippedPolicies } from '../../policy/shipped.ts';
import { AppError } from '../app-error.ts';
import type { Tx } from '../../store/audit-log.ts';

/** The policy packages on record (the shipped ones when the store has none yet). */
export async function policiesOnRecord(tx: Tx): Promise<PolicySet> {
  const rows = await tx.selectFrom('policy_packages').select('data').orderBy('id').execute();
  return rows.length === 0 ? shippedPolicies() : new PolicySet(rows.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data)));
}

/**
 * Runs checkCatalog over the editions of one key (the candidate last) and throws the first problem,
 * naming the candidate's field. Problems found on older editions are about the candidate too: it is
 * the only thing that changed.
 */
export function assertCatalog(catalog: CatalogEntryInput[], types: EntrepreneurshipTypeInput[], policies: PolicySet): void {
  const schema = z
    .unknown()
    .superRefine((_, ctx) => checkCatalog(catalog, types, policies, ctx, { catalog: ['catalog'], types: ['types'] }));
  const result = schema.safeParse(null);
  if (result.success) return;
  const issue = result.error.issues[0]!;
  // Paths are catalog[i].field: report the field of the submitted entry.
  const field = issue.path.length > 2 ? String(issue.path[2]) : 'effectiveFrom';
  const message = issue.message.replace(/catalog\[\d+\]/, '已有版本');
  throw new AppError('invalid_input', `${field}: ${message}`, field, [{ field, message, path: formatPath(issue.path) }]);
}

export const yuanOf = (fen: number) => fen / 100;
