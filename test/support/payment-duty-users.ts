// Three logins of the city bureau, one per payment duty (经办 build, 复核 confirm, 支付 pay), as actors
// for service tests: maker–checker admits no single actor doing two of them on one batch.
import type { Actor } from '../../src/services/access.ts';
import type { PaymentDuty } from '../../src/store/schema.ts';
import { seedUser } from '../../src/demo/seed-users.ts';
import type { Tx } from '../../src/store/transaction.ts';

export interface DutyUsers {
  maker: Actor;
  checker: Actor;
  payer: Actor;
}

export async function dutyUser(
  tx: Tx,
  username: string,
  duties: PaymentDuty[],
  role: 'city' | 'county' = 'city',
  areaCode = '510400',
): Promise<Actor> {
  const userId = await seedUser(tx, {
    username,
    password: 'test-password1',
    displayName: username,
    role,
    areaCode,
    paymentDuties: duties,
  });
  return {
    userId,
    username,
    displayName: username,
    role,
    areaCode,
    department: null,
    enterpriseUscc: null,
    providerId: null,
    residentId: null,
  };
}

export async function cityDutyUsers(tx: Tx, prefix = 'duty'): Promise<DutyUsers> {
  return {
    maker: await dutyUser(tx, `${prefix}-maker`, ['build']),
    checker: await dutyUser(tx, `${prefix}-checker`, ['confirm']),
    payer: await dutyUser(tx, `${prefix}-payer`, ['pay']),
  };
}
