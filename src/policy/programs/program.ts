// What every program module declares: its clause, which cross-program rules apply to it, its own
// conditions in the plan's order, and who is paid. The pipeline (engine/decide-claim.ts) applies
// R5, then R11/R12, then the program's conditions, then R4, R3 and R8, as SPEC "Decisions by program".
import type { Clause } from '../clauses.ts';
import type { ProgramCode } from '../codes.ts';
import type { ClaimContext, Payee } from '../engine/claim-context.ts';

export interface Program {
  code: ProgramCode;
  clause: Clause;
  /** R11: trains an enterprise's employees, so the claim must name the employer. */
  trainsEmployees: boolean;
  /** R12: claimed by the trainee or the institution, never by an enterprise. */
  traineeSide: boolean;
  /** R3: counts toward (and is held to) the annual cap of training subsidies. */
  countsInAnnualCap: boolean;
  /** R4: held to "same occupation, same level, once" under its key (rules/no-repeat.ts). */
  noRepeat: boolean;
  /** The program's own conditions; returns the standard amount in fen when every one is known and met. */
  conditions(c: ClaimContext): number | undefined;
  payee(c: ClaimContext): Payee;
}
