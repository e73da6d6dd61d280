// Inspection tasks (过程监督, §5.3) drawn by the samples: each with its class, the class's provider and
// area, the risk score it was drawn at, its probability and draw (so the sample can be checked), and
// the result once recorded. The city sees all; a county the classes of its area.
import type { Tx } from '../../store/audit-log.ts';
import { requireRole, type Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import { idFromNumber } from '../records/record-numbers.ts';

export interface InspectionView {
  id: string;
  sampleId: string;
  seed: string;
  classId: string;
  /** The class's record number (BJ-…), what users read. */
  classNumber: string;
  providerId: string;
  providerName: string;
  areaCode: string;
  classStatus: string;
  score: number;
  probability: number;
  draw: number;
  status: 'planned' | 'done';
  result: 'clean' | 'irregular' | null;
  note: string | null;
  inspectedOn: string | null;
  inspectedBy: string | null;
}
export interface InspectionsQuery extends PageQuery<'id' | 'score' | 'probability'> {
  sampleId?: string;
  status?: 'planned' | 'done';
  result?: 'clean' | 'irregular';
  classId?: string;
  areaCode?: string;
}

export async function listInspections(tx: Tx, actor: Actor | null, query: InspectionsQuery): Promise<Page<InspectionView>> {
  const a = requireRole(actor, 'city', 'county');
  let q = tx
    .selectFrom('risk_inspections as i')
    .innerJoin('risk_samples as sm', 'sm.id', 'i.sample_id')
    .innerJoin('classes as c', 'c.id', 'i.class_id')
    .innerJoin('providers as p', 'p.id', 'c.provider_id')
    .select([
      'i.id',
      'i.sample_id',
      'sm.seed',
      'i.class_id',
      'c.number as class_number',
      'c.provider_id',
      'p.name as provider_name',
      'c.area_code',
      'c.status as class_status',
      'i.score',
      'i.probability',
      'i.draw',
      'i.status',
      'i.result',
      'i.note',
      'i.inspected_on',
      'i.inspected_by',
    ]);
  if (a.role === 'county') q = q.where('c.area_code', '=', a.areaCode ?? '');
  if (query.areaCode) q = q.where('c.area_code', '=', query.areaCode);
  if (query.sampleId) q = q.where('i.sample_id', '=', query.sampleId);
  if (query.status) q = q.where('i.status', '=', query.status);
  if (query.result) q = q.where('i.result', '=', query.result);
  if (query.classId) q = q.where('i.class_id', '=', await idFromNumber(tx, 'class', query.classId));
  const page = await readPage(
    q,
    { ...query, order: query.order ?? 'desc' },
    { id: 'i.id', score: 'i.score', probability: 'i.probability' },
    'id',
    'i.id',
  );
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      sampleId: r.sample_id,
      seed: r.seed,
      classId: r.class_id,
      classNumber: r.class_number,
      providerId: r.provider_id,
      providerName: r.provider_name,
      areaCode: r.area_code,
      classStatus: r.class_status,
      score: Number(r.score),
      probability: Number(r.probability),
      draw: Number(r.draw),
      status: r.status ?? 'planned',
      result: r.result,
      note: r.note,
      inspectedOn: r.inspected_on ? String(r.inspected_on).slice(0, 10) : null,
      inspectedBy: r.inspected_by,
    })),
  };
}
