import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Assert, Conforms } from './conforms.ts';

const ZHealth = z.object({ status: z.literal('ok') });

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: { tags: ['system'], summary: '健康检查：存储可达时返回 ok', response: { 200: ZHealth } },
    },
    async () => {
      await sql`select 1`.execute(app.store.db);
      return { status: 'ok' as const };
    },
  );
};

// The response schema carries what the handler sends (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [Assert<Conforms<{ status: 'ok' }, typeof ZHealth>>];
