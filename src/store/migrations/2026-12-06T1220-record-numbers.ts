// Human-readable record numbers (docs/record-numbers.md): SQ-2021-510422-000123 is the 123rd claim of
// 2021 in 米易县. The database assigns them as a row is inserted, whatever code inserts it (use cases,
// imports, the bulk load path), from one counter row per (kind, year, area) advanced by a single
// `insert … on conflict do update … returning` — never read-then-write — so concurrent inserts on
// PostgreSQL wait on that row and never draw the same number; a unique index on every number column
// is the last guard. A rolled-back insert rolls its counter back too; numbers may still skip where a
// row is deleted, and nothing relies on them being gapless.
// Rows stored before this migration are numbered here, per (year, area) in creation order (created_at,
// then id), so a data folder — the demo's included — reads the same numbers every time it is built.
import { sql, type Kysely } from 'kysely';

/** Per table: the number's prefix, the year and the area it is counted under (SQL over the row `r`). */
export const RECORD_NUMBER_KINDS = [
  // Claims, classes, plans: the year their training starts; notices: the year they start; filings: filed.
  { table: 'claims', prefix: 'SQ', year: 'r.start_date', area: 'r.area_code' },
  { table: 'classes', prefix: 'BJ', year: 'r.start_date', area: 'r.area_code' },
  { table: 'publicity_notices', prefix: 'GS', year: 'r.starts_on', area: 'r.area_code' },
  // A payment batch belongs to its fund's budget year.
  {
    table: 'payment_batches',
    prefix: 'BF',
    year: '(select make_date(f.year, 1, 1) from funds f where f.id = r.fund_id)',
    area: 'r.area_code',
  },
  // §4.3/§4.4 filings and apprenticeship plans are the enterprise's: counted under its area.
  {
    table: 'content_filings',
    prefix: 'BA',
    year: 'r.filed_on',
    area: '(select e.area_code from enterprises e where e.uscc = r.enterprise_uscc)',
  },
  {
    table: 'apprenticeship_plans',
    prefix: 'XT',
    year: 'r.start_date',
    area: '(select e.area_code from enterprises e where e.uscc = r.enterprise_uscc)',
  },
  // §4.9 projects carry no date of their own: the business day they were contracted (the use case sets
  // upskill.business_date for its transaction), else the Beijing calendar day of the insert.
  {
    table: 'projects',
    prefix: 'XM',
    area: 'r.area_code',
    year: `coalesce(nullif(current_setting('upskill.business_date', true), '')::date, (r.created_at at time zone 'Asia/Shanghai')::date)`,
  },
] as const;

// Projects numbered by this migration: the first day one of their classes started, else their creation day.
const BACKFILL_YEAR: Partial<Record<string, string>> = {
  projects: `coalesce((select min(c.start_date) from classes c where c.project_id = r.id), (r.created_at at time zone 'Asia/Shanghai')::date)`,
};

const yearOf = (dateExpr: string) => `extract(year from ${dateExpr})::int`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (s: string) => sql.raw(s).execute(db);
  await run(`create table record_counters (
    prefix text not null, year int not null, area_code text not null, last_value bigint not null check (last_value > 0),
    primary key (prefix, year, area_code))`);
  await run(`create function record_number_text(p_prefix text, p_year int, p_area text, n bigint) returns text
    language sql immutable as $$
      select p_prefix || '-' || p_year::text || '-' || p_area || '-' || case when n < 1000000 then lpad(n::text, 6, '0') else n::text end
    $$`);
  await run(`create function next_record_number(p_prefix text, p_year int, p_area text) returns text language plpgsql as $$
    declare n bigint;
    begin
      if p_year is null or p_area is null then
        raise exception '编号无法生成：缺少年份或地区（%）', p_prefix;
      end if;
      insert into record_counters as c (prefix, year, area_code, last_value) values (p_prefix, p_year, p_area, 1)
        on conflict (prefix, year, area_code) do update set last_value = c.last_value + 1
        returning c.last_value into n;
      return record_number_text(p_prefix, p_year, p_area, n);
    end $$`);

  for (const k of RECORD_NUMBER_KINDS) {
    await run(`alter table ${k.table} add column number text`);
    const backfillYear = yearOf(BACKFILL_YEAR[k.table] ?? k.year);
    await run(`update ${k.table} t set number = record_number_text('${k.prefix}', n.year, n.area, n.seq)
      from (select id, year, area, row_number() over (partition by year, area order by created_at, id) as seq
            from (select r.id, ${backfillYear} as year, ${k.area} as area, r.created_at from ${k.table} r) s) n
      where t.id = n.id`);
    await run(`insert into record_counters (prefix, year, area_code, last_value)
      select '${k.prefix}', year, area, count(*) from (select ${backfillYear} as year, ${k.area} as area from ${k.table} r) s
      group by year, area`);
    await run(`alter table ${k.table} alter column number set not null`);
    await run(`create unique index ${k.table}_number on ${k.table} (number)`);
    // The number is the database's: one given on insert is replaced, and an update cannot change it.
    await run(`create function ${k.table}_assign_number() returns trigger language plpgsql as $$
      declare r ${k.table} := new;
      begin
        if TG_OP = 'UPDATE' then
          new.number := old.number;
        else
          new.number := next_record_number('${k.prefix}', ${yearOf(k.year)}, ${k.area});
        end if;
        return new;
      end $$`);
    await run(`create trigger ${k.table}_number before insert or update of number on ${k.table}
      for each row execute function ${k.table}_assign_number()`);
    // Also in session_replication_role = replica (the bulk load path): a row without a number cannot be stored.
    await run(`alter table ${k.table} enable always trigger ${k.table}_number`);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const k of [...RECORD_NUMBER_KINDS].reverse()) {
    await sql.raw(`drop trigger ${k.table}_number on ${k.table}`).execute(db);
    await sql.raw(`drop function ${k.table}_assign_number()`).execute(db);
    await sql.raw(`alter table ${k.table} drop column number`).execute(db);
  }
  await sql.raw('drop function next_record_number(text, int, text)').execute(db);
  await sql.raw('drop function record_number_text(text, int, text, bigint)').execute(db);
  await sql.raw('drop table record_counters').execute(db);
}
