import type { Selectable } from 'kysely';
import type { ContentFilingTable } from '../../store/schema.ts';

export interface FilingView {
  id: string; enterpriseUscc: string; program: string; title: string; content: string; filedOn: string; status: string;
  createdBy: string; createdAt: string; updatedBy: string | null; updatedAt: string | null;
}

export function filingView(r: Selectable<ContentFilingTable>): FilingView {
  return {
    id: r.id, enterpriseUscc: r.enterprise_uscc, program: r.program, title: r.title, content: r.content, filedOn: r.filed_on, status: r.status,
    createdBy: r.created_by, createdAt: r.created_at.toISOString(), updatedBy: r.updated_by, updatedAt: r.updated_at?.toISOString() ?? null,
  };
}
