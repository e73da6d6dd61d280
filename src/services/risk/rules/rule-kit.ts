// What a risk rule is: one set-based query over the records (never a loop of queries per row) that
// returns findings, each with a plain Chinese explanation, its evidence rows and the subjects it
// names (classes, with the trainee when it is about one; claims; providers). The scan stores them.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../../store/audit-log.ts';
import { DEAD_CLAIM_STATUSES, LIVE_CLASS_STATUSES, type RiskParameters } from '../risk-parameters.ts';

export interface FindingSubjects {
  /** A class, and the trainee the finding is about (null: the class as a whole). */
  classes?: { id: string; residentId?: string | null }[];
  claims?: string[];
  providers?: string[];
}

export interface RawFinding {
  explanation: string;
  evidence: Record<string, unknown>;
  subjects: FindingSubjects;
}

export interface RuleResult {
  findings: RawFinding[];
  /** Records the rule could not judge because a fact is unknown (never read as false): how many, and what. */
  unknown?: { count: number; note: string };
}

export interface RiskRule {
  code: string;
  /** Short Chinese name of the rule. */
  title: string;
  /** The clause it rests on, as cited in traces (SPEC clause IDs). */
  clause: string;
  run(tx: Tx, p: RiskParameters): Promise<RuleResult>;
}

const list = (values: readonly string[]): RawBuilder<unknown> => sql.join(values.map((v) => sql.lit(v)));

/** `alias.status` is a class status that ran (approved onward), as SQL. */
export const liveClass = (alias: string) => sql`${sql.ref(`${alias}.status`)} in (${list(LIVE_CLASS_STATUSES)})`;
/** `alias.status` is a claim status that still counts, as SQL. */
export const liveClaim = (alias: string) => sql`${sql.ref(`${alias}.status`)} not in (${list(DEAD_CLAIM_STATUSES)})`;
export const sqlList = list;

/** HH:MM of a `time` value from the store ('09:00:00' → '09:00'). */
export const hhmm = (t: string): string => t.slice(0, 5);
