// The textbook a class states it uses (§5.4), as the class page shows it: the book with its kind
// (standard or locally developed) and occupation, and whether this reader may change it now.
import type { Tx } from '../../store/audit-log.ts';
import { requireActor, type Actor } from '../access.ts';
import { classInScope } from '../classes/class-scope.ts';
import { notFound } from '../record-scope.ts';
import { TEXTBOOK_SETTABLE } from './set-class-textbook.ts';
import { listTextbookRows, type TextbookView } from './list-textbooks.ts';

export interface ClassTextbookView {
  classId: string;
  occupationCode: string | null;
  textbook: TextbookView | null;
  changeable: boolean;
}

export async function getClassTextbook(tx: Tx, actor: Actor | null, classId: string): Promise<ClassTextbookView> {
  const a = requireActor(actor);
  const cls = await tx
    .selectFrom('classes')
    .select(['id', 'occupation_code', 'textbook_id', 'status'])
    .where('id', '=', classId)
    .where(classInScope(a))
    .executeTakeFirst();
  if (!cls) throw notFound('培训班', classId);
  const [textbook] = cls.textbook_id == null ? [] : await listTextbookRows(tx, [Number(cls.textbook_id)]);
  return {
    classId,
    occupationCode: cls.occupation_code,
    textbook: textbook ?? null,
    // The same who and when as setClassTextbook (classForChange: the class's provider, the offices over it).
    changeable: ['provider', 'county', 'city'].includes(a.role) && (TEXTBOOK_SETTABLE as readonly string[]).includes(cls.status),
  };
}
