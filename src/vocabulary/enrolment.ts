// The words of open enrolment (§5.5), shared by the server and the browser: an application's states and
// the reasons a provider gives for declining (the person reads them).
export const APPLICATION_STATUS_NAMES = { applied: '待机构处理', accepted: '已录取', declined: '未录取', withdrawn: '已撤回' } as const;
export type ApplicationStatus = keyof typeof APPLICATION_STATUS_NAMES;

export const DECLINE_REASONS = ['名额已满', '不符合培训对象条件', '培训时间冲突', '资料不完整', '其他'] as const;

/** §5.4 textbooks: a national standard one, or one developed locally where none exists. */
export const TEXTBOOK_KIND_NAMES = { standard: '标准教材', local: '地方开发教材' } as const;

/** How far ahead a public training base may be booked, in days from the business date (the server
 *  refuses a later day; the booking forms grey it out): a season's planning, not a far-off year. */
export const BOOKING_HORIZON_DAYS = 180;

/** Who books a public training base (§5.4: open to enterprises, colleges and providers). */
export const BOOKER_ROLE_NAMES = {
  provider: '培训机构',
  college: '职业院校',
  enterprise: '企业',
  city: '市人社局',
  county: '县（区）人社局',
} as const;
