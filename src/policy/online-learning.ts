// Online learning (§5.4 网络和移动学习平台; SPEC "Supervision" Decision): identity-verified online study
// time counts toward the attended hours of §4.2, §4.3 and §4.6 trainings only — never §4.10 or any
// other program — and, in this product, at most a share of the class's hours (the dated parameter
// `online.maxSharePercent`, the city bureau's setting: the plan names no share). Pure, so the
// engine, the services and the screens read the same rule.
import type { ProgramCode } from './codes.ts';

/** The programs whose attended hours online study may make up (SPEC: §4.2, §4.3, §4.6). */
export const ONLINE_PROGRAMS: readonly ProgramCode[] = ['skill_upgrade', 'short_term', 'employment_skill'];

export const onlineCounts = (program: string): boolean => (ONLINE_PROGRAMS as readonly string[]).includes(program);

/** Hours to 0.01 h (attended hours are kept to hundredths, like a signed span's). */
export const hundredths = (h: number): number => Math.floor(h * 100 + 1e-9) / 100;

/** The most online hours a class's trainee may be credited: the share of the class's hours. */
export function onlineHoursCap(classHours: number, maxSharePercent: number): number {
  return hundredths((classHours * maxSharePercent) / 100);
}

/**
 * A trainee's attended hours with online study: classroom hours plus online hours up to the cap
 * (none for a program online time does not count for). Unknown stays unknown: with neither
 * classroom marks nor online study on record the result is null, never zero.
 */
export function attendedWithOnline(
  classroomHours: number | null,
  onlineHours: number | null,
  program: string,
  cap: number,
): { attendedHours: number | null; onlineCredited: number | null } {
  const onlineCredited = onlineHours === null || !onlineCounts(program) ? null : hundredths(Math.min(onlineHours, cap));
  if (onlineCredited === null) return { attendedHours: classroomHours, onlineCredited };
  return { attendedHours: Math.round(((classroomHours ?? 0) + (onlineCredited ?? 0)) * 100) / 100, onlineCredited };
}
