// Online study time as attended hours (§5.4; SPEC "Supervision" Decision): for classes of §4.2,
// §4.3 and §4.6 only, each trainee's counted time of the class's lessons, credited up to the share
// of the class's hours in force on its start date (`online.maxSharePercent`, dated, with its clause).
// A trainee who never opened a lesson has no online time on record (null), not zero.
import type { ProgramCode } from '../../policy/codes.ts';
import { onlineCounts, onlineHoursCap } from '../../policy/online-learning.ts';
import type { Tx } from '../../store/audit-log.ts';
import { policiesFromStore } from '../claims/engine-input-from-store.ts';

export interface OnlineCreditRule {
  /** Online time counts for the class's program at all (§4.2, §4.3, §4.6). */
  counts: boolean;
  /** The share in force on the class's start date, and the hours it allows; null when it does not count. */
  maxSharePercent: number | null;
  capHours: number | null;
  clause: string;
  parameter: 'online.maxSharePercent';
}

export async function onlineCreditRule(
  tx: Tx,
  cls: { program: string; start_date: string; hours: number | string },
): Promise<OnlineCreditRule> {
  const base = { clause: '§5.4', parameter: 'online.maxSharePercent' as const };
  if (!onlineCounts(cls.program)) return { ...base, counts: false, maxSharePercent: null, capHours: null };
  const start = String(cls.start_date).slice(0, 10);
  const pkg = (await policiesFromStore(tx)).governing(cls.program as ProgramCode, start);
  // No policy in force on the start date: nothing can be credited (the engine will not decide it either).
  if (!pkg) return { ...base, counts: false, maxSharePercent: null, capHours: null };
  const read = pkg.read('online.maxSharePercent', start);
  return {
    ...base,
    clause: read.clause,
    counts: true,
    maxSharePercent: read.value,
    capHours: onlineHoursCap(Number(cls.hours), read.value),
  };
}

/** Each trainee's counted online seconds of the class's lessons (only those with any viewing on record). */
export async function onlineSecondsOf(tx: Tx, classId: string): Promise<Map<string, number>> {
  const rows = await tx
    .selectFrom('online_progress')
    .innerJoin('online_lessons', 'online_lessons.id', 'online_progress.lesson_id')
    .select((eb) => ['online_progress.resident_id', eb.fn.sum<string>('online_progress.counted_ms').as('ms')])
    .where('online_lessons.class_id', '=', classId)
    .groupBy('online_progress.resident_id')
    .execute();
  return new Map(rows.map((r) => [r.resident_id, Math.floor(Number(r.ms) / 1000)]));
}
