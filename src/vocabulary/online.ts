// The words of online learning (§5.3 online hours), shared by the server and the browser.
export const LESSON_KIND_NAMES = { video: '视频', document: '文档' } as const;
export type LessonKind = keyof typeof LESSON_KIND_NAMES;

/** Where a viewing stands: time counts; a check question waits (nothing counts until it is answered
 *  right); the lesson's duration is reached; or this viewing has ended (a new one must start). */
export const VIEWING_STATES = ['counting', 'check', 'complete', 'closed'] as const;
export type ViewingStateCode = (typeof VIEWING_STATES)[number];
export const VIEWING_STATE_NAMES: Record<ViewingStateCode, string> = {
  counting: '计时中',
  check: '待答题',
  complete: '已学满',
  closed: '已结束',
};
