// Response schemas of the routes in auth.ts (the web imports their types).
import { z } from 'zod';

// Responses.
export const ZLogOutResult = z.object({ ok: z.boolean() });
