import type { Selectable } from 'kysely';
import { residentIdFor, type Actor } from '../access.ts';
import type { ApprenticeshipPlanTable } from '../../store/schema.ts';

export interface PlanView {
  id: string; enterpriseUscc: string; providerId: string | null; residentId: string; occupationCode: string; level: string;
  startDate: string; endDate: string; contractMonths: number; status: string;
  createdBy: string; createdAt: string; updatedBy: string | null; updatedAt: string | null;
}

export function planView(actor: Actor, r: Selectable<ApprenticeshipPlanTable>): PlanView {
  return {
    id: r.id, enterpriseUscc: r.enterprise_uscc, providerId: r.provider_id, residentId: residentIdFor(actor, r.resident_id),
    occupationCode: r.occupation_code, level: r.level, startDate: r.start_date, endDate: r.end_date, contractMonths: r.contract_months, status: r.status,
    createdBy: r.created_by, createdAt: r.created_at.toISOString(), updatedBy: r.updated_by, updatedAt: r.updated_at?.toISOString() ?? null,
  };
}
