// The trainee chooses (§5.5: people pick their programme and provider) and the city's shared
// capacity (§5.4: public training bases, standard and local textbooks, skills competitions);
// docs/open-classes.md.
//
// - A class may open to public enrolment: the provider opts in with a number of seats and a last day
//   to apply. A registered person applies; the provider accepts (the person joins the roster) or
//   declines with a reason. One live application per person per class is a unique index, not a check
//   in code; seats are guarded by the class row's lock in the accepting use case.
// - A base's bookings occupy half-hour slots; a slot is a primary key (base, day, slot), so two
//   bookings of the same time are refused by the database on PGlite and PostgreSQL alike (an
//   exclusion constraint would need btree_gist, which PGlite does not load by default).
// - Consumables are priced in integer fen; a booking line freezes the unit price and its total is a
//   checked product.
import { sql, type Kysely } from 'kysely';

/** A before-insert trigger giving a table the record numbers of record-numbers (same counter function). */
const numbered = (table: string, prefix: string, year: string, area: string) => [
  `alter table ${table} add column number text`,
  `create unique index ${table}_number on ${table} (number)`,
  `create function ${table}_assign_number() returns trigger language plpgsql as $$
    declare r ${table} := new;
    begin
      if TG_OP = 'UPDATE' then
        new.number := old.number;
      else
        new.number := next_record_number('${prefix}', extract(year from ${year})::int, ${area});
      end if;
      return new;
    end $$`,
  `create trigger ${table}_number before insert or update of number on ${table}
    for each row execute function ${table}_assign_number()`,
  `alter table ${table} enable always trigger ${table}_number`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    // §5.4 textbooks per occupation: a national standard one, or one developed locally.
    `create table textbooks (
      id bigserial primary key, occupation_code text not null, title text not null,
      kind text not null check (kind in ('standard', 'local')), publisher text, edition text,
      created_by text not null, created_at timestamptz not null default now())`,
    `create unique index textbooks_title on textbooks (occupation_code, title, coalesce(edition, ''))`,

    // Public enrolment on the class (all optional: a class that does not opt in is as before).
    `alter table classes add column public_enrolment boolean not null default false`,
    `alter table classes add column seats int check (seats is null or seats between 1 and 2000)`,
    `alter table classes add column enrol_by date`,
    `alter table classes add column textbook_id bigint references textbooks(id)`,
    `alter table classes add constraint classes_public_seats check (not public_enrolment or seats is not null)`,
    `create index classes_open on classes (start_date) where public_enrolment and status = 'approved'`,

    `create table class_applications (
      id text primary key, class_id text not null references classes(id),
      resident_id text not null references people(resident_id),
      status text not null default 'applied' check (status in ('applied', 'accepted', 'declined', 'withdrawn')),
      note text, decline_reason text, applied_at timestamptz not null default now(),
      decided_by text, decided_at timestamptz,
      check (status <> 'declined' or coalesce(btrim(decline_reason), '') <> ''))`,
    // One live application per person per class.
    `create unique index class_applications_live on class_applications (class_id, resident_id)
      where status in ('applied', 'accepted')`,
    `create index class_applications_person on class_applications (resident_id, applied_at)`,
    ...numbered(
      'class_applications',
      'BM',
      '(select c.start_date from classes c where c.id = r.class_id)',
      '(select c.area_code from classes c where c.id = r.class_id)',
    ),

    // §5.4 public training bases: open to providers, enterprises and colleges; consumables only.
    `create table training_bases (
      id text primary key, name text not null unique, address text not null,
      area_code text not null references areas(code), equipment text not null default '',
      capacity int not null check (capacity between 1 and 10000),
      created_by text not null, created_at timestamptz not null default now())`,
    `create table base_consumables (
      id bigserial primary key, base_id text not null references training_bases(id), name text not null,
      unit text not null, price_fen bigint not null check (price_fen > 0 and price_fen <= 100000000),
      unique (base_id, name))`,
    `create table base_bookings (
      id text primary key, base_id text not null references training_bases(id),
      class_id text references classes(id),
      booker_role text not null check (booker_role in ('provider', 'enterprise', 'college', 'city', 'county')),
      booker_name text not null, booker_ref text,
      day date not null, starts_at time not null, ends_at time not null, seats int not null check (seats > 0),
      purpose text not null default '',
      consumables_fen bigint not null check (consumables_fen >= 0),
      status text not null default 'booked' check (status in ('booked', 'cancelled')),
      cancel_reason text, cancelled_by text, cancelled_at timestamptz,
      created_by text not null, created_at timestamptz not null default now(),
      check (starts_at < ends_at),
      check (status <> 'cancelled' or coalesce(btrim(cancel_reason), '') <> ''))`,
    `create index base_bookings_day on base_bookings (base_id, day)`,
    `create index base_bookings_class on base_bookings (class_id)`,
    ...numbered('base_bookings', 'YY', 'r.day', '(select b.area_code from training_bases b where b.id = r.base_id)'),
    `create table base_booking_items (
      booking_id text not null references base_bookings(id), consumable_id bigint not null references base_consumables(id),
      name text not null, unit text not null, unit_price_fen bigint not null check (unit_price_fen > 0),
      quantity int not null check (quantity between 1 and 1000000), line_fen bigint not null,
      check (line_fen = unit_price_fen * quantity), primary key (booking_id, consumable_id))`,
    // Half-hour slots (0 = 00:00–00:30 … 47): a booked slot is held by exactly one live booking.
    `create table base_booking_slots (
      base_id text not null references training_bases(id), day date not null,
      slot smallint not null check (slot between 0 and 47), booking_id text not null references base_bookings(id),
      primary key (base_id, day, slot))`,
    `create index base_booking_slots_booking on base_booking_slots (booking_id)`,

    // §5.4 skills competitions and each person's result.
    `create table competitions (
      id bigserial primary key, name text not null, held_on date not null, occupation_code text not null,
      organiser text not null, area_code text not null references areas(code),
      created_by text not null, created_at timestamptz not null default now(), unique (name, held_on))`,
    `create table competition_results (
      competition_id bigint not null references competitions(id), resident_id text not null references people(resident_id),
      rank int check (rank is null or rank between 1 and 100000), award text not null,
      recorded_by text not null, recorded_at timestamptz not null default now(),
      primary key (competition_id, resident_id))`,
    `create index competition_results_person on competition_results (resident_id)`,
  ])
    await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'drop table competition_results',
    'drop table competitions',
    'drop table base_booking_slots',
    'drop table base_booking_items',
    'drop table base_bookings',
    'drop function base_bookings_assign_number()',
    'drop table base_consumables',
    'drop table training_bases',
    'drop table class_applications',
    'drop function class_applications_assign_number()',
    'alter table classes drop constraint classes_public_seats',
    'alter table classes drop column textbook_id',
    'alter table classes drop column enrol_by',
    'alter table classes drop column seats',
    'alter table classes drop column public_enrolment',
    'drop table textbooks',
  ])
    await sql.raw(statement).execute(db);
}
