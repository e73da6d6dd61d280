// Who receives an annual task (§5.3): a county/district by its area code, or a §5.7 department.
import { type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { TRAINING_PROGRAMS } from '../reports/report-period.ts';
import { DEPARTMENTS } from '../../vocabulary/roles.ts';

export const COUNTY_AREA_CODES = ['510402', '510403', '510411', '510421', '510422'] as const;
export type UnitKind = 'area' | 'department';

export async function unitName(kind: UnitKind, unit: string, areaNames: Map<string, string>): Promise<string> {
  return kind === 'area' ? (areaNames.get(unit) ?? unit) : ((DEPARTMENTS as Record<string, string>)[unit] ?? unit);
}

/** Refuses a unit or program a task cannot have, naming the field. */
export function validateTaskUnit(kind: UnitKind, unit: string, program: string): void {
  if (kind === 'area' && !(COUNTY_AREA_CODES as readonly string[]).includes(unit)) {
    throw new AppError(
      'invalid_input',
      `unit: ${unit} 不是本市的县（区）行政区划代码（应为 ${COUNTY_AREA_CODES.join('、')} 之一）`,
      'unit',
    );
  }
  if (kind === 'department' && (!(unit in DEPARTMENTS) || unit === 'finance')) {
    throw new AppError('invalid_input', `unit: ${unit} 不是承担培训任务的部门（财政局管理资金，不承担培训任务）`, 'unit');
  }
  if (!(TRAINING_PROGRAMS as readonly string[]).includes(program)) {
    throw new AppError('invalid_input', `program: ${program} 不是培训项目（生活费补贴和鉴定补贴不计培训任务）`, 'program');
  }
}

/** Which tasks an actor sees: the city all; a county its area's; a department its own (finance all, to follow the money). */
export function taskFilter(actor: Actor): { kind: UnitKind; unit: string } | null {
  if (actor.role === 'county') return { kind: 'area', unit: actor.areaCode ?? '' };
  if (actor.role === 'department' && actor.department !== 'finance') return { kind: 'department', unit: actor.department ?? '' };
  return null;
}
