// Online learning (§5.4 网络和移动学习平台; docs/online-learning.md). A provider publishes lessons for a
// class (a video or a document stored here in chunks, with its checksum and who uploaded it, and a
// few check questions); a trainee on the roster studies them, and the server counts verified study
// time from the page's heartbeats into `online_progress` (per lesson and person, capped at the
// lesson's duration) and into `online_study_spans` (the counted intervals, which the risk rules read).
// A viewing is one opening of a lesson; at most one is open per person (a unique index), so no one
// counts two lessons at once.
//
// The share of a class's hours that online time may make up is a dated parameter of the policy
// package (`online.maxSharePercent`); stores made before hold packages without it, which the engine
// would refuse at load, so it is added to them here with the shipped value.
import { sql, type Kysely } from 'kysely';

export const ONLINE_PARAMETERS = {
  'online.maxSharePercent': {
    clause: '§5.4',
    description:
      '网络学时计入实到学时的上限，占本班总课时的百分比（仅技能等级提升、短期岗位技能、就业技能培训）。计划未规定比例，此为市人社局的设定',
    values: [{ from: '2020-01-01', to: '2021-12-31', value: 50 }],
  },
};

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `create table online_lessons (
       id serial primary key,
       class_id text not null references classes(id),
       title text not null check (btrim(title) <> '' and length(title) <= 100),
       kind text not null check (kind in ('video', 'document')),
       duration_seconds int not null check (duration_seconds between 60 and 28800),
       content_type text, file_name text, size_bytes bigint, sha256 text,
       uploaded_by text, uploaded_at timestamptz,
       created_by text not null, created_at timestamptz not null default now(),
       published_at timestamptz, published_by text,
       check (published_at is null or sha256 is not null))`,
    `create index online_lessons_class on online_lessons (class_id)`,
    // The file's bytes in order; read chunk by chunk, so a range request reads only what it sends.
    `create table online_lesson_chunks (
       lesson_id int not null references online_lessons(id) on delete cascade,
       n int not null check (n >= 0),
       data bytea not null,
       primary key (lesson_id, n))`,
    `create table online_questions (
       id serial primary key,
       lesson_id int not null references online_lessons(id) on delete cascade,
       prompt text not null check (btrim(prompt) <> ''),
       options jsonb not null,
       answer int not null check (answer >= 0),
       created_at timestamptz not null default now())`,
    `create table online_viewings (
       id serial primary key,
       lesson_id int not null references online_lessons(id),
       class_id text not null references classes(id),
       resident_id text not null,
       device_hash text not null,
       started_at timestamptz not null,
       last_beat_at timestamptz not null,
       closed_at timestamptz,
       counted_ms bigint not null default 0 check (counted_ms >= 0),
       next_check_at timestamptz,
       check_question_id int references online_questions(id),
       check_asked_at timestamptz,
       wrong_answers int not null default 0,
       span_id int)`,
    // One open viewing per person: two lessons are never counted at once (§5.4, docs/online-learning.md).
    `create unique index online_viewings_one_open on online_viewings (resident_id) where closed_at is null`,
    `create index online_viewings_device on online_viewings (device_hash)`,
    `create table online_progress (
       lesson_id int not null references online_lessons(id),
       resident_id text not null,
       counted_ms bigint not null default 0 check (counted_ms >= 0),
       updated_at timestamptz,
       primary key (lesson_id, resident_id))`,
    `create table online_study_spans (
       id serial primary key,
       viewing_id int not null references online_viewings(id),
       lesson_id int not null references online_lessons(id),
       class_id text not null references classes(id),
       resident_id text not null,
       from_at timestamptz not null,
       to_at timestamptz not null,
       counted_ms bigint not null check (counted_ms >= 0),
       check (to_at >= from_at))`,
    `create index online_study_spans_person on online_study_spans (resident_id, from_at)`,
    `create index online_study_spans_class on online_study_spans (class_id)`,
  ])
    await sql.raw(statement).execute(db);
  await sql`update policy_packages set data = jsonb_set(data, '{parameters}', ${JSON.stringify(ONLINE_PARAMETERS)}::jsonb || (data -> 'parameters'))`.execute(
    db,
  );
}
