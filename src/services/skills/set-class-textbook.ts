// A class states the textbook it uses (§5.4: standardised teaching material): one listed for the
// class's occupation, or none; allowed until the class is closed; audited.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';
import { classForChange } from '../classes/class-scope.ts';
import { assertClassStatus } from '../classes/class-status.ts';

/** A class may change its textbook until the office closes it. */
export const TEXTBOOK_SETTABLE = ['draft', 'returned', 'submitted', 'approved', 'running', 'assessed'] as const;

export async function setClassTextbook(
  tx: Tx,
  actor: Actor | null,
  classId: string,
  input: { textbookId: number | null },
): Promise<{ classId: string; textbookId: number | null; title: string | null }> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const cls = await classForChange(tx, a, classId);
  assertClassStatus(cls.status, TEXTBOOK_SETTABLE, '设置教材');
  let title: string | null = null;
  if (input.textbookId != null) {
    const book = await tx.selectFrom('textbooks').selectAll().where('id', '=', input.textbookId).executeTakeFirst();
    if (!book) throw new AppError('invalid_input', 'textbookId: 没有这本教材', 'textbookId');
    if (book.occupation_code !== cls.occupation_code)
      throw new AppError('invalid_input', `textbookId: 教材“${book.title}”属于工种 ${book.occupation_code}，与本班工种不符`, 'textbookId');
    title = book.title;
  }
  await tx
    .updateTable('classes')
    .set({ textbook_id: input.textbookId, updated_by: actorLabel(a), updated_at: new Date() })
    .where('id', '=', classId)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'class.textbook_set',
    entity: 'class',
    entityId: classId,
    data: { number: cls.number, textbookId: input.textbookId, title },
  });
  return { classId, textbookId: input.textbookId, title };
}
