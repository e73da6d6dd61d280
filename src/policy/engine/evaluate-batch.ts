// A batch of claims, decided in order. History claims (with a status) are on record before anything
// is decided; each claim decided eligible counts for the claims after it; a living allowance follows
// the decision of the training it names, so it is decided once that training is (SPEC §4.6 row).
// Decisions come out in file order, as a stream, so a batch of a million claims never sits in memory.
import type { ClaimInput, EnterpriseInput, EvaluateInput, EntrepreneurshipTypeInput, CatalogEntryInput } from '../evaluate-input.ts';
import type { PolicySet } from '../policy-package.ts';
import { PROGRAM_RULES } from '../programs/index.ts';
import { CatalogIndex } from './catalog-index.ts';
import { Located, type BatchView, type DecidedTraining } from './claim-context.ts';
import { decideClaim } from './decide-claim.ts';
import type { Decision } from './decision.ts';
import { Ledger } from './ledger.ts';

export interface ReferenceData {
  catalog: readonly CatalogEntryInput[];
  entrepreneurshipTypes: readonly EntrepreneurshipTypeInput[];
}

export interface EvaluateOptions {
  explain?: boolean;
}

const countsInAnnualCap = (c: ClaimInput) => PROGRAM_RULES[c.program].countsInAnnualCap;

export function* evaluateClaims(
  input: EvaluateInput,
  policies: PolicySet,
  shipped: ReferenceData,
  options: EvaluateOptions = {},
): Generator<Decision> {
  const { claims } = input;
  const people = new Map<string, number>();
  for (let i = 0; i < input.people.length; i++) people.set(input.people[i]!.id, i);
  const enterprises = new Map<string, Located<EnterpriseInput>>(
    input.enterprises.map((e, i) => [e.uscc, new Located(e, 'enterprises', i)]),
  );
  const catalog = input.catalog != null ? new CatalogIndex(input.catalog, 'catalog') : new CatalogIndex(shipped.catalog, 'sampleCatalog');
  const types = input.entrepreneurshipTypes ?? shipped.entrepreneurshipTypes;
  // By position, not a record per claim: a million-claim batch must not allocate one here.
  const built = input.claimIndexByRef === undefined ? new Map<string, number>() : undefined;
  const indexByRef: ReadonlyMap<string, number> = input.claimIndexByRef ?? built!;
  const allowancesOf = new Map<string, number[]>();
  for (let i = 0; i < claims.length; i++) {
    const claim = claims[i]!;
    built?.set(claim.ref, i);
    if (claim.program === 'living_allowance' && claim.status == null && claim.trainingRef != null) {
      const waiting = allowancesOf.get(claim.trainingRef);
      if (waiting) waiting.push(i);
      else allowancesOf.set(claim.trainingRef, [i]);
    }
  }
  const claimByRef = {
    get(ref: string): Located<ClaimInput> | undefined {
      const i = indexByRef.get(ref);
      return i === undefined ? undefined : new Located(claims[i]!, 'claims', i);
    },
  };

  const ledger = new Ledger();
  ledger.recordHistory(claims, countsInAnnualCap);
  const trainingOutcomes = new Map<string, DecidedTraining>();
  const batch: BatchView = {
    ledger,
    catalog,
    entrepreneurshipTypes: new Map(types.map((t) => [t.code, t])),
    claimByRef,
    trainingOutcomes,
    explain: options.explain === true,
  };

  const ready = new Map<number, Decision>();
  const decide = (index: number): void => {
    const claim = claims[index]!;
    const p = people.get(claim.personId)!;
    const person = new Located(input.people[p]!, 'people', p);
    const enterprise = claim.enterpriseUscc == null ? undefined : enterprises.get(claim.enterpriseUscc);
    const training =
      claim.program === 'living_allowance' && claim.trainingRef != null ? claims[indexByRef.get(claim.trainingRef)!] : undefined;
    const { decision, steps, granted } = decideClaim(
      claim,
      index,
      person,
      enterprise,
      training?.startDate ?? claim.startDate,
      policies,
      batch,
    );
    if (decision.outcome === 'eligible') ledger.record(claim, `claims[${index}]`, countsInAnnualCap(claim), granted ?? {});
    if (claim.program === 'appraisal' && decision.outcome !== 'not_applicable') ledger.recordAppraisalAttempt(claim, `claims[${index}]`);
    if (claim.program === 'employment_skill' && allowancesOf.has(claim.ref)) {
      trainingOutcomes.set(claim.ref, { outcome: decision.outcome, steps });
    }
    ready.set(index, decision);
  };

  // Allowances naming a training not yet decided wait for it; between themselves they keep file order.
  const decidedTrainings = new Set<string>();
  for (const claim of claims) if (claim.program === 'employment_skill' && claim.status != null) decidedTrainings.add(claim.ref);
  let next = 0;
  for (let i = 0; i < claims.length; i++) {
    const claim = claims[i]!;
    if (claim.status == null) {
      if (claim.program !== 'living_allowance') {
        decide(i);
        if (trainingOutcomes.has(claim.ref)) {
          decidedTrainings.add(claim.ref);
          for (const waiting of allowancesOf.get(claim.ref)!) if (waiting < i) decide(waiting);
        }
      } else if (claim.trainingRef == null || decidedTrainings.has(claim.trainingRef)) {
        decide(i);
      }
    }
    while (next < claims.length && (claims[next]!.status != null || ready.has(next))) {
      const decision = ready.get(next);
      if (decision) {
        ready.delete(next);
        yield decision;
      }
      next++;
    }
  }
}
