// A new edition of a §4.7 entrepreneurship training type and its amount (within the plan's bounds,
// checked by the engine's checkCatalog). An open edition of the same code is closed the day before;
// overlapping editions are refused. City bureau only.
import { addDays, formatChineseDate } from '../../policy/dates.ts';
import { yuanToFen } from '../../policy/money.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertPeriod } from '../identifiers.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { assertCatalog, policiesOnRecord } from './catalog-rules.ts';
import { entrepreneurshipTypeView, type EntrepreneurshipTypeView } from './catalog-view.ts';

export interface AddEntrepreneurshipTypeInput {
  code: string;
  name: string;
  amountYuan: number;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export async function addEntrepreneurshipType(
  tx: Tx,
  actor: Actor | null,
  input: AddEntrepreneurshipTypeInput,
): Promise<EntrepreneurshipTypeView> {
  const a = requireRole(actor, 'city');
  assertPeriod(input.effectiveFrom, 'effectiveFrom', input.effectiveTo, 'effectiveTo');
  assertCatalog([], [{ code: input.code, name: input.name, amountYuan: input.amountYuan }], await policiesOnRecord(tx));
  const editions = await tx.selectFrom('entrepreneurship_types').selectAll().where('code', '=', input.code).forUpdate().execute();
  const superseded = editions.find(
    (e) => (e.effective_from ?? '0000-01-01') < input.effectiveFrom && (e.effective_to == null || e.effective_to >= input.effectiveFrom),
  );
  const closeOn = addDays(input.effectiveFrom, -1);
  const newTo = input.effectiveTo ?? '9999-12-31';
  for (const e of editions) {
    const from = e.effective_from ?? '0000-01-01';
    const to = e === superseded ? closeOn : (e.effective_to ?? '9999-12-31');
    if (from <= newTo && input.effectiveFrom <= to) {
      throw new AppError(
        'invalid_input',
        `effectiveFrom: 与创业培训类别 ${input.code} 已有版本（${e.effective_from ? formatChineseDate(e.effective_from) : '不限'} 起）的有效期重叠`,
        'effectiveFrom',
      );
    }
  }
  if (superseded) {
    await tx
      .updateTable('entrepreneurship_types')
      .set({ effective_to: closeOn, updated_by: actorLabel(a), updated_at: new Date() })
      .where('id', '=', superseded.id)
      .execute();
  }
  const row = await tx
    .insertInto('entrepreneurship_types')
    .values({
      code: input.code,
      name: input.name,
      amount_fen: yuanToFen(input.amountYuan),
      effective_from: input.effectiveFrom,
      effective_to: input.effectiveTo,
      created_by: actorLabel(a),
      updated_by: null,
      updated_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'entrepreneurship_type.add',
    entity: 'entrepreneurship_type',
    entityId: String(row.id),
    data: {
      code: input.code,
      amountFen: row.amount_fen,
      effectiveFrom: input.effectiveFrom,
      supersedes: superseded ? Number(superseded.id) : null,
    },
  });
  return entrepreneurshipTypeView(row);
}
