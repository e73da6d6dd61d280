// The policy engine's public face: pure, no I/O. `evaluateFile` decides a whole evaluate file
// (docs/evaluate.md) under the shipped policy packages, or the ones given.
import { shippedPolicies, shippedReferenceData } from './shipped.ts';
import { parseEvaluateInput } from './evaluate-input.ts';
import { evaluateClaims, type EvaluateOptions } from './engine/evaluate-batch.ts';
import type { Decision } from './engine/decision.ts';
import { PolicySet } from './policy-package.ts';

export { InputError, parseEvaluateInput, type EvaluateInput, type InputIssue } from './evaluate-input.ts';
export { PolicySet, PolicyConfigError, type PolicyPackage } from './policy-package.ts';
export { evaluateClaims } from './engine/evaluate-batch.ts';
export type { Decision, Step, Trace } from './engine/decision.ts';
export { shippedPolicies, shippedReferenceData, SHIPPED_PACKAGES } from './shipped.ts';

export interface EvaluateFileOptions extends EvaluateOptions {
  /** Policy packages to decide under instead of the shipped ones (raw package data or a checked set). */
  policies?: PolicySet | unknown[];
}

/** Validates the whole file, then decides every claim without a status, in file order. */
export function evaluateFile(raw: unknown, options: EvaluateFileOptions = {}): Decision[] {
  const policies =
    options.policies === undefined
      ? shippedPolicies()
      : options.policies instanceof PolicySet
        ? options.policies
        : new PolicySet(options.policies);
  const input = parseEvaluateInput(raw, policies);
  return [...evaluateClaims(input, policies, shippedReferenceData(), options)];
}
