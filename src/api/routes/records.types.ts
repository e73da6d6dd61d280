import { z } from 'zod';
import { RECORD_PREFIXES } from '../../services/records/lookup-record.ts';

export const ZRecordNumberParams = z.object({ number: z.string().trim().min(1).max(40) });
export const ZRecordLookup = z.object({
  kind: z.enum(Object.values(RECORD_PREFIXES) as [string, ...string[]]),
  kindName: z.string(),
  number: z.string(),
  path: z.string().nullable(),
});

// The shape the web reads (a type-only import there: erased from the bundle).
export type TRecordLookup = z.infer<typeof ZRecordLookup>;
