// Request and response schemas of /registry-exchange (docs/registry-exchange.md); the web imports the types.
import { z } from 'zod';
import { EXPORT_KINDS } from '../../services/exchange/registry-exports.ts';
import { SOURCE_KEYS } from '../../services/exchange/registry-sources.ts';

// Dates are checked by the use case (a calendar day, its message naming the field); here only bounded.
const isoDate = (what: string) => z.string().max(10).describe(`${what}（YYYY-MM-DD）`);

export const ZSourceParams = z.object({ source: z.enum(SOURCE_KEYS) });
export const ZFormatQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }).strict();
export const ZImportQuery = z
  .object({
    source: z.enum(SOURCE_KEYS),
    extractDate: isoDate('数据日期'),
    fileName: z.string().max(200).optional(),
  })
  .strict();
export const ZListImportsQuery = z
  .object({
    source: z.enum(SOURCE_KEYS).optional(),
    page: z.coerce.number().int().min(1).max(100_000).optional(),
    pageSize: z.coerce.number().int().min(1).max(100).optional(),
  })
  .strict();
export const ZIdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 53),
});
export const ZCloseConflictRequest = z.object({ resolution: z.string().trim().min(1, '请写明处理结果').max(500) }).strict();
export const ZExportParams = z.object({ kind: z.enum(EXPORT_KINDS) });
export const ZExportQuery = z
  .object({ from: isoDate('起始日期'), to: isoDate('终止日期'), format: z.enum(['xlsx', 'csv']).default('xlsx') })
  .strict();

const ZColumn = z.object({ header: z.string(), required: z.boolean(), meaning: z.string() });
export const ZSource = z.object({
  key: z.enum(SOURCE_KEYS),
  name: z.string(),
  holder: z.string(),
  facts: z.array(z.object({ fact: z.string(), factName: z.string() })),
  columns: z.array(ZColumn),
});
export const ZExportLayout = z.object({
  kind: z.enum(EXPORT_KINDS),
  name: z.string(),
  receiver: z.string(),
  columns: z.array(z.string()),
});

const ZPerson = z.object({ row: z.number(), residentId: z.string(), name: z.string() });
const ZClaimRef = z.object({ claimNumber: z.string(), residentId: z.string(), name: z.string() });
const ZDecision = z.object({ outcome: z.string(), amountFen: z.number() });
const ZAfter = ZDecision.extend({ reasons: z.array(z.string()) });
const ZConflictFields = {
  id: z.number(),
  fact: z.string(),
  factName: z.string(),
  onDate: z.string(),
  value: z.boolean(),
  otherSource: z.string(),
  otherSourceName: z.string(),
  otherValue: z.boolean(),
  otherDetail: z.string(),
  status: z.enum(['open', 'closed']).optional(),
  resolution: z.string().nullable().optional(),
};
/** An employer's 参保 (§4.8) from the social-insurance extract. */
const ZEnterpriseFact = z.object({
  row: z.number(),
  uscc: z.string(),
  name: z.string(),
  fact: z.string(),
  factName: z.string(),
  value: z.boolean(),
  asOf: z.string(),
});
export const ZReport = z.object({
  rows: z.number(),
  people: z.number(),
  matched: z.number(),
  unknownIds: z.array(ZPerson),
  nameMismatches: z.array(ZPerson.extend({ nameOnRecord: z.string() })),
  factsAdded: z.array(ZPerson.extend({ fact: z.string(), factName: z.string(), value: z.boolean(), asOf: z.string() })),
  factsUnchanged: z.number(),
  spellsAdded: z.number(),
  spellsUnchanged: z.number(),
  conflicts: z.array(ZPerson.extend(ZConflictFields)),
  redecided: z.array(ZClaimRef.extend({ program: z.string(), status: z.string(), before: ZDecision, after: ZAfter })),
  cases: z.array(
    ZClaimRef.extend({ caseId: z.number().nullable(), program: z.string(), claimStatus: z.string(), before: ZDecision, after: ZAfter }),
  ),
  insuredMonthMismatches: z.array(ZClaimRef.extend({ uscc: z.string(), claimedMonths: z.number(), registryMonths: z.number() })),
  enterpriseFactsAdded: z.array(ZEnterpriseFact),
  enterpriseFactsUnchanged: z.number(),
  enterpriseConflicts: z.array(ZEnterpriseFact.omit({ asOf: true }).extend(ZConflictFields)),
  unknownEmployers: z.array(z.object({ row: z.number(), uscc: z.string(), name: z.string() })),
});
export const ZImportView = z.object({
  id: z.number(),
  source: z.enum(SOURCE_KEYS),
  sourceName: z.string(),
  extractDate: z.string(),
  fileName: z.string().nullable(),
  fileFormat: z.enum(['xlsx', 'csv']),
  rows: z.number(),
  factsAdded: z.number(),
  conflicts: z.number(),
  redecided: z.number(),
  cases: z.number(),
  importedBy: z.string(),
  importedAt: z.string(),
});
export const ZImportDetail = ZImportView.extend({ report: ZReport });
export const ZImportResult = ZImportDetail.extend({ alreadyImported: z.boolean() });
export const ZConflictClosed = z.object({ id: z.number(), status: z.literal('closed'), resolution: z.string() });
export const ZSourceList = z.array(ZSource);
export const ZExportLayoutList = z.array(ZExportLayout);
export const ZImportPage = z.object({ items: z.array(ZImportView), total: z.number(), page: z.number(), pageSize: z.number() });

export type TSource = z.infer<typeof ZSource>;
export type TExportLayout = z.infer<typeof ZExportLayout>;
export type TReport = z.infer<typeof ZReport>;
export type TImportView = z.infer<typeof ZImportView>;
export type TImportDetail = z.infer<typeof ZImportDetail>;
export type TImportResult = z.infer<typeof ZImportResult>;

// Responses.
