// Whose supporting documents an actor may see and add, per record, through the record's own scope
// (class-scope.ts, claim-scope.ts, dispute-scope.ts): a record the actor may not see answers exactly as
// one that does not exist. Inside the scope the documents are narrower than the record: the HR offices
// and the §5.7 departments that see the record (reviewers and supervisors), and the party the record
// belongs to — never a trainee on a class roster (labour contracts and teachers' papers name other
// people) nor an enterprise whose employees merely attend someone else's class.
import { sql } from 'kysely';
import type { Tx } from '../../store/transaction.ts';
import type { Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { claimScope } from '../claims/claim-scope.ts';
import { classInScope } from '../classes/class-scope.ts';
import { EDITABLE } from '../classes/class-status.ts';
import { CLASS_STATUS_NAMES, CLAIM_STATUS_NAMES } from '../../vocabulary/statuses.ts';
import { disputeInScope } from '../disputes/dispute-scope.ts';
import { notFound } from '../record-scope.ts';
import type { RecordKind } from './attachment-kinds.ts';

export interface AttachmentRecord {
  kind: RecordKind;
  id: string;
  /** The audit log's entity for the record: its documents sit in the record's own trail. */
  entity: string;
  /** What the record is, for messages (培训班 KB-…, never an id). */
  label: string;
  /** The class's program: it decides which documents are required. */
  program: string | null;
  /** Whether this actor may add (or replace) documents now, and if not, why (shown on refusal). */
  uploadRefusal: string | null;
}

const OFFICE_ROLES = new Set(['city', 'county']);
/** Claims take evidence until approved: review, publicity and its objections may still need it. */
const CLAIM_OPEN = new Set(['submitted', 'decided', 'reviewed', 'publicity']);

/** The record, if the actor may see its documents; otherwise "not found", whatever the reason. */
export async function attachmentRecord(tx: Tx, actor: Actor, kind: RecordKind, id: string, lock = false): Promise<AttachmentRecord> {
  switch (kind) {
    case 'class': {
      let q = tx
        .selectFrom('classes')
        .select(['id', 'number', 'status', 'program', 'enterprise_uscc', 'provider_id'])
        .where('id', '=', id)
        .where(classInScope(actor));
      if (lock) q = q.forUpdate();
      const c = await q.executeTakeFirst();
      const party = actor.role === 'provider' || (actor.role === 'enterprise' && c?.enterprise_uscc === actor.enterpriseUscc);
      if (!c || !(OFFICE_ROLES.has(actor.role) || actor.role === 'department' || party)) throw notFound('培训班', id);
      const status = c.status ?? 'draft';
      let uploadRefusal: string | null = null;
      if (!(OFFICE_ROLES.has(actor.role) || actor.role === 'provider')) uploadRefusal = '只能查看，开班申请的附件由培训机构上传';
      else if (!EDITABLE.includes(status))
        uploadRefusal = `培训班当前状态为“${CLASS_STATUS_NAMES[status]}”，开班申请已提交，附件不能再增加或替换（如需补充，请审查人员退回申请）`;
      else if (actor.role === 'county' && c.enterprise_uscc) {
        const e = await tx.selectFrom('enterprises').select('directly_managed').where('uscc', '=', c.enterprise_uscc).executeTakeFirst();
        if (e?.directly_managed) uploadRefusal = '该企业由市人社局直接管理，培训班由市人社局审查（§5.7）';
      }
      return { kind, id, entity: 'class', label: `培训班 ${c.number}`, program: c.program, uploadRefusal };
    }
    case 'claim': {
      let q = tx.selectFrom('claims').select(['id', 'number', 'status', 'area_code']).where('id', '=', id).where(claimScope(actor));
      if (lock) q = q.forUpdate();
      const c = await q.executeTakeFirst();
      if (!c) throw new AppError('not_found', '没有找到这条申领，或它不在您的办理范围内', 'claimId');
      let uploadRefusal: string | null = null;
      if (actor.role === 'department') uploadRefusal = '只能查看，无权上传申领附件';
      else if (!CLAIM_OPEN.has(c.status)) uploadRefusal = `申领当前状态为“${CLAIM_STATUS_NAMES[c.status]}”，不能再增加或替换附件`;
      return { kind, id, entity: 'claim', label: `申领 ${c.number}`, program: null, uploadRefusal };
    }
    case 'dispute': {
      let q = tx
        .selectFrom('claim_disputes')
        .innerJoin('claims', 'claims.id', 'claim_disputes.claim_id')
        .select(['claim_disputes.id', 'claim_disputes.status', 'claims.number'])
        .where('claim_disputes.id', '=', id)
        .where(disputeInScope(actor));
      if (lock) q = q.forUpdate(['claim_disputes']);
      const d = await q.executeTakeFirst();
      if (!d) throw notFound('异议案件', id);
      const uploadRefusal = d.status === 'resolved' ? '异议案件已办结，不能再增加或替换证据' : null;
      return { kind, id, entity: 'claim_dispute', label: `申领 ${d.number} 的异议案件`, program: null, uploadRefusal };
    }
    case 'objection': {
      let q = tx
        .selectFrom('objections')
        .innerJoin('publicity_notices', 'publicity_notices.id', 'objections.notice_id')
        .select(['objections.id', 'objections.status', 'publicity_notices.number', 'publicity_notices.area_code'])
        .where('objections.id', '=', id)
        .where((eb) =>
          actor.role === 'city'
            ? sql<boolean>`true`
            : actor.role === 'county'
              ? eb('publicity_notices.area_code', '=', actor.areaCode ?? '')
              : sql<boolean>`false`,
        );
      if (lock) q = q.forUpdate(['objections']);
      const o = await q.executeTakeFirst();
      if (!o) throw new AppError('not_found', '没有找到这条异议', 'objectionId');
      const uploadRefusal = o.status === 'open' ? null : '该异议已处理，不能再增加或替换证据';
      return { kind, id, entity: 'objection', label: `公示 ${o.number} 的异议`, program: null, uploadRefusal };
    }
  }
}
