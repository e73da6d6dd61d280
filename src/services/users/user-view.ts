import type { Selectable } from 'kysely';
import type { UserTable } from '../../store/schema.ts';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: string;
  areaCode: string | null;
  department: string | null;
  enterpriseUscc: string | null;
  providerId: string | null;
  residentId: string | null;
  issuerId: string | null;
  active: boolean;
  paymentDuties: string[];
  createdBy: string;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** A user as the city sees it (never the password hash). */
export function userView(u: Selectable<UserTable>): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    areaCode: u.area_code,
    department: u.department,
    enterpriseUscc: u.enterprise_uscc,
    providerId: u.provider_id,
    residentId: u.resident_id,
    issuerId: u.issuer_id ?? null,
    active: u.active,
    paymentDuties: u.payment_duties ?? [],
    createdBy: u.created_by,
    createdAt: new Date(u.created_at).toISOString(),
    updatedBy: u.updated_by,
    updatedAt: u.updated_at == null ? null : new Date(u.updated_at).toISOString(),
  };
}
