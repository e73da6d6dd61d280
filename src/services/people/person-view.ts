// A person as the API shows them: the resident ID masked for roles that do not need it (§5.2).
import { residentIdFor, type Actor } from '../access.ts';

export interface PersonView {
  residentId: string;
  name: string;
  areaCode: string;
  phone: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

export function personView(
  actor: Actor,
  row: {
    resident_id: string;
    name: string;
    area_code: string;
    phone: string | null;
    created_by: string;
    created_at: Date;
    updated_by: string | null;
    updated_at: Date | null;
  },
): PersonView {
  const full = residentIdFor(actor, row.resident_id) === row.resident_id;
  return {
    residentId: residentIdFor(actor, row.resident_id),
    name: row.name,
    areaCode: row.area_code,
    phone: full ? row.phone : null,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at?.toISOString() ?? null,
  };
}
