// A provider's listing (§5.3 third-party evaluation; §5.5 catalog-list management): only a listed
// provider's classes are opened and subsidised. Suspension is reversible; delisting is final (a
// provider that failed evaluation "loses the right" to subsidised training).
import { AppError } from '../app-error.ts';

export const PROVIDER_STATUSES = ['listed', 'suspended', 'delisted'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];
export const PROVIDER_STATUS_NAMES: Record<ProviderStatus, string> = { listed: '在册', suspended: '暂停', delisted: '除名' };

const NEXT: Record<ProviderStatus, readonly ProviderStatus[]> = {
  listed: ['suspended', 'delisted'],
  suspended: ['listed', 'delisted'],
  delisted: [],
};

export function assertProviderTransition(from: ProviderStatus, to: ProviderStatus): void {
  if (!NEXT[from].includes(to)) {
    throw new AppError(
      'invalid_transition',
      `培训机构状态不能从“${PROVIDER_STATUS_NAMES[from]}”变为“${PROVIDER_STATUS_NAMES[to]}”`,
      'status',
    );
  }
}

export const PROVIDER_KINDS = ['enterprise_center', 'college', 'social_institution', 'evaluation_institution'] as const;
export const PROVIDER_KIND_NAMES: Record<(typeof PROVIDER_KINDS)[number], string> = {
  enterprise_center: '企业培训中心',
  college: '职业院校',
  social_institution: '社会培训机构',
  evaluation_institution: '评价机构',
};
