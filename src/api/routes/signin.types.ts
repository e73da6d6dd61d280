// Response schemas of the routes in signin.ts (the web imports their types).
import { z } from 'zod';

// Responses.
export const ZSigninCode = z.object({
  sessionId: z.number(),
  kind: z.string(),
  path: z.string(),
  token: z.string(),
  refreshAt: z.string(),
  validUntil: z.string(),
  session: z.object({ day: z.string(), startsAt: z.string(), endsAt: z.string(), requiresSignout: z.boolean() }),
  signedIn: z.number(),
  signedOut: z.number(),
  roster: z.number(),
});
export const ZSetSessionSignoutResult = z.object({ requiresSignout: z.boolean() });
export const ZScanResult = z.object({
  kind: z.string(),
  recorded: z.boolean(),
  message: z.string(),
  signedAt: z.string(),
  signedOutAt: z.string().nullable(),
  hours: z.number().nullable(),
  classNumber: z.string(),
  session: z.object({ day: z.string(), startsAt: z.string(), endsAt: z.string() }),
});
export const ZSmsCodeSent = z.object({ challengeId: z.string(), expiresInSeconds: z.number(), message: z.string() });

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TScanResult = z.infer<typeof ZScanResult>;
export type TSigninCode = z.infer<typeof ZSigninCode>;
