// Inspection sampling (过程监督, §5.3): every class that can still be visited (approved or running)
// is drawn with probability rising with its risk score in the newest scan,
//   p = base + (max − base) × score / 100   (risk-parameters.ts),
// and kept when its draw u < p. The draw is deterministic: u = the first 52 bits of
// SHA-256(seed ‖ class id) as a fraction of 2^52, a counter-based generator, so the same seed over
// the same classes gives the same sample whatever order the classes are read in, and adding a class
// changes no other class's draw. The sample, its parameters and every draw are recorded and audited.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { requireOwnArea } from '../record-scope.ts';
import { RISK_PARAMETERS } from './risk-parameters.ts';
import { latestScan } from './scan-risks.ts';

/** Uniform draw in [0, 1) for (seed, key): deterministic, independent across keys. */
export function draw(seed: string, key: string): number {
  const h = createHash('sha256').update(`${seed}\u0000${key}`).digest();
  const hi = h.readUInt32BE(0) >>> 12; // 20 bits
  const lo = h.readUInt32BE(4); // 32 bits
  return (hi * 2 ** 32 + lo) / 2 ** 52;
}

export function inspectionProbability(score: number, p = RISK_PARAMETERS): number {
  return p.sampleBaseProbability + ((p.sampleMaxProbability - p.sampleBaseProbability) * Math.min(100, Math.max(0, score))) / 100;
}

export interface SampleInput {
  seed: string;
  areaCode?: string | null;
}
export interface SampledInspection {
  id: string;
  classId: string;
  areaCode: string;
  score: number;
  probability: number;
  draw: number;
}
export interface SampleResult {
  id: string;
  seed: string;
  scanId: string | null;
  areaCode: string | null;
  population: number;
  inspections: SampledInspection[];
}

export async function sampleInspections(tx: Tx, actor: Actor | null, input: SampleInput): Promise<SampleResult> {
  const a = requireRole(actor, 'city', 'county');
  if (input.seed.trim() === '') throw new AppError('invalid_input', 'seed: 应给出抽样种子', 'seed');
  const area = a.role === 'county' ? (input.areaCode ?? a.areaCode) : (input.areaCode ?? null);
  if (area) requireOwnArea(a, area, 'areaCode');
  const scan = await latestScan(tx);
  const { rows } = await sql<{ id: string; area_code: string; score: number }>`
    select c.id, c.area_code, coalesce(rs.score, 0)::int as score
    from classes c
    left join risk_scores rs on rs.scan_id = ${scan?.id ?? ''} and rs.kind = 'class' and rs.ref = c.id
    where c.status in ('approved', 'running') ${area ? sql`and c.area_code = ${area}` : sql``}
    order by c.id`.execute(tx);
  const drawn = rows
    .map((c) => ({
      classId: c.id,
      areaCode: c.area_code,
      score: c.score,
      probability: inspectionProbability(c.score),
      draw: draw(input.seed, c.id),
    }))
    .filter((c) => c.draw < c.probability);
  const id = `SMP-${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)}-${randomBytes(3).toString('hex')}`;
  const parameters = {
    version: RISK_PARAMETERS.version,
    base: RISK_PARAMETERS.sampleBaseProbability,
    max: RISK_PARAMETERS.sampleMaxProbability,
    statuses: ['approved', 'running'],
  };
  await tx
    .insertInto('risk_samples')
    .values({
      id,
      seed: input.seed,
      scan_id: scan?.id ?? null,
      area_code: area,
      population: rows.length,
      drawn: drawn.length,
      parameters: JSON.stringify(parameters),
      created_by: actorLabel(a),
    })
    .execute();
  const inspections = drawn.map((d, i) => ({ ...d, id: `${id}-${String(i + 1).padStart(4, '0')}` }));
  for (let i = 0; i < inspections.length; i += 500) {
    await tx
      .insertInto('risk_inspections')
      .values(
        inspections.slice(i, i + 500).map((d) => ({
          id: d.id,
          sample_id: id,
          class_id: d.classId,
          score: d.score,
          probability: d.probability,
          draw: d.draw,
          result: null,
          note: null,
          inspected_on: null,
          inspected_by: null,
          recorded_at: null,
        })),
      )
      .execute();
  }
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'risk.sample',
    entity: 'risk_sample',
    entityId: id,
    data: {
      seed: input.seed,
      scanId: scan?.id ?? null,
      areaCode: area,
      population: rows.length,
      classes: inspections.map((d) => d.classId),
      parameters,
    },
  });
  return { id, seed: input.seed, scanId: scan?.id ?? null, areaCode: area, population: rows.length, inspections };
}
