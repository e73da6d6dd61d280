// A decision and the steps behind it. Every step cites its clause; reasons are the steps in Chinese.
import type { Clause } from '../clauses.ts';
import type { Applicant, Outcome } from '../codes.ts';
import type { IsoDate } from '../dates.ts';
import type { ParameterRead } from '../policy-package.ts';

export type Payee = Applicant;
export type StepResult = 'pass' | 'fail' | 'unknown' | 'info';

/** A fact a step read: its input path and value (undefined = absent, i.e. unknown). */
export interface FactRead {
  path: string;
  value: unknown;
  /** For a fact given as a timeline: the date its value was read on (the claim's start). */
  on?: IsoDate;
}

export interface Step {
  /** The rule checked: 'R5', '§4.3 学时', … */
  rule: string;
  clause: Clause;
  result: StepResult;
  reason: string;
  /** Input paths that were unknown (result 'unknown'). */
  missing?: string[];
  facts?: FactRead[];
  parameters?: ParameterRead[];
}

export interface Trace {
  policyPackage: string | null;
  governingDate: IsoDate;
  steps: Step[];
}

export interface Decision {
  ref: string;
  outcome: Outcome;
  amountFen: number;
  payee: Payee | null;
  citations: Clause[];
  reasons: string[];
  missing: string[];
  trace?: Trace;
}
