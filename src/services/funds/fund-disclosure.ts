// 资金使用公开 (§5.2: the use of the funds is published regularly): for a year or a quarter, the money
// approved and paid by program, by area and by provider, and each fund's budget and spending. Public:
// no login, and nothing personal (counts of people, never who). The period is the training's end date.
import { sql } from 'kysely';
import type { Db } from '../../store/database.ts';
import { periodOf, programName, type Period } from '../reports/report-period.ts';
import { fundAccounts } from './fund-spending.ts';

export interface DisclosureRow {
  key: string;
  name: string;
  claims: number;
  people: number;
  approvedFen: number;
  paidFen: number;
}
export interface FundDisclosure {
  period: Period;
  funds: { id: string; sourceName: string; year: number; budgetFen: number; spentFen: number; paidFen: number; remainingFen: number }[];
  byProgram: DisclosureRow[];
  byArea: DisclosureRow[];
  byProvider: DisclosureRow[];
  totals: Omit<DisclosureRow, 'key' | 'name'>;
  note: string;
}

type Dim = 'program' | 'area_code' | 'provider_id';

async function rowsBy(db: Db, dim: Dim, period: Period) {
  // Aggregate first (by ids), names joined after (STACK-NOTES trap 6).
  const column = sql.ref(`c.${dim}`);
  const rows = await sql<{ key: string | null; claims: string; people: string; approved: string | null; paid: string | null }>`
    select ${column} as key, count(*) as claims, count(distinct c.resident_id) as people,
      sum(r.amount_fen) + coalesce(sum(d.amount_fen), 0) as approved, sum(p.amount_fen) as paid
    from claims c
    join reservations r on r.claim_id = c.id and r.status in ('reserved', 'paid')
    left join (select claim_id, sum(amount_fen) as amount_fen from advance_deductions group by claim_id) d on d.claim_id = c.id
    left join payments p on p.claim_id = c.id
    where c.end_date between ${period.from} and ${period.to}
    group by ${column} order by ${column}`.execute(db);
  return rows.rows.map((r) => ({
    key: r.key,
    claims: Number(r.claims),
    people: Number(r.people),
    approvedFen: Number(r.approved ?? 0),
    paidFen: Number(r.paid ?? 0),
  }));
}

export async function fundDisclosure(db: Db, input: { year: number; quarter?: number | null }): Promise<FundDisclosure> {
  const period = periodOf(input.year, input.quarter);
  const [programs, areas, providers] = await Promise.all([
    rowsBy(db, 'program', period),
    rowsBy(db, 'area_code', period),
    rowsBy(db, 'provider_id', period),
  ]);
  const areaNames = new Map((await db.selectFrom('areas').select(['code', 'name']).execute()).map((a) => [a.code, a.name]));
  const providerIds = providers.map((p) => p.key).filter((k): k is string => k !== null);
  const providerNames = new Map(
    providerIds.length
      ? (await db.selectFrom('providers').select(['id', 'name']).where('id', 'in', providerIds).execute()).map((p) => [p.id, p.name])
      : [],
  );
  const named = (rows: Awaited<ReturnType<typeof rowsBy>>, name: (k: string | null) => string): DisclosureRow[] =>
    rows.map((r) => ({ ...r, key: r.key ?? '', name: name(r.key) }));
  const byProgram = named(programs, (k) => programName(k ?? ''));
  const totals = byProgram.reduce(
    (t, r) => ({ claims: t.claims + r.claims, people: 0, approvedFen: t.approvedFen + r.approvedFen, paidFen: t.paidFen + r.paidFen }),
    { claims: 0, people: 0, approvedFen: 0, paidFen: 0 },
  );
  const people = await sql<{ n: string }>`
    select count(distinct c.resident_id) as n from claims c join reservations r on r.claim_id = c.id and r.status in ('reserved', 'paid')
    where c.end_date between ${period.from} and ${period.to}`.execute(db);
  totals.people = Number(people.rows[0]?.n ?? 0);
  const funds = (await fundAccounts(db, { year: input.year })).map((f) => ({
    id: f.id,
    sourceName: f.sourceName,
    year: f.year,
    budgetFen: f.budgetFen,
    spentFen: f.spentFen,
    paidFen: f.paidFen,
    remainingFen: f.remainingFen,
  }));
  return {
    period,
    funds,
    byProgram,
    byArea: named(areas, (k) => areaNames.get(k ?? '') ?? k ?? ''),
    byProvider: named(providers, (k) => (k ? (providerNames.get(k) ?? k) : '无培训机构（企业或个人直接申领）')),
    totals,
    note: '按培训结束日期统计已批准（含已支付）的补贴；预支款在结算时计入。人数为不重复的受训人数，不公开个人信息。',
  };
}
