// §5.4 教材: the city lists the textbooks per occupation — national standard ones, and ones developed
// locally for occupations without a standard textbook; audited.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';
import type { TextbookView } from './list-textbooks.ts';

export interface TextbookInput {
  occupationCode: string;
  title: string;
  kind: 'standard' | 'local';
  publisher: string | null;
  edition: string | null;
}

export async function createTextbook(tx: Tx, actor: Actor | null, input: TextbookInput): Promise<TextbookView> {
  const a = requireRole(actor, 'city');
  const known = await tx.selectFrom('catalog_entries').select('name').where('code', '=', input.occupationCode).executeTakeFirst();
  if (!known) throw new AppError('invalid_input', `occupationCode: 补贴目录中没有工种 ${input.occupationCode}`, 'occupationCode');
  try {
    const row = await tx
      .insertInto('textbooks')
      .values({
        occupation_code: input.occupationCode,
        title: input.title.trim(),
        kind: input.kind,
        publisher: input.publisher?.trim() || null,
        edition: input.edition?.trim() || null,
        created_by: actorLabel(a),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      actor: actorLabel(a),
      action: 'textbook.create',
      entity: 'textbook',
      entityId: String(row.id),
      data: { ...input },
    });
    return {
      id: Number(row.id),
      occupationCode: input.occupationCode,
      occupationName: known.name,
      title: input.title.trim(),
      kind: input.kind,
      publisher: input.publisher?.trim() || null,
      edition: input.edition?.trim() || null,
    };
  } catch (e) {
    if ((e as { code?: string }).code === '23505')
      throw new AppError('conflict', `工种 ${input.occupationCode} 已有同名同版次的教材“${input.title.trim()}”`, 'title');
    throw e;
  }
}
