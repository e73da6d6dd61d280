import type { Selectable } from 'kysely';
import type { ContentFilingTable } from '../../store/schema.ts';

export interface FilingView {
  id: string;
  number: string;
  enterpriseUscc: string;
  enterpriseName: string | null;
  program: string;
  title: string;
  content: string;
  filedOn: string;
  status: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

export function filingView(r: Selectable<ContentFilingTable> & { enterprise_name?: string | null }): FilingView {
  return {
    id: r.id,
    number: r.number,
    enterpriseUscc: r.enterprise_uscc,
    enterpriseName: r.enterprise_name ?? null,
    program: r.program,
    title: r.title,
    content: r.content,
    filedOn: r.filed_on,
    status: r.status,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedBy: r.updated_by,
    updatedAt: r.updated_at?.toISOString() ?? null,
  };
}
