// Creating users (demo logins, tests, the admin's user management).
import { newUuid } from '../store/ids.ts';
import type { Department, Role } from '../services/access.ts';

import type { PaymentDuty } from '../store/schema.ts';
import { hashPassword } from '../services/auth/passwords.ts';
import { appendAudit, type Tx } from '../store/audit-log.ts';
import { dutiesForRole } from '../vocabulary/roles.ts';

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  areaCode?: string | null;
  department?: Department | null;
  enterpriseUscc?: string | null;
  providerId?: string | null;
  residentId?: string | null;
  /** An evaluation body's login: its certificate issuer. */
  issuerId?: string | null;
  /** Payment duties (经办/复核/支付); bootstrap and fixture logins default to all their role may hold. */
  paymentDuties?: PaymentDuty[];
  /**
   * The password's hash, made beforehand by hashPassword (then `password` is not hashed again): a load
   * that creates many logins hashes them side by side (scrypt runs in libuv's thread pool).
   */
  passwordHash?: string;
}

export async function seedUser(tx: Tx, user: NewUser, actor = 'system'): Promise<string> {
  const id = newUuid();
  await tx
    .insertInto('users')
    .values({
      id,
      username: user.username,
      password_hash: user.passwordHash ?? (await hashPassword(user.password)),
      display_name: user.displayName,
      role: user.role,
      area_code: user.areaCode ?? null,
      department: user.department ?? null,
      enterprise_uscc: user.enterpriseUscc ?? null,
      provider_id: user.providerId ?? null,
      resident_id: user.residentId ?? null,
      issuer_id: user.issuerId ?? null,
      payment_duties: user.paymentDuties ?? dutiesForRole(user.role, user.department ?? null),
      created_by: actor,
    })
    .execute();
  await appendAudit(tx, {
    actor,
    action: 'user.create',
    entity: 'user',
    entityId: id,
    data: {
      username: user.username,
      role: user.role,
      areaCode: user.areaCode ?? null,
      paymentDuties: user.paymentDuties ?? dutiesForRole(user.role, user.department ?? null),
    },
  });
  return id;
}
