// The words of online learning (§5.3 online hours), shared by the server and the browser.
export const LESSON_KIND_NAMES = { video: '视频', document: '文档' } as const;
export type LessonKind = keyof typeof LESSON_KIND_NAMES;
