import type { Selectable } from 'kysely';
import { residentIdFor, type Actor } from '../access.ts';
import type { ApprenticeshipPlanTable } from '../../store/schema.ts';

export interface PlanView {
  id: string;
  number: string;
  enterpriseUscc: string;
  enterpriseName: string | null;
  providerId: string | null;
  providerName: string | null;
  residentId: string;
  traineeName: string | null;
  occupationName: string | null;
  occupationCode: string;
  level: string;
  startDate: string;
  endDate: string;
  contractMonths: number;
  status: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface PlanNames {
  enterprise_name?: string | null;
  provider_name?: string | null;
  trainee_name?: string | null;
  occupation_name?: string | null;
}

export function planView(actor: Actor, r: Selectable<ApprenticeshipPlanTable> & PlanNames): PlanView {
  return {
    id: r.id,
    number: r.number,
    enterpriseUscc: r.enterprise_uscc,
    enterpriseName: r.enterprise_name ?? null,
    providerId: r.provider_id,
    providerName: r.provider_name ?? null,
    residentId: residentIdFor(actor, r.resident_id),
    traineeName: r.trainee_name ?? null,
    occupationName: r.occupation_name ?? null,
    occupationCode: r.occupation_code,
    level: r.level,
    startDate: r.start_date,
    endDate: r.end_date,
    contractMonths: r.contract_months,
    status: r.status,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedBy: r.updated_by,
    updatedAt: r.updated_at?.toISOString() ?? null,
  };
}
