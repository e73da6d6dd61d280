// A status the product answers with is one of a closed set, and the API says which: the OpenAPI
// document lists the values (an enum, not any string), taken from the one vocabulary the web reads
// too, where each value has its Chinese name.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZViewingState, ZAnswerOnlineCheckResult } from '../../src/api/routes/online.types.ts';
import { ZInspectionView, ZRecordInspectionResult } from '../../src/api/routes/risk.types.ts';
import { ZBatchView, ZBatchStatus, ZPaidBatch, ZCancelledBatch, ZBuiltBatch } from '../../src/api/routes/payments.types.ts';
import { ZBankReturnResult } from '../../src/api/routes/bank-payments.types.ts';
import { ZBatchSummary, ZNoticeDetail, ZNoticeSummary } from '../../src/api/routes/review.types.ts';
import { ZNoticeView, ZNoticeClosed, ZObjectionResolution } from '../../src/api/routes/publicity.types.ts';
import { ZPublicNoticeView } from '../../src/api/routes/public-info.types.ts';
import { VIEWING_STATES, VIEWING_STATE_NAMES } from '../../src/vocabulary/online.ts';
import {
  BATCH_STATUSES,
  BATCH_STATUS_NAMES,
  INSPECTION_RESULTS,
  INSPECTION_RESULT_NAMES,
  INSPECTION_STATUSES,
  INSPECTION_STATUS_NAMES,
  NOTICE_STATUSES,
  NOTICE_STATUS_NAMES,
  OBJECTION_STATUSES,
  OBJECTION_STATUS_NAMES,
} from '../../src/vocabulary/statuses.ts';

/** The values the JSON schema (as the OpenAPI document shows it) allows at `path` of `schema`. */
function allowed(schema: z.ZodType, path: string[]): unknown {
  let node = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  for (const key of path) {
    if (key === '[]') node = node.items as Record<string, unknown>;
    else node = (node.properties as Record<string, Record<string, unknown>>)[key]!;
    if (node.anyOf) node = (node.anyOf as Record<string, unknown>[]).find((n) => n.type !== 'null')!;
  }
  return node.enum ?? `any ${String(node.type)}`;
}

describe('status fields list their values', () => {
  it.each([
    ['an online viewing’s state', ZViewingState, ['state'], VIEWING_STATES],
    ['the viewing after a check answer', ZAnswerOnlineCheckResult, ['state'], VIEWING_STATES],
    ['an inspection’s status', ZInspectionView, ['status'], INSPECTION_STATUSES],
    ['an inspection’s result', ZInspectionView, ['result'], INSPECTION_RESULTS],
    ['a recorded inspection', ZRecordInspectionResult, ['status'], INSPECTION_STATUSES],
    ['a payment batch', ZBatchView, ['status'], BATCH_STATUSES],
    ['a built batch', ZBuiltBatch, ['status'], BATCH_STATUSES],
    ['a confirmed batch', ZBatchStatus, ['status'], BATCH_STATUSES],
    ['a paid batch', ZPaidBatch, ['status'], BATCH_STATUSES],
    ['a cancelled batch', ZCancelledBatch, ['status'], BATCH_STATUSES],
    ['the batch after a bank return', ZBankReturnResult, ['batchStatus'], BATCH_STATUSES],
    ['the office’s batch list', ZBatchSummary, ['status'], BATCH_STATUSES],
    ['a publicity notice', ZNoticeView, ['status'], NOTICE_STATUSES],
    ['a closed notice', ZNoticeClosed, ['status'], NOTICE_STATUSES],
    ['the notice after an objection is resolved', ZObjectionResolution, ['noticeStatus'], NOTICE_STATUSES],
    ['the office’s notice list', ZNoticeSummary, ['status'], NOTICE_STATUSES],
    ['the public notice list', ZPublicNoticeView, ['status'], NOTICE_STATUSES],
    ['an objection on the notice page', ZNoticeDetail, ['objections', '[]', 'status'], OBJECTION_STATUSES],
  ] as const)('%s', (_what, schema, path, values) => {
    expect(allowed(schema, [...path])).toEqual([...values]);
  });
});

describe('each value has its Chinese name in the vocabulary', () => {
  it.each([
    [VIEWING_STATES, VIEWING_STATE_NAMES],
    [INSPECTION_STATUSES, INSPECTION_STATUS_NAMES],
    [INSPECTION_RESULTS, INSPECTION_RESULT_NAMES],
    [BATCH_STATUSES, BATCH_STATUS_NAMES],
    [NOTICE_STATUSES, NOTICE_STATUS_NAMES],
    [OBJECTION_STATUSES, OBJECTION_STATUS_NAMES],
  ] as [readonly string[], Record<string, string>][])('%j', (codes, names) => {
    expect(Object.keys(names).sort()).toEqual([...codes].sort());
    for (const code of codes) expect(names[code]).toMatch(/\p{Script=Han}/u);
  });
});
