// Chinese names of the codes the API returns: the plan's own code lists from the pure policy modules
// (shared with the engine), roles, areas and lifecycle statuses from the shared vocabulary
// (src/vocabulary, the server's own constants); the workflow names below are the browser's only.
import { AREA_NAMES } from '../../src/vocabulary/areas.ts';

export {
  APPLICANT_NAMES,
  CATALOG_SECTION_NAMES,
  CERTIFICATE_NAMES,
  INDUSTRY_NAMES,
  LEVEL_NAMES,
  PROGRAM_NAMES,
} from '../../src/policy/codes.ts';
export { AREA_NAMES } from '../../src/vocabulary/areas.ts';
export { DEPARTMENTS as DEPARTMENT_NAMES, ROLE_NAMES } from '../../src/vocabulary/roles.ts';
export {
  CLAIM_STATUS_NAMES,
  CLASS_STATUS_NAMES,
  DISPUTE_FINDING_NAMES,
  DISPUTE_STATUS_NAMES,
  NOTE_KIND_NAMES,
  OUTCOME_NAMES,
  PLAN_STATUS_NAMES,
  PROVIDER_KIND_NAMES,
  PROVIDER_STATUS_NAMES,
} from '../../src/vocabulary/statuses.ts';

export const STEP_RESULT_NAMES: Record<string, string> = {
  pass: '符合',
  fail: '不符合',
  unknown: '缺少事实',
  info: '说明',
};

export const areaName = (code: string | null | undefined): string => (code ? (AREA_NAMES[code] ?? code) : '—');
export const nameOf = (names: Record<string, string>, code: string | null | undefined): string =>
  code == null ? '—' : (names[code] ?? code);

// Statuses of flags, filings and advances: the codes are the server's (src/store/schema.ts); only the web names them.
export const FLAG_STATUS_NAMES: Record<string, string> = { raised: '待处理', cleared: '已解除' };
export const FILING_STATUS_NAMES: Record<string, string> = { filed: '已报送', accepted: '已通过', returned: '已退回' };
export const ADVANCE_STATUS_NAMES: Record<string, string> = {
  paid: '已预付，待结算',
  settled: '已结算',
  recovering: '追回中',
  recovered: '已追回',
};
