// Revoking a registry certificate, and the evaluation body's own login (docs/certificates.md).
// A certificate issued in error or obtained by fraud is revoked by its issuer or the city: the row
// stays (never deleted), marked with the business date, the reason and who revoked it; a revocation is
// final (a trigger refuses to change or clear it, and refuses deleting a certificate). A claim whose
// certificate is revoked gets the check status 'revoked' (held out of payment). A login of the role
// 'evaluator' is bound to one evaluation body (users.issuer_id).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `alter table registry_certificates
       add column revoked_on date, add column revoked_reason text, add column revoked_by text, add column revoked_at timestamptz,
       add constraint registry_certificates_revocation_whole check (
         (revoked_on is null) = (revoked_reason is null) and (revoked_on is null) = (revoked_by is null)
         and (revoked_on is null) = (revoked_at is null))`,
    `create function registry_certificates_kept() returns trigger language plpgsql as $$
     begin
       if tg_op = 'DELETE' then
         raise exception 'registry_certificates: certificate % is never deleted (revoke it instead)', old.id
           using errcode = '23514', constraint = 'registry_certificates_kept';
       end if;
       if old.revoked_on is not null and (new.revoked_on is distinct from old.revoked_on
           or new.revoked_reason is distinct from old.revoked_reason or new.revoked_by is distinct from old.revoked_by) then
         raise exception 'registry_certificates: certificate % is already revoked', old.id
           using errcode = '23514', constraint = 'registry_certificates_kept';
       end if;
       return new;
     end $$`,
    `create trigger registry_certificates_kept before update or delete on registry_certificates
       for each row execute function registry_certificates_kept()`,
    `alter table claim_certificate_checks drop constraint claim_certificate_checks_status_check`,
    `alter table claim_certificate_checks add constraint claim_certificate_checks_status_check
       check (status in ('verified','not_found','mismatch','outsider','not_applicable','revoked'))`,
    `alter table users add column issuer_id text references certificate_issuers(id)`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
