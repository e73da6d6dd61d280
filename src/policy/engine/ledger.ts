// What is already on record for each person, project and training: history claims (counted wherever
// they stand in the file, unless rejected or withdrawn) and claims decided eligible earlier in the
// batch. Indexed per person, person + year, person + key and employer, so a batch is linear.
import { yearOf } from '../dates.ts';
import type { ClaimInput } from '../evaluate-input.ts';
import { noRepeatKeyOf, type NoRepeatKey } from '../rules/no-repeat.ts';

/** An earlier claim whose R4 key is only partly known: it may or may not be the same key. */
interface PartialKey {
  namespace: string;
  occupationCode?: string;
  level?: string;
  missing: string[];
}

/** A quantity summed over earlier claims, with the paths of those whose figure is unknown. */
export interface Tally {
  total: number;
  unknown: string[];
}

const NONE: readonly string[] = Object.freeze([]);

// Most people have a few claims: each index is small, and created only when first needed (a
// million-claim batch keeps a record per person alive to the end: no empty maps in them).
class PersonRecord {
  /** R3: training subsidies per completion year. */
  perYear: Map<string, number> | undefined;
  /** R4: keys already subsidised, with the claim that holds each. */
  keys: Map<string, string> | undefined;
  partialKeys: PartialKey[] | undefined;
  /** §4.4 / §4.8: employers with a pre-job or work-for-training claim for this person. */
  preJobEmployers: Map<string, string> | undefined;
  workForTrainingEmployers: Map<string, string> | undefined;
  /** §4.8: months already subsidised, across employers. */
  workForTrainingMonths: Tally | undefined;
  /** R6: earlier appraisal attempts (paths). */
  appraisals: string[] | undefined;
}

const NOT_COUNTED = new Set(['rejected', 'withdrawn']);

export class Ledger {
  private readonly people = new Map<string, PersonRecord>();
  /** §4.6 allowance days already counted per training ref. */
  private readonly allowanceDays = new Map<string, Tally>();
  /** §4.9 money already used per project, in fen. */
  private readonly projectUse = new Map<string, Tally>();

  private person(id: string): PersonRecord {
    let record = this.people.get(id);
    if (!record) {
      record = new PersonRecord();
      this.people.set(id, record);
    }
    return record;
  }

  /** Puts every history claim on record before any decision (SPEC: they count wherever they stand). */
  recordHistory(claims: readonly ClaimInput[], countsInAnnualCap: (c: ClaimInput) => boolean): void {
    claims.forEach((claim, index) => {
      if (claim.status == null) return;
      const path = `claims[${index}]`;
      // R6: a rejected attempt is still an attempt; only a withdrawn one is not.
      if (claim.program === 'appraisal' && claim.status !== 'withdrawn') this.recordAppraisalAttempt(claim, path);
      if (NOT_COUNTED.has(claim.status)) return;
      this.record(claim, path, countsInAnnualCap(claim), undefined);
    });
  }

  recordAppraisalAttempt(claim: ClaimInput, path: string): void {
    (this.person(claim.personId).appraisals ??= []).push(path);
  }

  /**
   * Counts a claim on record, or one just decided eligible (then `paid` holds what it was granted:
   * §4.8 months, §4.9 fen), for the claims decided after it.
   */
  record(claim: ClaimInput, path: string, countsInAnnualCap: boolean, paid: { months?: number; fen?: number } | undefined): void {
    const person = this.person(claim.personId);
    if (countsInAnnualCap) {
      const year = yearOf(claim.endDate);
      const perYear = (person.perYear ??= new Map());
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
    }
    this.recordKey(person, noRepeatKeyOf(claim, path), path);
    const employer = claim.enterpriseUscc;
    switch (claim.program) {
      case 'pre_job':
        person.preJobEmployers ??= new Map();
        if (employer != null && !person.preJobEmployers.has(employer)) person.preJobEmployers.set(employer, path);
        break;
      case 'work_for_training': {
        person.workForTrainingEmployers ??= new Map();
        if (employer != null && !person.workForTrainingEmployers.has(employer)) {
          person.workForTrainingEmployers.set(employer, path);
        }
        const months = paid?.months ?? claim.insuredMonths;
        add((person.workForTrainingMonths ??= { total: 0, unknown: [] }), months, `${path}.insuredMonths`);
        break;
      }
      case 'living_allowance':
        if (claim.trainingRef != null) {
          add(tally(this.allowanceDays, claim.trainingRef), claim.attendedDays, `${path}.attendedDays`);
        }
        break;
      case 'project_based':
        if (claim.projectId != null) {
          const fen = paid?.fen ?? (claim.contractPerTraineeYuan == null ? undefined : Math.round(claim.contractPerTraineeYuan * 100));
          add(tally(this.projectUse, claim.projectId), fen, `${path}.contractPerTraineeYuan`);
        }
        break;
    }
  }

  private recordKey(person: PersonRecord, key: NoRepeatKey, path: string): void {
    if (key.kind === 'key') {
      const keys = (person.keys ??= new Map());
      if (!keys.has(key.key)) keys.set(key.key, path);
    } else if (key.kind === 'unknown') {
      (person.partialKeys ??= []).push({
        namespace: key.namespace,
        occupationCode: key.occupationCode,
        level: key.level,
        missing: key.missing,
      });
    }
  }

  trainingSubsidiesInYear(personId: string, year: string): number {
    return this.people.get(personId)?.perYear?.get(year) ?? 0;
  }

  /** R4: the claim already holding this key; or the paths that leave it unknown; or nothing. */
  keyHolder(personId: string, key: Extract<NoRepeatKey, { kind: 'key' }>): { holder?: string; missing?: string[] } {
    const person = this.people.get(personId);
    if (!person) return {};
    const holder = person.keys?.get(key.key);
    if (holder) return { holder };
    if (!person.partialKeys) return {};
    const missing: string[] = [];
    for (const partial of person.partialKeys) {
      if (partial.namespace !== key.namespace) continue;
      const sameCode = partial.occupationCode === undefined || partial.occupationCode === key.occupationCode;
      const sameLevel = partial.level === undefined || partial.level === key.level;
      if (sameCode && sameLevel) missing.push(...partial.missing);
    }
    return missing.length > 0 ? { missing } : {};
  }

  preJobAt(personId: string, employer: string): string | undefined {
    return this.people.get(personId)?.preJobEmployers?.get(employer);
  }

  workForTrainingAt(personId: string, employer: string): string | undefined {
    return this.people.get(personId)?.workForTrainingEmployers?.get(employer);
  }

  workForTrainingMonths(personId: string): Tally {
    return this.people.get(personId)?.workForTrainingMonths ?? { total: 0, unknown: [] };
  }

  appraisalAttempts(personId: string): readonly string[] {
    return this.people.get(personId)?.appraisals ?? NONE;
  }

  allowanceDaysOn(trainingRef: string): Tally {
    return this.allowanceDays.get(trainingRef) ?? { total: 0, unknown: [] };
  }

  projectUsedFen(projectId: string): Tally {
    return this.projectUse.get(projectId) ?? { total: 0, unknown: [] };
  }

  static counts(status: string | null | undefined): boolean {
    return status == null || !NOT_COUNTED.has(status);
  }
}

function tally(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) {
    t = { total: 0, unknown: [] };
    map.set(key, t);
  }
  return t;
}

function add(t: Tally, value: number | null | undefined, pathIfUnknown: string): void {
  if (value == null) t.unknown.push(pathIfUnknown);
  else t.total += value;
}
