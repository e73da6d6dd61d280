// The study page's heartbeat (§5.4), sent every ONLINE_TIMING.beatSeconds while the lesson is
// visible and playing: the server counts the time since the previous beat (viewing-clock.ts) and,
// now and then, answers with a check question. No audit entry per beat (they would serialise every
// learner on the audit chain): the viewing's start, its checks and its end are audited, and every
// counted interval is kept in online_study_spans.
import { requireRole, type Actor } from '../access.ts';
import { now } from '../clock.ts';
import type { Tx } from '../../store/audit-log.ts';
import { advanceViewing, closedState, lockViewing, progressMs, type ViewingState } from './viewing-clock.ts';

export async function beatOnlineViewing(tx: Tx, actor: Actor | null, viewingId: number): Promise<ViewingState> {
  const a = requireRole(actor, 'trainee');
  const v = await lockViewing(tx, a, viewingId);
  if (v.closed_at) return closedState(v, await progressMs(tx, v.lesson_id, v.resident_id));
  return advanceViewing(tx, v, now(), true);
}
