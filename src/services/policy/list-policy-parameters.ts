// The policy parameters in force (the governing package: the shipped plan, or the city's latest local
// package on top of it), each with its clause and dated values, and the changes the city recorded.
import { CLAUSE_HEADINGS, type Clause } from '../../policy/clauses.ts';
import { PolicySet } from '../../policy/policy-package.ts';
import type { Tx } from '../../store/audit-log.ts';
import { requireRole, type Actor } from '../access.ts';
import { packagesOnRecord, PARAMETER_NAMES, topPackage } from './parameter-change.ts';

export interface ParameterValueView {
  from: string;
  to: string | null;
  value: unknown;
  changeId: string | null;
}
export interface PolicyChangeView {
  id: string;
  packageId: string;
  basePackageId: string;
  parameter: string;
  value: unknown;
  validFrom: string;
  validTo: string | null;
  reason: string;
  createdBy: string;
  createdAt: string;
}
export interface ParameterView {
  name: string;
  clause: string;
  clauseHeading: string;
  description: string;
  values: ParameterValueView[];
  changes: PolicyChangeView[];
}
export interface PackageSummary {
  id: string;
  title: string;
  precedence: number;
  local: boolean;
  programs: string[];
  inForce: { from: string; to: string };
}
/** A page-shaped answer (items = the 30 parameters, all on one page), so list screens and the export read it like any list. */
export interface PolicyParametersView {
  governing: PackageSummary;
  packages: PackageSummary[];
  items: ParameterView[];
  total: number;
  page: number;
  pageSize: number;
}

export function changeView(r: {
  id: string;
  package_id: string;
  base_package_id: string;
  parameter: string;
  value: unknown;
  valid_from: string;
  valid_to: string | null;
  reason: string;
  created_by: string;
  created_at: Date;
}): PolicyChangeView {
  return {
    id: r.id,
    packageId: r.package_id,
    basePackageId: r.base_package_id,
    parameter: r.parameter,
    value: typeof r.value === 'string' ? JSON.parse(r.value) : r.value,
    validFrom: String(r.valid_from).slice(0, 10),
    validTo: r.valid_to == null ? null : String(r.valid_to).slice(0, 10),
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function listPolicyParameters(tx: Tx, actor: Actor | null): Promise<PolicyParametersView> {
  requireRole(actor, 'city');
  const policies = new PolicySet(await packagesOnRecord(tx));
  const local = new Set((await tx.selectFrom('policy_changes').select('package_id').execute()).map((r) => r.package_id));
  const changes = (await tx.selectFrom('policy_changes').selectAll().orderBy('created_at').orderBy('id').execute()).map(changeView);
  const summary = (p: PolicySet['packages'][number]): PackageSummary => ({
    id: p.id,
    title: p.data.title,
    precedence: p.data.precedence,
    local: local.has(p.id),
    programs: p.data.programs,
    inForce: { from: p.data.inForce.default.from, to: p.data.inForce.default.to },
  });
  const top = topPackage(policies);
  const parameters = PARAMETER_NAMES.map((name) => {
    const p = top.parameters[name]!;
    const mine = changes.filter((c) => c.parameter === name);
    return {
      name,
      clause: p.clause,
      clauseHeading: CLAUSE_HEADINGS[p.clause as Clause],
      description: p.description,
      values: [...p.values]
        .sort((a, b) => (a.from < b.from ? -1 : 1))
        .map((v) => ({
          from: v.from,
          to: v.to ?? null,
          value: v.value,
          // The latest recorded change that starts this value (a later change may have cut it since).
          changeId: mine.filter((c) => c.validFrom === v.from && JSON.stringify(c.value) === JSON.stringify(v.value)).at(-1)?.id ?? null,
        })),
      changes: mine,
    };
  });
  return {
    governing: summary(policies.packages[0]!),
    packages: policies.packages.map(summary),
    items: parameters,
    total: parameters.length,
    page: 1,
    pageSize: parameters.length,
  };
}
