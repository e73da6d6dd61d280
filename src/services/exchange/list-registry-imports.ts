// The imports of registry extracts, newest first (paged), and one import with its stored
// reconciliation report. City only: the extracts cover the whole city.
import type { Tx } from '../../store/audit-log.ts';
import { requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { reportOf, toImportView, type RegistryImportResult, type RegistryImportView } from './import-registry-extract.ts';
import { SOURCE_KEYS } from './registry-sources.ts';

export async function listRegistryImports(
  tx: Tx,
  actor: Actor | null,
  input: { source?: string; page?: number; pageSize?: number } = {},
): Promise<{ items: RegistryImportView[]; total: number; page: number; pageSize: number }> {
  requireRole(actor, 'city');
  const page = Math.max(1, input.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, input.pageSize ?? 20));
  if (input.source && !(SOURCE_KEYS as readonly string[]).includes(input.source))
    throw new AppError('invalid_input', `source: 没有这个数据来源：${input.source}`, 'source');
  let q = tx
    .selectFrom('registry_imports')
    .select([
      'id',
      'source',
      'extract_date',
      'file_name',
      'file_format',
      'rows',
      'facts_added',
      'conflicts',
      'redecided',
      'cases',
      'imported_by',
      'imported_at',
    ]);
  let count = tx.selectFrom('registry_imports').select(({ fn }) => fn.countAll<string>().as('n'));
  if (input.source) {
    q = q.where('source', '=', input.source);
    count = count.where('source', '=', input.source);
  }
  const rows = await q
    .orderBy('imported_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const total = Number((await count.executeTakeFirst())?.n ?? 0);
  return { items: rows.map(toImportView), total, page, pageSize };
}

export async function getRegistryImport(tx: Tx, actor: Actor | null, id: number): Promise<Omit<RegistryImportResult, 'alreadyImported'>> {
  requireRole(actor, 'city');
  const row = await tx.selectFrom('registry_imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `没有找到第 ${id} 次导入`, 'id');
  const report = reportOf(row.report);
  // The conflicts as they stand now (settled or not), beside the report's record of them.
  const states = await tx.selectFrom('registry_conflicts').select(['id', 'status', 'resolution']).where('import_id', '=', id).execute();
  const byId = new Map(states.map((s) => [Number(s.id), s]));
  const now = <C extends { id: number }>(c: C) => ({
    ...c,
    status: byId.get(c.id)?.status ?? ('open' as const),
    resolution: byId.get(c.id)?.resolution ?? null,
  });
  report.conflicts = report.conflicts.map(now);
  report.enterpriseConflicts = report.enterpriseConflicts.map(now);
  return { ...toImportView(row), report };
}
