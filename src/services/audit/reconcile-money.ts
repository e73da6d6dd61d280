// The money tables against the audit log. Each money row was written in the same transaction as an
// audit entry carrying its amount (approve: the reservation and any advance deducted; pay: the
// payment; advances, recoveries, fund budgets). A row edited or deleted in SQL afterwards, or added
// without its entry, no longer agrees with the (hash-chained, checkpointed) log, and is named here.
// The log's own integrity is verify-audit-log.ts's part; this trusts the entries it reads.
import { sql } from 'kysely';
import { formatYuan } from '../../policy/money.ts';
import type { Db } from '../../store/database.ts';

export interface MoneyProblem {
  table: 'payments' | 'reservations' | 'payment_batch_items' | 'advance_deductions' | 'advances' | 'recoveries' | 'funds';
  /** The row named in words an operator can look up (payment number, claim, advance, fund). */
  ref: string;
  /** The audit entry compared with, when there is one. */
  seq: number | null;
  message: string;
}

/** At most this many problems are read per check: enough to act on, bounded for a ruined database. */
const LIMIT = 200;

interface Row {
  ref: string;
  fen: number | null;
  seq: number | null;
  audited: string | null;
  other: string | null;
  audited_other: string | null;
}

const yuan = (fen: number | null) => (fen === null ? '（无）' : formatYuan(Number(fen)));
/** An audited amount as written (an entry is JSON: show what it holds even when it is not a number). */
const auditedYuan = (text: string | null) => (text === null ? '（无金额）' : /^-?\d+$/.test(text) ? formatYuan(Number(text)) : text);

// The latest approval of each claim carries its reservation and its advance deduction (approve-claim.ts).
const APPROVALS = sql`(select distinct on (entity_id) entity_id as claim_id, seq, data from audit_log where action = 'claim.approve' order by entity_id, seq desc)`;

async function rows(db: Db, query: ReturnType<typeof sql<Row>>): Promise<Row[]> {
  return (await query.execute(db)).rows;
}

export async function reconcileMoney(db: Db): Promise<MoneyProblem[]> {
  const out: MoneyProblem[] = [];
  const add = (table: MoneyProblem['table'], list: Row[], message: (r: Row) => string) => {
    for (const r of list) out.push({ table, ref: r.ref, seq: r.seq === null ? null : Number(r.seq), message: message(r) });
  };

  // Payments: each row and its claim.pay entry (same claim, same payment number).
  add(
    'payments',
    await rows(
      db,
      sql<Row>`
    select p.id::text || '（申领 ' || p.claim_id || '）' as ref, p.amount_fen as fen, a.seq, a.data->>'amountFen' as audited, null as other, null as audited_other
    from payments p left join audit_log a on a.action = 'claim.pay' and a.entity_id = p.claim_id and a.data->>'paymentId' = p.id::text
    where a.seq is null or a.data->>'amountFen' is distinct from p.amount_fen::text
    order by p.id limit ${LIMIT}`,
    ),
    (r) =>
      r.seq === null
        ? `支付 #${r.ref}金额 ${yuan(r.fen)}：审计日志中没有这笔支付`
        : `支付 #${r.ref}金额 ${yuan(r.fen)}，与审计日志第 ${r.seq} 条记录的 ${auditedYuan(r.audited)} 不符`,
  );
  add(
    'payments',
    await rows(
      db,
      sql<Row>`
    select coalesce(a.data->>'paymentId', '（无编号）') || '（申领 ' || a.entity_id || '）' as ref, null as fen, a.seq, a.data->>'amountFen' as audited, null as other, null as audited_other
    from audit_log a where a.action = 'claim.pay'
      and not exists (select 1 from payments p where p.claim_id = a.entity_id and p.id::text = a.data->>'paymentId')
    order by a.seq limit ${LIMIT}`,
    ),
    (r) => `审计日志第 ${r.seq} 条记录的支付 #${r.ref}（${auditedYuan(r.audited)}）在支付表中不存在`,
  );

  // Reservations: amount and fund as the approval recorded them.
  add(
    'reservations',
    await rows(
      db,
      sql<Row>`
    select r.claim_id as ref, r.amount_fen as fen, a.seq, a.data->>'reservedFen' as audited, r.fund_id as other, a.data->>'fundId' as audited_other
    from reservations r left join ${APPROVALS} a on a.claim_id = r.claim_id
    where a.seq is null or a.data->>'reservedFen' is distinct from r.amount_fen::text or a.data->>'fundId' is distinct from r.fund_id
    order by r.claim_id limit ${LIMIT}`,
    ),
    (r) =>
      r.seq === null
        ? `申领 ${r.ref} 的预留资金 ${yuan(r.fen)}：审计日志中没有批准记录`
        : r.audited !== String(r.fen)
          ? `申领 ${r.ref} 的预留资金 ${yuan(r.fen)}，与审计日志第 ${r.seq} 条（批准）记录的 ${auditedYuan(r.audited)} 不符`
          : `申领 ${r.ref} 的预留资金记在 ${r.other}，审计日志第 ${r.seq} 条（批准）记为 ${r.audited_other}`,
  );
  add(
    'reservations',
    await rows(
      db,
      sql<Row>`
    select a.claim_id as ref, null as fen, a.seq, a.data->>'reservedFen' as audited, null as other, null as audited_other
    from ${APPROVALS} a where not exists (select 1 from reservations r where r.claim_id = a.claim_id)
    order by a.seq limit ${LIMIT}`,
    ),
    (r) => `审计日志第 ${r.seq} 条批准申领 ${r.ref} 并预留 ${auditedYuan(r.audited)}，预留记录不存在`,
  );

  // Batch lines: a line pays what the approval reserved.
  add(
    'payment_batch_items',
    await rows(
      db,
      sql<Row>`
    select i.batch_id || ' 中的申领 ' || i.claim_id as ref, i.amount_fen as fen, a.seq, a.data->>'reservedFen' as audited, null as other, null as audited_other
    from payment_batch_items i left join ${APPROVALS} a on a.claim_id = i.claim_id
    where a.seq is null or a.data->>'reservedFen' is distinct from i.amount_fen::text
    order by i.batch_id, i.claim_id limit ${LIMIT}`,
    ),
    (r) =>
      r.seq === null
        ? `支付批次 ${r.ref} 金额 ${yuan(r.fen)}：审计日志中没有该申领的批准记录`
        : `支付批次 ${r.ref} 金额 ${yuan(r.fen)}，与审计日志第 ${r.seq} 条（批准）预留的 ${auditedYuan(r.audited)} 不符`,
  );

  // Advance deductions: recorded with the approval that made them.
  add(
    'advance_deductions',
    await rows(
      db,
      sql<Row>`
    select d.claim_id as ref, d.amount_fen as fen, a.seq, a.data->>'advanceDeductedFen' as audited, d.advance_id as other, a.data->>'advanceId' as audited_other
    from advance_deductions d left join ${APPROVALS} a on a.claim_id = d.claim_id
    where a.seq is null or a.data->>'advanceDeductedFen' is distinct from d.amount_fen::text or a.data->>'advanceId' is distinct from d.advance_id
    order by d.claim_id limit ${LIMIT}`,
    ),
    (r) =>
      r.seq === null
        ? `申领 ${r.ref} 抵扣预支 ${yuan(r.fen)}：审计日志中没有批准记录`
        : `申领 ${r.ref} 抵扣预支 ${r.other} ${yuan(r.fen)}，与审计日志第 ${r.seq} 条（批准）记录的 ${r.audited_other ?? '（无）'} ${auditedYuan(r.audited)} 不符`,
  );

  // Advances: the amount paid out and the fund it came from.
  add(
    'advances',
    await rows(
      db,
      sql<Row>`
    select v.id as ref, v.amount_fen as fen, a.seq, a.data->>'amountFen' as audited, v.fund_id as other, a.data->>'fundId' as audited_other
    from advances v left join audit_log a on a.action = 'advance.pay' and a.entity_id = v.id
    where a.seq is null or a.data->>'amountFen' is distinct from v.amount_fen::text or a.data->>'fundId' is distinct from v.fund_id
    order by v.id limit ${LIMIT}`,
    ),
    (r) =>
      r.seq === null
        ? `预支 ${r.ref} 金额 ${yuan(r.fen)}：审计日志中没有这笔预支`
        : `预支 ${r.ref} 金额 ${yuan(r.fen)}（${r.other}），与审计日志第 ${r.seq} 条记录的 ${auditedYuan(r.audited)}（${r.audited_other}）不符`,
  );
  add(
    'advances',
    await rows(
      db,
      sql<Row>`
    select a.entity_id as ref, null as fen, a.seq, a.data->>'amountFen' as audited, null as other, null as audited_other
    from audit_log a where a.action = 'advance.pay' and not exists (select 1 from advances v where v.id = a.entity_id)
    order by a.seq limit ${LIMIT}`,
    ),
    (r) => `审计日志第 ${r.seq} 条记录的预支 ${r.ref}（${auditedYuan(r.audited)}）在预支表中不存在`,
  );

  // Recoveries: of a paid claim (claim.recover) or of an advance (advance.recover), by recovery number.
  // An advance's recovery entry written before it carried the recovery number names the advance instead.
  const recovered = sql`(select seq, action, entity_id, data from audit_log where action in ('claim.recover', 'advance.recover'))`;
  add(
    'recoveries',
    await rows(
      db,
      sql<Row>`
    select r.id::text || '（' || coalesce('申领 ' || r.claim_id, '预支 ' || r.advance_id) || '）' as ref, r.amount_fen as fen, a.seq, a.data->>'amountFen' as audited, null as other, null as audited_other
    from recoveries r left join ${recovered} a on a.data->>'recoveryId' = r.id::text
      or (a.data->>'recoveryId' is null and a.action = 'advance.recover' and a.entity_id = r.advance_id)
    where a.seq is null or a.data->>'amountFen' is distinct from r.amount_fen::text
    order by r.id limit ${LIMIT}`,
    ),
    (r) =>
      r.seq === null
        ? `追回 #${r.ref}金额 ${yuan(r.fen)}：审计日志中没有这笔追回`
        : `追回 #${r.ref}金额 ${yuan(r.fen)}，与审计日志第 ${r.seq} 条记录的 ${auditedYuan(r.audited)} 不符`,
  );
  add(
    'recoveries',
    await rows(
      db,
      sql<Row>`
    select a.data->>'recoveryId' as ref, null as fen, a.seq, a.data->>'amountFen' as audited, null as other, null as audited_other
    from ${recovered} a where not exists (select 1 from recoveries r where r.id::text = a.data->>'recoveryId'
      or (a.data->>'recoveryId' is null and a.action = 'advance.recover' and r.advance_id = a.entity_id))
    order by a.seq limit ${LIMIT}`,
    ),
    (r) => `审计日志第 ${r.seq} 条记录的追回 #${r.ref ?? '（无编号）'}（${auditedYuan(r.audited)}）在追回表中不存在`,
  );

  // Fund budgets as registered.
  add(
    'funds',
    await rows(
      db,
      sql<Row>`
    select f.id as ref, f.budget_fen as fen, a.seq, a.data->>'budgetFen' as audited, null as other, null as audited_other
    from funds f left join audit_log a on a.action = 'fund.create' and a.entity_id = f.id
    where a.seq is null or a.data->>'budgetFen' is distinct from f.budget_fen::text
    order by f.id limit ${LIMIT}`,
    ),
    (r) =>
      r.seq === null
        ? `资金 ${r.ref} 预算 ${yuan(r.fen)}：审计日志中没有登记记录`
        : `资金 ${r.ref} 预算 ${yuan(r.fen)}，与审计日志第 ${r.seq} 条记录的 ${auditedYuan(r.audited)} 不符`,
  );
  add(
    'funds',
    await rows(
      db,
      sql<Row>`
    select a.entity_id as ref, null as fen, a.seq, a.data->>'budgetFen' as audited, null as other, null as audited_other
    from audit_log a where a.action = 'fund.create' and not exists (select 1 from funds f where f.id = a.entity_id)
    order by a.seq limit ${LIMIT}`,
    ),
    (r) => `审计日志第 ${r.seq} 条登记的资金 ${r.ref}（预算 ${auditedYuan(r.audited)}）在资金表中不存在`,
  );

  return out;
}
