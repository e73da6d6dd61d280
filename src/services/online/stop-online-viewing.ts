// The study page stops its viewing (§5.4): the video paused, the page hidden or closed. The time up
// to now counts as a beat would (if the last beat is recent enough), then the viewing closes.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { now } from '../clock.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { advanceViewing, closedState, lockViewing, progressMs, type ViewingState } from './viewing-clock.ts';

export async function stopOnlineViewing(tx: Tx, actor: Actor | null, viewingId: number): Promise<ViewingState> {
  const a = requireRole(actor, 'trainee');
  const v = await lockViewing(tx, a, viewingId);
  if (v.closed_at) return closedState(v, await progressMs(tx, v.lesson_id, v.resident_id));
  const at = now();
  const last = await advanceViewing(tx, v, at, false);
  // An unanswered check stays on the closed viewing: the next start of this lesson asks it again.
  await tx.updateTable('online_viewings').set({ closed_at: at }).where('id', '=', v.id).execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'online.viewing.stop',
    entity: 'class',
    entityId: v.class_id,
    data: {
      lessonId: v.lesson_id,
      viewingId: v.id,
      residentId: v.resident_id,
      stoppedAt: at.toISOString(),
      viewingCountedMs: v.counted_ms + last.addedSeconds * 1000,
    },
  });
  return {
    ...closedState(v, last.countedSeconds * 1000),
    addedSeconds: last.addedSeconds,
    message: `已暂停计时，本课已计 ${Math.floor(last.countedSeconds / 60)} 分 ${last.countedSeconds % 60} 秒`,
  };
}
