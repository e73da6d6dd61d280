// Report periods (§5.3: 季报 per quarter, 年报 per year) and the program groups the reports count.
// A claim belongs to the period of its training's end date (结业): that is when a training is done.
import { PROGRAMS, PROGRAM_NAMES, type ProgramCode } from '../../policy/codes.ts';
import { AppError } from '../app-error.ts';

/** The plan's years (§end: 2020-01-14 to 2021-12-31); reports and tasks are kept for these. */
export const PLAN_YEARS = [2020, 2021] as const;

/** Trainings (培训人次) are claims of the training programs: not the living allowance (§4.6) nor appraisal (§4.0). */
export const TRAINING_PROGRAMS = PROGRAMS.filter((p) => p !== 'living_allowance' && p !== 'appraisal') as ProgramCode[];

/** R9 (§5.2): the programs that train enterprise employees (R11: §4.1–§4.5, §4.8, §4.10), whoever the payee. */
export const ENTERPRISE_PROGRAMS: readonly ProgramCode[] = [
  'apprenticeship',
  'skill_upgrade',
  'short_term',
  'pre_job',
  'transfer',
  'work_for_training',
  'safety',
];

/** Claims that stand: a rejected or withdrawn claim is no training and no spending. */
export const LIVE_STATUSES = ['submitted', 'decided', 'reviewed', 'publicity', 'approved', 'paid'] as const;

export const programName = (p: string) => (PROGRAM_NAMES as Record<string, string>)[p] ?? p;

export interface Period {
  year: number;
  /** 1–4 for a quarter; null for the whole year. */
  quarter: number | null;
  from: string;
  to: string;
  label: string;
}

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];
const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'];

export function periodOf(year: number, quarter: number | null | undefined): Period {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new AppError('invalid_input', 'year: 年度应为 2000—2100 之间的整数', 'year');
  if (quarter == null) return { year, quarter: null, from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` };
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new AppError('invalid_input', 'quarter: 季度应为 1—4', 'quarter');
  const startMonth = String((quarter - 1) * 3 + 1).padStart(2, '0');
  return {
    year,
    quarter,
    from: `${year}-${startMonth}-01`,
    to: `${year}-${QUARTER_END[quarter - 1]}`,
    label: `${year}年${QUARTER_NAMES[quarter - 1]}`,
  };
}

/** The quarter (1–4) of an ISO date. */
export const quarterOf = (isoDate: string) => Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1;
