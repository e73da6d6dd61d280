// The class lifecycle (DESIGN.md; SPEC §5.3 开班审查 → 过程监督 → 结业考核验收), in one place:
// draft → submitted → approved | returned; returned → submitted; approved → running → assessed → closed.
// Every use case that moves a class asks here first; a wrong move changes nothing.
import type { ClassStatus } from '../../store/schema.ts';
import type { Role } from '../access.ts';
import { AppError } from '../app-error.ts';
import { CLASS_STATUS_NAMES } from '../../vocabulary/statuses.ts';

export type ClassAction = 'submit' | 'approve' | 'return' | 'start' | 'assess' | 'close';

export const CLASS_ACTION_NAMES: Record<ClassAction, string> = {
  submit: '提交开班申请',
  approve: '开班审查通过',
  return: '退回开班申请',
  start: '开班',
  assess: '完成结业考核',
  close: '验收结班',
};

/** Each action: the statuses it starts from, where it leads, and who may take it (the provider runs the class; the HR office reviews it). */
export const CLASS_TRANSITIONS: Record<ClassAction, { from: readonly ClassStatus[]; to: ClassStatus; roles: readonly Role[] }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['provider', 'county', 'city'] },
  approve: { from: ['submitted'], to: 'approved', roles: ['county', 'city'] },
  return: { from: ['submitted'], to: 'returned', roles: ['county', 'city'] },
  start: { from: ['approved'], to: 'running', roles: ['provider', 'county', 'city'] },
  assess: { from: ['running'], to: 'assessed', roles: ['provider', 'county', 'city'] },
  close: { from: ['assessed'], to: 'closed', roles: ['county', 'city'] },
};

/** Statuses in which the application (details, roster, schedule) may still be edited. */
export const EDITABLE: readonly ClassStatus[] = ['draft', 'returned'];

export function assertClassTransition(status: ClassStatus, action: ClassAction): ClassStatus {
  const t = CLASS_TRANSITIONS[action];
  if (!t.from.includes(status)) {
    throw new AppError(
      'invalid_transition',
      `培训班当前状态为“${CLASS_STATUS_NAMES[status]}”，不能${CLASS_ACTION_NAMES[action]}`,
      'status',
    );
  }
  return t.to;
}

/** For work inside a class (editing, attendance, results, certificates): the status it needs. */
export function assertClassStatus(status: ClassStatus, allowed: readonly ClassStatus[], what: string): void {
  if (!allowed.includes(status)) {
    throw new AppError('invalid_transition', `培训班当前状态为“${CLASS_STATUS_NAMES[status]}”，不能${what}`, 'status');
  }
}
