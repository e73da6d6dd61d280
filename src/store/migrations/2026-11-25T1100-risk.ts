// Fraud-risk detection and supervision (§5.2/§5.3): risk scans with their findings (a plain
// Chinese explanation, the evidence rows, the clause) and the classes, claims and providers each
// names; risk scores per subject; reproducible inspection samples (过程监督) and their results;
// sanctions (claim rejected, money recovered, provider suspended) and the public list; third-party
// evaluations of providers.
import { sql, type Kysely } from 'kysely';

const statements = [
  `create table risk_scans (
    id text primary key, parameters_version text not null, findings int not null, unknown jsonb not null,
    scanned_by text not null, scanned_at timestamptz not null default now())`,
  `create table risk_findings (
    id text primary key, scan_id text not null references risk_scans(id), rule text not null, title text not null,
    clause text not null, weight int not null, explanation text not null, evidence jsonb not null)`,
  `create index risk_findings_scan on risk_findings (scan_id, rule)`,
  `create table risk_finding_subjects (
    scan_id text not null references risk_scans(id), finding_id text not null references risk_findings(id),
    kind text not null check (kind in ('class','claim','provider')), ref text not null, resident_id text, area_code text)`,
  `create index risk_finding_subjects_finding on risk_finding_subjects (finding_id)`,
  `create index risk_finding_subjects_ref on risk_finding_subjects (scan_id, kind, ref)`,
  `create table risk_scores (
    scan_id text not null references risk_scans(id), kind text not null check (kind in ('class','claim','provider')), ref text not null,
    area_code text, score int not null, rules jsonb not null, findings int not null, primary key (scan_id, kind, ref))`,
  `create index risk_scores_rank on risk_scores (scan_id, kind, score desc)`,
  `create table risk_samples (
    id text primary key, seed text not null, scan_id text references risk_scans(id), area_code text references areas(code),
    population int not null, drawn int not null, parameters jsonb not null,
    created_by text not null, created_at timestamptz not null default now())`,
  `create table risk_inspections (
    id text primary key, sample_id text not null references risk_samples(id), class_id text not null references classes(id),
    score int not null, probability double precision not null, draw double precision not null,
    status text not null default 'planned' check (status in ('planned','done')),
    result text check (result in ('clean','irregular')), note text, inspected_on date, inspected_by text, recorded_at timestamptz)`,
  `create index risk_inspections_class on risk_inspections (class_id)`,
  `create table risk_sanctions (
    id text primary key, kind text not null check (kind in ('claim_rejected','money_recovered','provider_suspended','provider_delisted')),
    claim_id text references claims(id), provider_id text references providers(id), recovery_id bigint references recoveries(id),
    amount_fen bigint, area_code text not null references areas(code), reason text not null, basis jsonb not null,
    public_party text not null, sanctioned_on date not null, created_by text not null, created_at timestamptz not null default now())`,
  `create index risk_sanctions_date on risk_sanctions (sanctioned_on)`,
  `create table provider_evaluations (
    id text primary key, provider_id text not null references providers(id), evaluator text not null, evaluated_on date not null,
    score numeric not null, pass_score numeric not null, passed boolean not null, note text, status_change text,
    created_by text not null, created_at timestamptz not null default now())`,
  `create index provider_evaluations_provider on provider_evaluations (provider_id, evaluated_on)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
