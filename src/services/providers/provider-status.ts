// A provider's listing (§5.3 third-party evaluation; §5.5 catalog-list management): only a listed
// provider's classes are opened and subsidised. Suspension is reversible; delisting is final (a
// provider that failed evaluation "loses the right" to subsidised training).
import { AppError } from '../app-error.ts';
import { PROVIDER_STATUS_NAMES, type ProviderStatus } from '../../vocabulary/statuses.ts';

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
