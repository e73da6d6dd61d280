// Public verification (§5.5 公开; docs/certificates.md): anyone may ask whether a certificate number is
// in the registry under a name. The answer is 有效 with what the certificate itself states (type,
// occupation and level or specification, issue date, issuer) or 未找到 — never the resident ID, never
// which half did not match. A revoked certificate answers 已撤销 with the type, the issuer and the date
// of revocation — never the reason, which may concern the person. Asking is rate-limited per address, counted in one statement before the
// look-up (the login throttle's table and way), so parallel guesses are each counted.
import { sql } from 'kysely';
import type { Db } from '../../store/database.ts';
import { AppError } from '../app-error.ts';
import { levelName, normalNumber, typeName } from './registry-rules.ts';

export const VERIFY_LIMIT = { windowMinutes: 10, perAddress: 30 } as const;

async function countAsk(db: Db, ip: string): Promise<number> {
  const window = sql.raw(`interval '${VERIFY_LIMIT.windowMinutes} minutes'`);
  const { rows } = await sql<{ failures: number }>`
    insert into login_throttle (key, failures, window_started) values (${`cert-verify:${ip}`}, 1, now())
    on conflict (key) do update set
      failures = case when login_throttle.window_started < now() - ${window} then 1 else login_throttle.failures + 1 end,
      window_started = case when login_throttle.window_started < now() - ${window} then now() else login_throttle.window_started end
    returning failures`.execute(db);
  return Number(rows[0]!.failures);
}

export type VerifyAnswer =
  | {
      found: true;
      status: '有效';
      typeName: string;
      occupation: string | null;
      levelName: string | null;
      specification: string | null;
      issuedOn: string;
      issuerName: string;
    }
  | { found: true; status: '已撤销'; typeName: string; issuerName: string; revokedOn: string }
  | { found: false; status: '未找到' };

export async function verifyCertificate(db: Db, ip: string, input: { number: string; name: string }): Promise<VerifyAnswer> {
  const number = input.number.trim();
  const name = input.name.trim();
  if (number === '' || number.length > 64) throw new AppError('invalid_input', 'number: 请填写证书编号（不超过 64 个字符）', 'number');
  if (name === '' || name.length > 50) throw new AppError('invalid_input', 'name: 请填写持证人姓名', 'name');
  if ((await countAsk(db, ip)) > VERIFY_LIMIT.perAddress)
    throw new AppError('rate_limited', `查询过于频繁，请 ${VERIFY_LIMIT.windowMinutes} 分钟后再试`);
  const row = await db
    .selectFrom('registry_certificates as r')
    .innerJoin('people as p', 'p.resident_id', 'r.resident_id')
    .innerJoin('certificate_issuers as i', 'i.id', 'r.issuer_id')
    .leftJoin('ability_specifications as s', 's.code', 'r.specification_code')
    .select([
      'r.type',
      'r.occupation_code',
      'r.level',
      'r.issued_on',
      'i.name as issuer',
      's.name as spec_name',
      'r.specification_code',
      'r.revoked_on',
    ])
    .where(sql`upper(r.number)`, '=', normalNumber(number))
    .where('p.name', '=', name)
    // One in force before one revoked (two issuers may use the same number), then the newest.
    .orderBy(sql`r.revoked_on is not null`)
    .orderBy('r.issued_on', 'desc')
    .executeTakeFirst();
  if (!row) return { found: false, status: '未找到' };
  if (row.revoked_on != null)
    return { found: true, status: '已撤销', typeName: typeName(row.type), issuerName: row.issuer, revokedOn: row.revoked_on };
  const occupation = row.occupation_code
    ? ((await db.selectFrom('catalog_entries').select('name').where('code', '=', row.occupation_code).executeTakeFirst())?.name ??
      row.occupation_code)
    : null;
  return {
    found: true,
    status: '有效',
    typeName: typeName(row.type),
    occupation: occupation ? (row.occupation_code ? `${occupation}（${row.occupation_code}）` : occupation) : null,
    levelName: levelName(row.level) || null,
    specification: row.specification_code ? `${row.spec_name ?? ''}（${row.specification_code}）` : null,
    issuedOn: row.issued_on,
    issuerName: row.issuer,
  };
}
