// 实名制 (§5.2): a roster line names a person by resident ID AND name, and the register must hold
// that ID under that name. To a party (enterprise, provider, evaluation body) the check answers one thing only —
// "this line is not valid" — with the same words whether the ID is unregistered or the name differs,
// so writing IDs into a draft tells a party neither who is registered nor under which name. The HR
// offices keep the register and are told which of the two it is.
import type { Actor } from '../access.ts';
import type { Db } from '../../store/database.ts';

/** The one answer a party gets for an unregistered ID or a wrong name (indistinguishable on purpose). */
export const REAL_NAME_REFUSED = '身份证号与姓名未通过实名核验（号码未登记或姓名不符），请核对后重新填写（实名制，§5.2）';
export const NAME_REQUIRED = '请填写姓名，用于实名核验（实名制，§5.2）';
const UNREGISTERED = '该人员尚未登记，请先登记人员信息（实名制，§5.2）';
const WRONG_NAME = '与该身份证号登记的姓名不一致（实名制，§5.2）';

export const isParty = (actor: Actor) => actor.role === 'enterprise' || actor.role === 'provider' || actor.role === 'evaluator';

export interface RealNameLine {
  residentId: string;
  /** The name written on the line; a party must write it, an office may leave it out. */
  name?: string | null;
}

/** What is wrong with a line, on which of its fields, or null when it passes. */
export interface RealNameProblem {
  index: number;
  field: 'residentId' | 'name';
  message: string;
}

/** Checks every line against the register in one query; problems in line order. */
export async function realNameProblems(tx: Db, actor: Actor, lines: readonly RealNameLine[]): Promise<RealNameProblem[]> {
  const ids = [...new Set(lines.map((l) => l.residentId))];
  const rows = ids.length ? await tx.selectFrom('people').select(['resident_id', 'name']).where('resident_id', 'in', ids).execute() : [];
  const registered = new Map(rows.map((r) => [r.resident_id, r.name]));
  const party = isParty(actor);
  const out: RealNameProblem[] = [];
  lines.forEach((line, index) => {
    const written = line.name?.trim() ?? '';
    const name = registered.get(line.residentId);
    if (party) {
      if (written === '') out.push({ index, field: 'name', message: NAME_REQUIRED });
      else if (name === undefined || name !== written) out.push({ index, field: 'residentId', message: REAL_NAME_REFUSED });
      return;
    }
    if (name === undefined) out.push({ index, field: 'residentId', message: UNREGISTERED });
    else if (written !== '' && written !== name) out.push({ index, field: 'name', message: WRONG_NAME });
  });
  return out;
}
