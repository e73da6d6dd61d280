// Deterministic generator of `upskill evaluate` input files for the benchmark (bench/run.ts).
// The content is valid against shared/contracts/evaluate.md: the engine must decide every claim,
// never reject the file. Same (claimCount, seed) → the same bytes, whichever function is used.
//
//   generateEvaluateFile(n, seed)         the input object (small sizes; tests, inspection)
//   writeEvaluateFile(path, n, seed)      streams the same JSON to disk in chunks (1M claims)

import type { ClaimStatus, ProgramCode } from '../src/policy/codes.ts';
import { createWriteStream } from 'node:fs';
import { residentIdCheckChar, usccCheckChar } from '../src/policy/identifiers.ts';

// ---------------------------------------------------------------------------------------------
// Types of the input format (only what the generator writes).

export type Section = 'upgrade' | 'employment';
export type Level = 1 | 2 | 3 | 4 | 5 | 'special';
export type Industry = 'vanadium_titanium' | 'health_care' | 'modern_service' | 'other';

export interface CatalogEntry {
  section: Section;
  code: string;
  name: string;
  level: Level;
  baseStandardYuan: number;
  industry: Industry;
  upliftRate: number;
  appraisalStandardYuan?: number;
  hours: number;
}

export interface EntrepreneurshipType {
  code: string;
  amountYuan: number;
}

export interface Person {
  id: string;
  name: string;
  groups: string[];
  rural?: boolean;
  pensionEntitled?: boolean;
  earlierAppraisal?: boolean;
}

export interface Enterprise {
  uscc: string;
  name: string;
  insured?: boolean;
  educationFundFullyUsed: { '2020'?: boolean; '2021'?: boolean };
  difficulty?: { from: string; to?: string };
}

export type Program = ProgramCode;

export type Status = ClaimStatus;

export interface Certificate {
  type: string;
  number: string;
  issuedOn?: string;
}

export interface Claim {
  ref: string;
  program: Program;
  applicant: 'individual' | 'enterprise' | 'institution';
  personId: string;
  enterpriseUscc?: string;
  occupationCode?: string;
  level?: Level;
  entrepreneurshipType?: string;
  startDate: string;
  endDate: string;
  attendedHours?: number;
  attendedDays?: number;
  qualified?: boolean;
  certificate?: Certificate;
  newHire?: boolean;
  contractMonths?: number;
  planApproved?: boolean;
  insuredMonths?: number;
  trainingRef?: string;
  contractPerTraineeYuan?: number;
  projectId?: string;
  contractTotalYuan?: number;
  status?: Status;
}

export interface EvaluateInput {
  catalog: CatalogEntry[];
  entrepreneurshipTypes: EntrepreneurshipType[];
  people: Person[];
  enterprises: Enterprise[];
  claims: Claim[];
}

export interface EvaluateFileStats {
  bytes: number;
  people: number;
  enterprises: number;
  claims: number;
  /** Claims with a `status`: on record, counted but not evaluated. */
  historyClaims: number;
  /** Claims without a `status`: the engine prints one decision for each. */
  evaluatedClaims: number;
  byProgram: Record<Program, number>;
}

// ---------------------------------------------------------------------------------------------
// PRNG: mulberry32, 32-bit state, good enough for test data and fully deterministic.

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.next() * total;
    for (const [v, w] of table) {
      r -= w;
      if (r < 0) return v;
    }
    return table[table.length - 1]![0];
  }
}

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01, UTC); formatted strings are cached.

const MS_PER_DAY = 86_400_000;
const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / MS_PER_DAY;
const dateCache = new Map<number, string>();
function fmt(day: number): string {
  let s = dateCache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    dateCache.set(day, s);
  }
  return s;
}
function ymdOf(day: number): [number, number, number] {
  const d = new Date(day * MS_PER_DAY);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}
/** First day of the month `k` months after the month of `day` (k may be 0). */
function firstOfMonthPlus(day: number, k: number): number {
  const [y, m] = ymdOf(day);
  return Date.UTC(y, m - 1 + k, 1) / MS_PER_DAY;
}
/** `day` + `k` months, keeping the day of month, clamped to the month's last day. */
function addMonths(day: number, k: number): number {
  const [y, m, d] = ymdOf(day);
  const last = new Date(Date.UTC(y, m - 1 + k + 1, 0)).getUTCDate();
  return Date.UTC(y, m - 1 + k, Math.min(d, last)) / MS_PER_DAY;
}

const POLICY_FROM = dayOf(2020, 1, 14);
const POLICY_TO = dayOf(2021, 12, 31);

// ---------------------------------------------------------------------------------------------
// Reference data.

const AREA_CODES = ['510402', '510403', '510411', '510421', '510422'] as const;
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN_CHARS =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志宏文斌林琳婷雪梅海波晓东丹俊峰春雷晨阳欣怡子涵浩宇思远德福荣贵';

const GROUP_ODDS: readonly (readonly [string, number])[] = [
  ['poor_family_child', 0.05],
  ['poor_labor', 0.12],
  ['non_continuing_graduate', 0.06],
  ['rural_migrant', 0.15],
  ['laid_off', 0.06],
  ['registered_unemployed', 0.06],
  ['college_graduate', 0.08],
  ['in_school_student', 0.04],
  ['veteran', 0.03],
  ['disabled', 0.02],
  ['employment_difficulty', 0.06],
  ['zero_employment_family', 0.02],
  ['urban_dibao_family', 0.03],
  ['decapacity', 0.03],
];

const OCCUPATIONS: readonly (readonly [string, string, Industry])[] = [
  ['6-31-01-03', '电工', 'vanadium_titanium'],
  ['6-18-02-04', '焊工', 'vanadium_titanium'],
  ['6-18-01-01', '车工', 'vanadium_titanium'],
  ['6-20-01-01', '钳工', 'vanadium_titanium'],
  ['6-09-03-02', '冶炼浇铸工', 'vanadium_titanium'],
  ['4-10-01-06', '家政服务员', 'modern_service'],
  ['4-10-01-05', '养老护理员', 'health_care'],
  ['4-10-01-03', '育婴员', 'health_care'],
  ['4-14-02-02', '健康管理师', 'health_care'],
  ['4-03-02-01', '中式烹调师', 'modern_service'],
  ['4-01-06-01', '电子商务师', 'modern_service'],
  ['4-10-03-01', '美容师', 'modern_service'],
  ['4-12-01-01', '汽车维修工', 'other'],
  ['6-29-01-01', '砌筑工', 'other'],
  ['4-07-05-01', '保安员', 'other'],
];
const UPLIFTS = [0.05, 0.08, 0.1, 0.12, 0.15, 0.2] as const;

const ENTREPRENEURSHIP_TYPES: readonly EntrepreneurshipType[] = [
  { code: 'SYB', amountYuan: 1000 },
  { code: 'GYB', amountYuan: 600 },
  { code: 'IYB', amountYuan: 1200 },
  { code: 'EYB', amountYuan: 1500 },
  { code: 'WLCY', amountYuan: 800 },
  { code: 'CYMN', amountYuan: 200 },
];

/** §4.10 operation categories (the claim's occupationCode for `safety`). */
const SAFETY_OPERATIONS = [
  '电工作业',
  '焊接与热切割作业',
  '高处作业',
  '制冷与空调作业',
  '金属非金属矿山安全作业',
  '危险化学品安全作业',
  '冶金（有色）生产安全作业',
] as const;

const CERT_TYPES = [
  'vocational_qualification',
  'skill_level',
  'special_ability',
  'safety',
  'special_operation',
  'training',
  'entrepreneurship',
] as const;

const PROGRAM_WEIGHTS: readonly (readonly [Program, number])[] = [
  ['apprenticeship', 5],
  ['skill_upgrade', 14],
  ['short_term', 12],
  ['pre_job', 8],
  ['transfer', 5],
  ['employment_skill', 14],
  ['living_allowance', 8],
  ['entrepreneurship', 6],
  ['work_for_training', 7],
  ['project_based', 8],
  ['safety', 7],
  ['appraisal', 6],
];

const STATUS_WEIGHTS: readonly (readonly [Status, number])[] = [
  ['pending', 15],
  ['approved', 35],
  ['paid', 35],
  ['rejected', 10],
  ['withdrawn', 5],
];

/** Share of claims that are history (carry a status). */
const HISTORY_SHARE = 0.2;
/** Probability that a fact a rule needs is left out (→ undecided). */
const P_MISSING = 0.015;

// ---------------------------------------------------------------------------------------------
// The file, built part by part: reference data and people up front, claims one at a time.

interface Project {
  id: string;
  perTrainee: number;
  total: number;
  start: number;
  occupation?: CatalogEntry;
}

interface Training {
  ref: string;
  person: number;
  start: number;
  end: number;
}

interface Parts {
  catalog: CatalogEntry[];
  entrepreneurshipTypes: EntrepreneurshipType[];
  people: Person[];
  enterprises: Enterprise[];
  /** Yields claims c1..cN in file order. */
  claims(): Generator<Claim>;
}

function buildParts(claimCount: number, seed: number): Parts {
  if (!Number.isInteger(claimCount) || claimCount < 1) throw new RangeError(`claimCount must be a positive integer: ${claimCount}`);
  const rng = new Rng(seed);

  // Catalog: ~30 entries, unique (section, code, level), no edition windows.
  const catalog: CatalogEntry[] = [];
  const catalogKeys = new Set<string>();
  while (catalog.length < 30) {
    const [code, name, industry] = rng.pick(OCCUPATIONS);
    const section: Section = rng.chance(0.5) ? 'upgrade' : 'employment';
    const level: Level = rng.weighted<Level>([
      [5, 4],
      [4, 4],
      [3, 3],
      ['special', 1],
    ]);
    const key = `${section}|${code}|${level}`;
    if (catalogKeys.has(key)) continue;
    catalogKeys.add(key);
    const base =
      level === 'special'
        ? rng.int(50, 90) * 10
        : level === 5
          ? rng.int(80, 120) * 10
          : level === 4
            ? rng.int(120, 180) * 10
            : rng.int(160, 240) * 10;
    const entry: CatalogEntry = {
      section,
      code,
      name,
      level,
      baseStandardYuan: base,
      industry,
      upliftRate: industry === 'other' ? 0 : rng.pick(UPLIFTS),
      hours: rng.int(4, 30) * 10,
    };
    if (rng.chance(0.85)) entry.appraisalStandardYuan = rng.int(10, 30) * 10;
    catalog.push(entry);
  }
  const upgradeEntries = catalog.filter((e) => e.section === 'upgrade');
  const employmentEntries = catalog.filter((e) => e.section === 'employment');
  const entrepreneurshipTypes = ENTREPRENEURSHIP_TYPES.map((t) => ({ ...t }));

  // Enterprises: ~1 per 200 claims, at least 20.
  const enterpriseCount = Math.max(20, Math.round(claimCount / 200));
  const enterprises: Enterprise[] = [];
  const usccs = new Set<string>();
  const difficultIdx: number[] = [];
  while (enterprises.length < enterpriseCount) {
    let body = '91510400';
    for (let i = 0; i < 9; i++) body += USCC_CHARSET[rng.int(0, USCC_CHARSET.length - 1)];
    const uscc = body + usccCheckChar(body);
    if (usccs.has(uscc)) continue;
    usccs.add(uscc);
    const e: Enterprise = {
      uscc,
      name: `攀枝花${rng.pick(['钒钛', '康养', '阳光', '金沙', '仁和', '盐边', '米易', '东区', '西区', '攀钢'])}${rng.pick(['实业', '科技', '建设', '物业', '家政', '冶金', '机械', '商贸'])}有限公司${enterprises.length + 1}`,
      educationFundFullyUsed: {},
    };
    if (rng.chance(0.97)) e.insured = rng.chance(0.9);
    if (rng.chance(0.9)) e.educationFundFullyUsed['2020'] = rng.chance(0.6);
    if (rng.chance(0.9)) e.educationFundFullyUsed['2021'] = rng.chance(0.6);
    if (rng.chance(0.1)) {
      const from = rng.int(dayOf(2019, 6, 1), dayOf(2021, 6, 30));
      e.difficulty = { from: fmt(from) };
      if (rng.chance(0.8)) e.difficulty.to = fmt(from + rng.int(180, 900));
      difficultIdx.push(enterprises.length);
    }
    enterprises.push(e);
  }

  // People: ~1 per 3 claims; each has a home employer and a favourite catalog entry (R4 repeats).
  const personCount = Math.max(1, Math.round(claimCount / 3));
  const people: Person[] = [];
  const homeEmployer: number[] = [];
  const favourite: number[] = [];
  const ids = new Set<string>();
  const birthFrom = dayOf(1960, 1, 1);
  const birthTo = dayOf(2003, 12, 31);
  while (people.length < personCount) {
    const [y, m, d] = ymdOf(rng.int(birthFrom, birthTo));
    const seq = rng.int(0, 999);
    const first17 = `${rng.pick(AREA_CODES)}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
    const id = first17 + residentIdCheckChar(first17);
    if (ids.has(id)) continue;
    ids.add(id);
    let name = rng.pick([...SURNAMES]);
    const givenLength = rng.chance(0.6) ? 2 : 1;
    for (let i = 0; i < givenLength; i++) name += GIVEN_CHARS[rng.int(0, GIVEN_CHARS.length - 1)];
    const groups: string[] = [];
    for (const [g, p] of GROUP_ODDS) if (rng.chance(p)) groups.push(g);
    const person: Person = { id, name, groups };
    if (rng.chance(0.97)) person.rural = rng.chance(0.45);
    if (rng.chance(0.98)) person.pensionEntitled = rng.chance(0.02);
    if (rng.chance(0.9)) person.earlierAppraisal = rng.chance(0.1);
    people.push(person);
    homeEmployer.push(rng.int(0, enterpriseCount - 1));
    favourite.push(rng.int(0, catalog.length - 1));
  }

  // §4.9 projects: ~25 claims each; the contract figures are per project, identical on every claim.
  const expectedProjectClaims = (claimCount * 8) / PROGRAM_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const projectCount = Math.max(3, Math.ceil(expectedProjectClaims / 25));
  const projects: Project[] = [];
  for (let i = 0; i < projectCount; i++) {
    const perTrainee = rng.int(16, 60) * 50;
    const start = rng.chance(0.95) ? rng.int(POLICY_FROM, POLICY_TO - 60) : rng.int(dayOf(2019, 9, 1), POLICY_FROM - 1);
    const p: Project = {
      id: `P-${ymdOf(start)[0]}-${String(i + 1).padStart(5, '0')}`,
      perTrainee,
      total: perTrainee * rng.int(15, 35),
      start,
    };
    if (rng.chance(0.7)) p.occupation = rng.pick(catalog);
    projects.push(p);
  }

  function* claims(): Generator<Claim> {
    const crng = new Rng((seed ^ 0x9e3779b9) >>> 0);
    /** Claims decided ahead of their position (employment_skill trainings of forward living allowances). */
    const forced = new Map<number, Claim>();
    /** Recent employment_skill trainings that living allowances can name. */
    const recent: Training[] = [];
    const RECENT_MAX = 4096;
    let recentNext = 0;
    const remember = (t: Training): void => {
      if (recent.length < RECENT_MAX) recent.push(t);
      else recent[recentNext++ % RECENT_MAX] = t;
    };

    const maybe = <T>(value: T): T | undefined => (crng.chance(P_MISSING) ? undefined : value);
    const startDay = (maxLength: number): number => {
      if (crng.chance(0.97)) return crng.int(POLICY_FROM, POLICY_TO - Math.min(maxLength, 300));
      return crng.chance(0.5) ? crng.int(dayOf(2019, 7, 1), POLICY_FROM - 1) : crng.int(dayOf(2022, 1, 1), dayOf(2022, 6, 30));
    };
    let certSeq = 0;
    const certificate = (rightTypes: readonly string[], prefix: string, end: number): Certificate | undefined => {
      if (crng.chance(0.03)) return undefined;
      const type = crng.chance(0.92) ? crng.pick(rightTypes) : crng.pick(CERT_TYPES);
      const c: Certificate = { type, number: `${prefix}${ymdOf(end)[0]}-${(++certSeq).toString(36).toUpperCase()}` };
      if (crng.chance(0.3)) c.issuedOn = fmt(end + crng.int(0, 30));
      return c;
    };
    const qualified = (): boolean | undefined => maybe(crng.chance(0.92));
    const employer = (person: number): string =>
      enterprises[crng.chance(0.85) ? homeEmployer[person]! : crng.int(0, enterpriseCount - 1)]!.uscc;
    const entryFor = (person: number, from: readonly CatalogEntry[]): CatalogEntry => {
      const fav = catalog[favourite[person]!]!;
      if (crng.chance(0.5) && from.includes(fav)) return fav;
      return crng.pick(from);
    };
    /** occupationCode + level for a catalog-keyed program; sometimes an unlisted occupation or a missing key. */
    const occupation = (c: Claim, person: number, from: readonly CatalogEntry[]): void => {
      const e = entryFor(person, from);
      const code = crng.chance(0.02) ? '9-99-99-99' : e.code;
      if (!crng.chance(P_MISSING)) c.occupationCode = code;
      if (!crng.chance(P_MISSING)) c.level = e.level;
    };
    const trainingApplicant = (): Claim['applicant'] =>
      crng.weighted<Claim['applicant']>([
        ['individual', 45],
        ['institution', 50],
        ['enterprise', 5],
      ]);

    const employmentSkill = (ref: string, person: number, start: number): Claim => {
      const end = start + crng.int(10, 90);
      const c: Claim = {
        ref,
        program: 'employment_skill',
        applicant: trainingApplicant(),
        personId: people[person]!.id,
        startDate: fmt(start),
        endDate: fmt(end),
      };
      occupation(c, person, employmentEntries);
      c.qualified = qualified();
      c.certificate = certificate(['training', 'special_ability', 'skill_level', 'vocational_qualification'], 'PX', end);
      return c;
    };

    for (let i = 0; i < claimCount; i++) {
      const ref = `c${i + 1}`;
      let claim = forced.get(i);
      if (claim !== undefined) {
        forced.delete(i);
      } else {
        let program = crng.weighted(PROGRAM_WEIGHTS);
        let person = crng.int(0, personCount - 1);
        const personId = (): string => people[person]!.id;

        if (program === 'living_allowance') {
          // Name an employment_skill training of the same person: an earlier one, or (20%) a later one.
          let training: Training | undefined;
          const forward = i + 1 + crng.int(0, 200);
          if ((recent.length === 0 || crng.chance(0.2)) && forward < claimCount && !forced.has(forward)) {
            const start = startDay(120);
            const t = employmentSkill(`c${forward + 1}`, person, start);
            forced.set(forward, t);
            training = { ref: t.ref, person, start, end: start + daysBetween(t.startDate, t.endDate) };
          } else if (recent.length > 0) {
            training = crng.pick(recent);
            person = training.person;
          }
          if (training === undefined) {
            program = 'employment_skill'; // nothing to name yet (tiny files): a training instead
          } else {
            const length = training.end - training.start + 1;
            const s = training.start + crng.int(0, Math.floor(length / 3));
            const e = s + crng.int(0, training.end - s);
            const c: Claim = {
              ref,
              program,
              applicant: crng.weighted<Claim['applicant']>([
                ['individual', 70],
                ['institution', 27],
                ['enterprise', 3],
              ]),
              personId: personId(),
              startDate: fmt(s),
              endDate: fmt(e),
            };
            c.attendedDays = maybe(crng.int(1, e - s + 1));
            if (!crng.chance(P_MISSING)) c.trainingRef = training.ref;
            claim = c;
          }
        }

        if (claim === undefined) {
          switch (program) {
            case 'apprenticeship': {
              const start = startDay(730);
              const months = crng.weighted([
                [crng.int(6, 11), 1],
                [crng.int(12, 24), 8],
                [crng.int(25, 30), 1],
              ]);
              const end = addMonths(start, months) - 1;
              claim = {
                ref,
                program,
                applicant: 'enterprise',
                personId: personId(),
                enterpriseUscc: employer(person),
                startDate: fmt(start),
                endDate: fmt(end),
              };
              claim.occupationCode = maybe(entryFor(person, catalog).code);
              claim.level = maybe(crng.pick([5, 4, 3] as const));
              claim.newHire = maybe(crng.chance(0.9));
              claim.contractMonths = maybe(crng.pick([6, 12, 24, 36, 60]));
              claim.planApproved = maybe(crng.chance(0.9));
              claim.qualified = qualified();
              claim.certificate = certificate(['skill_level', 'vocational_qualification'], 'S', end);
              break;
            }
            case 'skill_upgrade': {
              const start = startDay(180);
              const end = start + crng.int(30, 180);
              claim = {
                ref,
                program,
                applicant: crng.weighted<Claim['applicant']>([
                  ['enterprise', 50],
                  ['individual', 30],
                  ['institution', 20],
                ]),
                personId: personId(),
                startDate: fmt(start),
                endDate: fmt(end),
              };
              if (crng.chance(0.98)) claim.enterpriseUscc = employer(person);
              occupation(claim, person, upgradeEntries);
              claim.qualified = qualified();
              claim.certificate = certificate(['skill_level', 'vocational_qualification'], 'S', end);
              break;
            }
            case 'short_term': {
              const start = startDay(10);
              const end = start + crng.int(2, 10);
              claim = {
                ref,
                program,
                applicant: 'enterprise',
                personId: personId(),
                enterpriseUscc: employer(person),
                startDate: fmt(start),
                endDate: fmt(end),
              };
              claim.attendedHours = maybe(crng.chance(0.85) ? crng.int(28, 80) : crng.int(8, 27));
              claim.qualified = qualified();
              claim.certificate = certificate(['training'], 'PX', end);
              break;
            }
            case 'pre_job': {
              const start = startDay(20);
              const end = start + crng.int(3, 20);
              claim = {
                ref,
                program,
                applicant: 'enterprise',
                personId: personId(),
                enterpriseUscc: employer(person),
                startDate: fmt(start),
                endDate: fmt(end),
              };
              claim.newHire = maybe(crng.chance(0.9));
              claim.contractMonths = maybe(crng.pick([6, 12, 18, 24, 36]));
              claim.qualified = qualified();
              claim.certificate = certificate(['training'], 'PX', end);
              break;
            }
            case 'transfer': {
              const start = startDay(90);
              const end = start + crng.int(15, 90);
              const uscc = difficultIdx.length > 0 && crng.chance(0.8) ? enterprises[crng.pick(difficultIdx)]!.uscc : employer(person);
              claim = {
                ref,
                program,
                applicant: 'enterprise',
                personId: personId(),
                enterpriseUscc: uscc,
                startDate: fmt(start),
                endDate: fmt(end),
              };
              occupation(claim, person, employmentEntries);
              claim.qualified = qualified();
              claim.certificate = certificate(['training', 'skill_level'], 'ZG', end);
              break;
            }
            case 'employment_skill': {
              const start = startDay(120);
              claim = employmentSkill(ref, person, start);
              break;
            }
            case 'entrepreneurship': {
              const start = startDay(15);
              const end = start + crng.int(5, 15);
              claim = { ref, program, applicant: trainingApplicant(), personId: personId(), startDate: fmt(start), endDate: fmt(end) };
              claim.entrepreneurshipType = maybe(crng.chance(0.02) ? 'XYZ' : crng.pick(ENTREPRENEURSHIP_TYPES).code);
              claim.certificate = certificate(['entrepreneurship'], 'CY', end);
              break;
            }
            case 'work_for_training': {
              const first = crng.chance(0.97)
                ? firstOfMonthPlus(dayOf(2020, 1, 1), crng.int(0, 23))
                : firstOfMonthPlus(dayOf(2019, 7, 1), crng.int(0, 5));
              const months = crng.int(1, 8);
              const end = firstOfMonthPlus(first, months) - 1;
              claim = {
                ref,
                program,
                applicant: 'enterprise',
                personId: personId(),
                enterpriseUscc: employer(person),
                startDate: fmt(first),
                endDate: fmt(end),
              };
              claim.newHire = maybe(crng.chance(0.9));
              claim.insuredMonths = maybe(crng.chance(0.95) ? crng.int(1, months) : months + 1);
              break;
            }
            case 'project_based': {
              const p = crng.pick(projects);
              const start = p.start + crng.int(0, 10);
              const end = start + crng.int(10, 60);
              claim = { ref, program, applicant: 'institution', personId: personId(), startDate: fmt(start), endDate: fmt(end) };
              if (p.occupation !== undefined) {
                claim.occupationCode = p.occupation.code;
                claim.level = p.occupation.level;
              }
              if (!crng.chance(P_MISSING)) {
                claim.contractPerTraineeYuan = p.perTrainee;
                claim.projectId = p.id;
                claim.contractTotalYuan = p.total;
              }
              claim.qualified = qualified();
              claim.certificate = certificate(['training', 'skill_level', 'special_ability'], 'XM', end);
              break;
            }
            case 'safety': {
              const start = startDay(15);
              const end = start + crng.int(2, 15);
              claim = {
                ref,
                program,
                applicant: crng.chance(0.9) ? 'enterprise' : 'individual',
                personId: personId(),
                enterpriseUscc: employer(person),
                startDate: fmt(start),
                endDate: fmt(end),
              };
              claim.occupationCode = maybe(crng.pick(SAFETY_OPERATIONS));
              claim.certificate = certificate(['safety', 'special_operation'], 'AQ', end);
              break;
            }
            case 'appraisal': {
              const start = startDay(3);
              const end = start + crng.int(0, 3);
              claim = { ref, program, applicant: 'individual', personId: personId(), startDate: fmt(start), endDate: fmt(end) };
              occupation(claim, person, catalog);
              claim.certificate = certificate(['skill_level', 'vocational_qualification'], 'JD', end);
              break;
            }
            case 'living_allowance':
              throw new Error('unreachable');
          }
        }
      }

      if (crng.chance(HISTORY_SHARE)) claim.status = crng.weighted(STATUS_WEIGHTS);
      if (claim.program === 'employment_skill') {
        const start = Date.parse(claim.startDate) / MS_PER_DAY;
        remember({
          ref: claim.ref,
          person: indexOfPerson(claim.personId),
          start,
          end: start + daysBetween(claim.startDate, claim.endDate),
        });
      }
      yield stripUndefined(claim);
    }
  }

  const personIndex = new Map<string, number>();
  people.forEach((p, i) => personIndex.set(p.id, i));
  const indexOfPerson = (id: string): number => personIndex.get(id)!;

  return { catalog, entrepreneurshipTypes, people, enterprises, claims };
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / MS_PER_DAY;
}

/** Drops keys whose value is undefined, so the object and its JSON carry the same fields. */
function stripUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

// ---------------------------------------------------------------------------------------------
// Public API.

/** The whole input object for `claimCount` claims (keep it for small sizes: it lives in memory). */
export function generateEvaluateFile(claimCount: number, seed: number): EvaluateInput {
  const parts = buildParts(claimCount, seed);
  return {
    catalog: parts.catalog,
    entrepreneurshipTypes: parts.entrepreneurshipTypes,
    people: parts.people,
    enterprises: parts.enterprises,
    claims: [...parts.claims()],
  };
}

/**
 * Streams the input to `path` as JSON that parses to exactly `generateEvaluateFile(claimCount, seed)`
 * (one array element per line), in ~1 MB chunks, waiting for the stream to drain. Never holds the
 * claims in memory: they are generated and written one at a time.
 */
export async function writeEvaluateFile(path: string, claimCount: number, seed: number): Promise<EvaluateFileStats> {
  const parts = buildParts(claimCount, seed);
  const out = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let failure: Error | undefined;
  out.on('error', (e) => {
    failure = e;
  });

  let buffer: string[] = [];
  let buffered = 0;
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (failure) throw failure;
    if (buffered === 0) return;
    const chunk = buffer.join('');
    buffer = [];
    buffered = 0;
    bytes += Buffer.byteLength(chunk, 'utf8');
    if (!out.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = (): void => {
          out.off('error', onError);
          resolve();
        };
        const onError = (e: Error): void => {
          out.off('drain', onDrain);
          reject(e);
        };
        out.once('drain', onDrain);
        out.once('error', onError);
      });
    }
  };
  const put = async (s: string): Promise<void> => {
    buffer.push(s);
    buffered += s.length;
    if (buffered >= 1 << 20) await flush();
  };
  const putArray = async <T>(name: string, items: Iterable<T>, first: boolean, onItem?: (item: T) => void): Promise<void> => {
    await put(`${first ? '{' : ','}\n${JSON.stringify(name)}:[`);
    let n = 0;
    for (const item of items) {
      onItem?.(item);
      await put(`${n++ === 0 ? '\n' : ',\n'}${JSON.stringify(item)}`);
    }
    await put(n === 0 ? ']' : '\n]');
  };

  const byProgram = Object.fromEntries(PROGRAM_WEIGHTS.map(([p]) => [p, 0])) as Record<Program, number>;
  let claims = 0;
  let history = 0;
  await putArray('catalog', parts.catalog, true);
  await putArray('entrepreneurshipTypes', parts.entrepreneurshipTypes, false);
  await putArray('people', parts.people, false);
  await putArray('enterprises', parts.enterprises, false);
  await putArray('claims', parts.claims(), false, (c) => {
    claims++;
    byProgram[c.program]++;
    if (c.status !== undefined) history++;
  });
  await put('\n}\n');
  await flush();
  await new Promise<void>((resolve, reject) => {
    if (failure) return reject(failure);
    out.once('error', reject);
    out.end(() => resolve());
  });
  return {
    bytes,
    people: parts.people.length,
    enterprises: parts.enterprises.length,
    claims,
    historyClaims: history,
    evaluatedClaims: claims - history,
    byProgram,
  };
}
