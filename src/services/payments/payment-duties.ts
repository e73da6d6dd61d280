// Maker–checker on payment batches (§5.7: the city bureau pays with the finance bureau; a finance
// office separates 经办 / 复核 / 支付): a login acts on a batch only through a payment duty it holds —
// build (经办: 编制、取消草稿), confirm (复核: 确认), pay (支付) — which the city sets on the users
// screen; and one person never checks their own work: whoever built a batch cannot confirm it, whoever
// confirmed it cannot pay it. The rules are here once: the use cases enforce them and the batch view
// lists the acts they leave the viewer (`allowedActs`), which is all the browser shows.
import type { Kysely } from 'kysely';
import type { Database, PaymentDuty } from '../../store/schema.ts';
import { actorLabel, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { DUTY_NAMES, dutiesForRole } from '../../vocabulary/roles.ts';
import { BATCH_STATUS_NAMES, type BatchStatus } from '../../vocabulary/statuses.ts';

/** The duties the login holds now (read from the record, not the session: a change by the city applies at once). */
export async function dutiesOf(tx: Kysely<Database>, actor: Actor): Promise<Set<PaymentDuty>> {
  const row = await tx.selectFrom('users').select(['payment_duties', 'active']).where('id', '=', actor.userId).executeTakeFirst();
  if (!row || !row.active) return new Set();
  const allowed = new Set(dutiesForRole(actor.role, actor.department));
  return new Set((row.payment_duties ?? []).filter((d) => allowed.has(d)));
}

export async function requireDuty(tx: Kysely<Database>, actor: Actor, duty: PaymentDuty): Promise<Set<PaymentDuty>> {
  const held = await dutiesOf(tx, actor);
  if (!held.has(duty)) throw new AppError('forbidden', `您没有“${DUTY_NAMES[duty]}”职责，不能进行此操作；职责由市人社局在用户管理中设置`);
  return held;
}

/**
 * bank_file: download the bank's payment file (支付 duty, once per issue); bank_return: import the
 * bank's return file (支付 duty); reissue: authorize another issue of the file (复核 duty, with a reason).
 */
export type BatchAct = 'confirm' | 'pay' | 'cancel' | 'bank_file' | 'bank_return' | 'reissue';

/** Where the batch stands with the bank (bank-file.ts): none of it before the batch is confirmed. */
export interface BankFacts {
  /** The latest issue of the bank file, and who downloaded it (null while it waits for download). */
  issue: number | null;
  downloadedBy: string | null;
  /** Lines without the bank's outcome yet. */
  unsettled: number;
}

interface BatchFacts {
  status: BatchStatus;
  area_code: string;
  created_by: string;
  confirmed_by: string | null;
  /** The bank's reference when the batch was paid without the bank file (线下支付). */
  offline_ref?: string | null;
  bank?: BankFacts;
}

/** Why the actor may not take the act on the batch (a 403/409 error), or null when they may. */
export function batchActRefusal(actor: Actor, held: ReadonlySet<PaymentDuty>, batch: BatchFacts, act: BatchAct): AppError | null {
  const me = actorLabel(actor);
  const inArea = actor.role !== 'county' || actor.areaCode === batch.area_code;
  switch (act) {
    case 'confirm':
      if (!held.has('confirm')) return new AppError('forbidden', `您没有“${DUTY_NAMES.confirm}”职责，不能确认支付批次`);
      if (batch.status !== 'draft')
        return new AppError(
          'invalid_transition',
          `支付批次当前状态为“${BATCH_STATUS_NAMES[batch.status] ?? batch.status}”，只有草稿可以确认`,
          'batchId',
        );
      if (batch.created_by === me)
        return new AppError('conflict', '您编制了这个支付批次，不能由您本人复核确认；请由另一位有复核职责的人员确认', 'batchId');
      return null;
    case 'pay':
      if (!held.has('pay') || !inArea) return new AppError('forbidden', `您没有“${DUTY_NAMES.pay}”职责，不能支付该批次`);
      if (batch.status === 'draft') return new AppError('invalid_transition', '支付批次尚未确认，不能支付', 'batchId');
      if (batch.status === 'cancelled') return new AppError('invalid_transition', '支付批次已取消，不能支付', 'batchId');
      if (batch.confirmed_by === me)
        return new AppError('conflict', '您复核确认了这个支付批次，不能由您本人支付；请由另一位有支付职责的人员支付', 'batchId');
      if (batch.bank?.downloadedBy)
        return new AppError(
          'invalid_transition',
          '本批次的银行支付文件已下载，支付结果以银行回单为准：请导入银行回单，不能再直接登记支付',
          'batchId',
        );
      return null;
    case 'bank_file': {
      const pay = batchActRefusal(actor, held, { ...batch, bank: undefined }, 'pay');
      if (pay) return pay;
      if (batch.status === 'paid') return new AppError('invalid_transition', '支付批次已全部结算，无需再生成银行支付文件', 'batchId');
      if (batch.offline_ref)
        return new AppError(
          'invalid_transition',
          `本批次已按银行凭证号 ${batch.offline_ref} 登记线下支付，不能再下载银行支付文件（否则同一笔补贴会被再付一次）`,
          'batchId',
        );
      if (!batch.bank?.issue) return new AppError('invalid_transition', '支付批次尚未确认，没有可下载的银行支付文件', 'batchId');
      if (batch.bank.downloadedBy)
        return new AppError(
          'conflict',
          `第 ${batch.bank.issue} 次签发的银行支付文件已由 ${batch.bank.downloadedBy} 下载，每次签发只能下载一次；如银行未受理该文件，须由有复核职责的人员“重新签发”后再下载`,
          'batchId',
        );
      return null;
    }
    case 'bank_return':
      if (!held.has('pay') || !inArea) return new AppError('forbidden', `您没有“${DUTY_NAMES.pay}”职责，不能导入银行回单`);
      if (!batch.bank?.downloadedBy)
        return new AppError('invalid_transition', '本批次的银行支付文件尚未下载，没有可导入的银行回单', 'batchId');
      return null;
    case 'reissue':
      if (!held.has('confirm')) return new AppError('forbidden', `您没有“${DUTY_NAMES.confirm}”职责，不能重新签发银行支付文件`);
      if (!batch.bank?.downloadedBy) return new AppError('invalid_transition', '当前签发的银行支付文件尚未下载，无需重新签发', 'batchId');
      if (batch.bank.unsettled === 0) return new AppError('invalid_transition', '本批次各笔均已有银行结果，无需重新签发', 'batchId');
      if (batch.bank.downloadedBy === me)
        return new AppError('conflict', '您下载了当前的银行支付文件，不能由您本人重新签发；请由另一位有复核职责的人员签发', 'batchId');
      return null;
    case 'cancel':
      if (!(held.has('build') && inArea) && !held.has('confirm'))
        return new AppError('forbidden', '只有有经办或复核职责的人员可以取消支付批次');
      if (batch.status !== 'draft')
        return new AppError(
          'invalid_transition',
          `支付批次当前状态为“${BATCH_STATUS_NAMES[batch.status] ?? batch.status}”，只有草稿可以取消`,
          'batchId',
        );
      return null;
  }
}

/** The acts the viewer may take on the batch now, in the order the screen shows them. */
export function allowedBatchActs(actor: Actor, held: ReadonlySet<PaymentDuty>, batch: BatchFacts): BatchAct[] {
  return (['confirm', 'pay', 'cancel', 'bank_file', 'bank_return', 'reissue'] as const).filter(
    (act) => batchActRefusal(actor, held, batch, act) === null,
  );
}
