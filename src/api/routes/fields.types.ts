// Field schemas shared by the registry and class routes: text without NUL (PostgreSQL refuses it),
// calendar dates the store accepts, GB 11643 / GB 32100 identifiers, paging. Messages in Chinese.
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { isIsoDate } from '../../policy/dates.ts';
import { LEVELS } from '../../policy/codes.ts';
import { MAX_PAGE_SIZE } from '../../services/paging.ts';
import { residentIdMessage, usccMessage } from '../../services/identifiers.ts';

export const text = (max = 200) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim() !== '', '不能为空')
    .refine((s) => !s.includes('\u0000'), '含有不允许的字符');
export const optionalText = (max = 2000) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), '含有不允许的字符');

export const isoDate = z
  .string()
  .refine((s) => isIsoDate(s) && s >= '1900-01-01' && s <= '2100-12-31', '不是有效日期（应为 1900—2100 年间存在的日期，格式 YYYY-MM-DD）')
  .meta({ format: 'date' });

export const residentId = z
  .string()
  .max(18)
  .superRefine((id, ctx) => {
    const message = residentIdMessage(id);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
export const uscc = z
  .string()
  .max(18)
  .superRefine((code, ctx) => {
    const message = usccMessage(code);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
export const areaCode = z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字');
export const level = z.enum(LEVELS.map(String) as [string, ...string[]]);
export const code = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, '编码只能包含字母、数字和 - _ .');
export const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .refine((s) => !s.includes('\u0000'), '含有不允许的字符'),
});
export const fen = z.number().int().positive().max(1e12);

export function pageQuery<S extends readonly [string, ...string[]]>(sorts: S) {
  return {
    page: z.coerce.number().int().min(1).max(1_000_000).optional(),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
    sort: z.enum(sorts).optional(),
    order: z.enum(['asc', 'desc']).optional(),
  };
}

export const okList = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

/** Keys of a sort whitelist as a zod enum tuple. */
export const sortKeys = <O extends Record<string, string>>(o: O) => Object.keys(o) as [keyof O & string, ...(keyof O & string)[]];

/**
 * The answer of a route that sends a file (.xlsx, .pdf, an attachment) as it is: Fastify does not run a
 * Buffer or a stream through the serializer, so this only documents the body in the OpenAPI.
 */
export const ZFile = z
  .custom<Buffer | Readable>(() => true)
  .meta({ type: 'string', format: 'binary' })
  .describe('文件内容（二进制，类型见 Content-Type）');
/** One problem the server found in a request, by field path (`body.sessions[2].day`), with its Chinese message. */
export const ZFieldIssue = z.object({ field: z.string(), message: z.string() });
export type TFieldIssue = z.infer<typeof ZFieldIssue>;
/** An error answer ({ error: { code, message, field } }), for a route that documents one beside its file. */
export const ZErrorAnswer = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().nullable() }),
});
