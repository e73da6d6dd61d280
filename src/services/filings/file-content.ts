// §4.3/§4.4 (§5.5 审核备案): an enterprise files the content of its own short-term or pre-job
// training with its HR office before the training starts (the class-opening review checks the date).
import { newUuid } from '../../store/ids.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertDate } from '../identifiers.ts';
import { notFound } from '../record-scope.ts';
import { managesEnterprise } from '../enterprises/enterprise-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { filingView, type FilingView } from './filing-view.ts';

export const FILED_PROGRAMS = ['short_term', 'pre_job'] as const;

export interface FileContentInput {
  enterpriseUscc: string;
  program: (typeof FILED_PROGRAMS)[number];
  title: string;
  content: string;
  filedOn: string;
}

export async function fileContent(tx: Tx, actor: Actor | null, input: FileContentInput): Promise<FilingView> {
  const a = requireRole(actor, 'enterprise', 'county', 'city');
  if (!FILED_PROGRAMS.includes(input.program))
    throw new AppError('invalid_input', 'program: 只有短期岗位技能培训（§4.3）和岗前技能培训（§4.4）需要备案', 'program');
  assertDate(input.filedOn, 'filedOn');
  const e = await tx
    .selectFrom('enterprises')
    .select(['uscc', 'area_code', 'directly_managed'])
    .where('uscc', '=', input.enterpriseUscc)
    .executeTakeFirst();
  const mine = a.role === 'enterprise' ? a.enterpriseUscc === input.enterpriseUscc : e !== undefined && managesEnterprise(a, e);
  if (!e || !mine) throw notFound('企业', input.enterpriseUscc);
  const row = await tx
    .insertInto('content_filings')
    .values({
      id: newUuid(),
      enterprise_uscc: input.enterpriseUscc,
      program: input.program,
      title: input.title,
      content: input.content,
      filed_on: input.filedOn,
      status: 'filed',
      created_by: actorLabel(a),
      updated_by: null,
      updated_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'filing.create',
    entity: 'content_filing',
    entityId: row.id,
    data: { number: row.number, enterpriseUscc: input.enterpriseUscc, program: input.program, filedOn: input.filedOn },
  });
  return filingView(row);
}
