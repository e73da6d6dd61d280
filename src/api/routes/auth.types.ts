// Response schemas of the routes in auth.ts (the web imports their types).
import { z } from 'zod';
import { ROLES } from '../../vocabulary/roles.ts';

// Responses.
/** The signed-in user as the web sees them: the session's actor without its internal user id. */
export const ZSessionUser = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  areaCode: z.string().nullable(),
  department: z.string().nullable(),
  enterpriseUscc: z.string().nullable(),
  providerId: z.string().nullable(),
  residentId: z.string().nullable(),
  issuerId: z.string().nullable().optional().describe('评价机构账号所代表的证书发证机构；其他账号无此项'),
});
export const ZSession = z.object({ user: ZSessionUser.nullable() });
export const ZLogOutResult = z.object({ ok: z.boolean() });

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TSessionUser = z.infer<typeof ZSessionUser>;
export type TSession = z.infer<typeof ZSession>;
