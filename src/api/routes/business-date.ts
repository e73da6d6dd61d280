// GET /business-date: the date the product counts as today (DESIGN.md "business date"), for the web app's
// default dates, date-picker limits and deadlines. Public: it is no secret and the login page needs none.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarCovers, OFFICIAL_CALENDAR } from '../../policy/working-calendar.ts';
import { businessDateSource, businessToday } from '../../services/business-date.ts';
import type { Assert, Conforms } from './conforms.ts';

const years = Object.keys(OFFICIAL_CALENDAR)
  .map(Number)
  .sort((a, b) => a - b);

export const ZBusinessDate = z.object({
  today: z.string().describe('业务日期（YYYY-MM-DD）'),
  source: z.enum(['setting', 'real', 'clock']).describe('setting：由 UPSKILL_TODAY 设定；real：北京时间的当天'),
  calendar: z.object({ from: z.string(), to: z.string() }).describe('系统所含工作日历（法定节假日和调休）的起止日期'),
  inCalendar: z.boolean().describe('业务日期是否在工作日历内（不在时按工作日计算的操作将被拒绝）'),
});

export const businessDateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/business-date',
    {
      schema: {
        tags: ['system'],
        summary: '业务日期：系统当前采用的“今天”（默认日期、不晚于今天的检查、公示期限均以此为准）',
        response: { 200: ZBusinessDate },
      },
    },
    async () => businessDateView(),
  );
};

function businessDateView() {
  const today = businessToday();
  return {
    today,
    source: businessDateSource(),
    calendar: { from: `${years[0]}-01-01`, to: `${years.at(-1)}-12-31` },
    inCalendar: calendarCovers(today),
  };
}

// The response schema carries what the handler sends (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [Assert<Conforms<typeof businessDateView, typeof ZBusinessDate>>];

// The shape the web reads (a type-only import there: erased from the bundle).
export type TBusinessDate = z.infer<typeof ZBusinessDate>;
