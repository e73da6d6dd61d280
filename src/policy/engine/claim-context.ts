// What the rules of one claim see: its facts, the governing policy package, and the batch so far.
// Facts are read through here so a missing one is reported by its input path, never guessed.
import type { Clause } from '../clauses.ts';
import type { ProgramCode } from '../codes.ts';
import type { IsoDate } from '../dates.ts';
import type { ClaimInput, EnterpriseInput, Period, PersonInput } from '../evaluate-input.ts';
import type { LoadedPackage, ParameterName, ParameterRead, ParameterValueOf } from '../policy-package.ts';
import type { CatalogIndex } from './catalog-index.ts';
import type { Decision, FactRead, Payee, Step, StepResult } from './decision.ts';
import { difficultyPeriods, flagOn, groupsOn, isTimeline, periodCovering } from './facts-in-time.ts';
import type { Ledger } from './ledger.ts';

/** A record of the input with where it stands (`people[4]`); the path is built only when a reason needs it. */
export class Located<T> {
  constructor(
    readonly value: T,
    private readonly collection: string,
    readonly index: number,
  ) {}

  get path(): string {
    return `${this.collection}[${this.index}]`;
  }
}

/** The batch a claim is decided in: the other records it may consult. */
export interface BatchView {
  ledger: Ledger;
  catalog: CatalogIndex;
  entrepreneurshipTypes: Map<string, { amountYuan: number; name?: string | null }>;
  claimByRef: { get(ref: string): Located<ClaimInput> | undefined };
  /** Decided §4.6 trainings that a living allowance names, with the steps the allowance follows. */
  trainingOutcomes: Map<string, DecidedTraining>;
  explain: boolean;
}

export interface DecidedTraining {
  outcome: Decision['outcome'];
  steps: Step[];
}

export class ClaimContext {
  readonly steps: Step[] = [];
  /** What an eligible claim was granted, for the limits of later claims (§4.8 months, §4.9 fen). */
  granted: { months?: number; fen?: number } | undefined;
  failed = false;
  unknown = false;
  private facts: FactRead[] | undefined;
  private params: ParameterRead[] | undefined;

  constructor(
    readonly claim: ClaimInput,
    readonly index: number,
    readonly person: Located<PersonInput>,
    readonly enterprise: Located<EnterpriseInput> | undefined,
    readonly pkg: LoadedPackage,
    /** The date parameters and the catalog are read at: the training's start (§4.8: first insured month). */
    readonly date: IsoDate,
    readonly batch: BatchView,
    /**
     * The date facts about the person and the enterprise are read on (SPEC Facts in time): the claim's
     * own start (§4.8: the first day of the first insured month; a living allowance: its own start).
     */
    readonly factDate: IsoDate = date,
  ) {
    if (batch.explain) {
      this.facts = [];
      this.params = [];
    }
  }

  /** `claims[i]`: built only when a reason or a missing fact names it. */
  get path(): string {
    return `claims[${this.index}]`;
  }

  get program(): ProgramCode {
    return this.claim.program;
  }

  /** A value of the governing package on the governing date, recorded for the trace. */
  param<N extends ParameterName>(name: N): ParameterValueOf<N> {
    const read = this.pkg.read(name, this.date);
    this.params?.push(read);
    return read.value;
  }

  // Facts are recorded for the trace only when explaining; their paths are built only then (these run
  // for every fact of every claim: no closure, no string otherwise).
  claimFact<K extends keyof ClaimInput>(field: K): NonNullable<ClaimInput[K]> | undefined {
    const value = this.claim[field];
    if (this.facts) this.facts.push({ path: this.claimPath(field), value });
    return (value ?? undefined) as NonNullable<ClaimInput[K]> | undefined;
  }

  personFact<K extends keyof PersonInput>(field: K): NonNullable<PersonInput[K]> | undefined {
    const value = this.person.value[field];
    if (this.facts) this.facts.push({ path: this.personPath(field), value });
    return (value ?? undefined) as NonNullable<PersonInput[K]> | undefined;
  }

  enterpriseFact<K extends keyof EnterpriseInput>(field: K): NonNullable<EnterpriseInput[K]> | undefined {
    if (!this.enterprise) return undefined;
    const value = this.enterprise.value[field];
    if (this.facts) this.facts.push({ path: this.enterprisePath(field), value });
    return (value ?? undefined) as NonNullable<EnterpriseInput[K]> | undefined;
  }

  /** A person's yes/no fact as of the fact date (a plain value, or read from its timeline); undefined = unknown. */
  personFlag(field: 'rural' | 'pensionEntitled' | 'earlierAppraisal'): boolean | undefined {
    const raw = this.person.value[field];
    const value = flagOn(raw, this.factDate);
    if (this.facts) this.recordDated(this.personPath(field), raw, value);
    return value;
  }

  /** The enterprise's yes/no fact as of the fact date; undefined = unknown (or no enterprise). */
  enterpriseFlag(field: 'insured'): boolean | undefined {
    if (!this.enterprise) return undefined;
    const raw = this.enterprise.value[field];
    const value = flagOn(raw, this.factDate);
    if (this.facts) this.recordDated(this.enterprisePath(field), raw, value);
    return value;
  }

  /** The enterprise's difficulty recognitions and the one covering the fact date (§4.5). */
  difficulty(): { periods: readonly Period[]; covering: Period | undefined } {
    const raw = this.enterprise?.value.difficulty;
    const periods = difficultyPeriods(raw);
    const covering = periodCovering(periods, this.factDate);
    if (this.facts) this.recordDated(this.enterprisePath('difficulty'), raw, isTimeline(raw) ? (covering ?? null) : raw);
    return { periods, covering };
  }

  /** A trace entry: an old-style value as it stands; a timeline's value with the date it was read on. */
  private recordDated(path: string, raw: unknown, value: unknown): void {
    if (isTimeline(raw)) this.facts!.push({ path, value: value ?? null, on: this.factDate });
    else this.facts!.push({ path, value: raw });
  }

  /** Records a fact read from another record (a training the claim names, an earlier claim). */
  otherFact<T>(path: string, value: T): T | undefined {
    if (this.facts) this.facts.push({ path, value });
    return value ?? undefined;
  }

  claimPath(field: keyof ClaimInput): string {
    return `${this.path}.${field}`;
  }

  personPath(field: keyof PersonInput): string {
    return `${this.person.path}.${field}`;
  }

  enterprisePath(field: string): string {
    return `${this.enterprise?.path ?? this.path}.${field}`;
  }

  /** The person's groups: the list is complete, so an unlisted group is not the person's. */
  groups(): readonly string[] {
    const raw = this.person.value.groups;
    const groups = groupsOn(raw, this.factDate);
    if (this.facts)
      this.facts.push(
        groups === raw || raw == null
          ? { path: this.personPath('groups'), value: raw }
          : { path: this.personPath('groups'), value: groups, on: this.factDate },
      );
    return groups;
  }

  private step(rule: string, clause: Clause, result: StepResult, reason: string, missing?: string[]): void {
    const step: Step = { rule, clause, result, reason };
    if (missing) step.missing = missing;
    if (this.facts) {
      step.facts = this.facts;
      step.parameters = this.params;
      this.facts = [];
      this.params = [];
    }
    this.steps.push(step);
  }

  pass(rule: string, clause: Clause, reason: string): true {
    this.step(rule, clause, 'pass', reason);
    return true;
  }

  fail(rule: string, clause: Clause, reason: string): false {
    this.failed = true;
    this.step(rule, clause, 'fail', reason);
    return false;
  }

  unknownFact(rule: string, clause: Clause, reason: string, missing: string[]): undefined {
    this.unknown = true;
    this.step(rule, clause, 'unknown', reason, missing);
    return undefined;
  }

  info(rule: string, clause: Clause, reason: string): void {
    this.step(rule, clause, 'info', reason);
  }

  /** A yes/no fact: true passes, false fails, absent is unknown. */
  check(
    rule: string,
    clause: Clause,
    value: boolean | undefined,
    path: string,
    reasons: { yes: string; no: string; unknown: string },
  ): boolean | undefined {
    if (value === undefined) return this.unknownFact(rule, clause, reasons.unknown, [path]);
    return value ? this.pass(rule, clause, reasons.yes) : this.fail(rule, clause, reasons.no);
  }
}

export type { Payee };
