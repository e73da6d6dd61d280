// The city creates a login for a role, tied to what the role acts for: a county its area, a department
// its §5.7 bureau, an enterprise its USCC, a provider its id, a trainee their resident ID (each must be
// on record). The password is stored as a scrypt hash (auth/passwords.ts); the audit entry omits it.
import { newUuid } from '../../store/ids.ts';

import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, requireRole, type Actor, type Department, type Role } from '../access.ts';
import { AppError } from '../app-error.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { PaymentDuty } from '../../store/schema.ts';
import { checkPaymentDuties } from './set-user-payment-duties.ts';
import { userView, type UserView } from './user-view.ts';
import { isGuessable } from './password-strength.ts';
import { CITY_AREA, COUNTY_AREAS } from '../../vocabulary/areas.ts';
import { DEPARTMENTS } from '../../vocabulary/roles.ts';

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  areaCode?: string | null;
  department?: Department | null;
  enterpriseUscc?: string | null;
  providerId?: string | null;
  residentId?: string | null;
  /** An evaluation body's login: the registry's evaluation body it issues for. */
  issuerId?: string | null;
  /** Payment duties (经办 build / 复核 confirm / 支付 pay): none unless the city grants them. */
  paymentDuties?: PaymentDuty[] | null;
}

/** A password the city may set: 8+ characters with a letter and a digit, and not easy to guess (not a
 *  common password, a keyboard walk or a repeat, nor built from the account's own name). */
export async function passwordProblem(password: string, accountWords: readonly string[] = []): Promise<string | null> {
  if (password.length < 8) return '密码至少 8 位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  if (await isGuessable(password, accountWords))
    return '密码太容易被猜中（常见密码、键盘顺序、重复字符或含用户名），请换一个更长、更无规律的密码';
  return null;
}

type Affiliation = Pick<CreateUserInput, 'areaCode' | 'department' | 'enterpriseUscc' | 'providerId' | 'residentId' | 'issuerId'>;

/** What the role is tied to, checked against the records; the other fields must be empty. */
async function affiliation(tx: Tx, input: CreateUserInput): Promise<Required<Affiliation>> {
  const out: Required<Affiliation> = {
    areaCode: null,
    department: null,
    enterpriseUscc: null,
    providerId: null,
    residentId: null,
    issuerId: null,
  };
  const need = (field: keyof Affiliation, what: string) => {
    const v = input[field];
    if (v == null || v === '')
      throw new AppError(
        'invalid_input',
        `${what}账号须指定${({ areaCode: '所属县（区）', department: '所属部门', enterpriseUscc: '企业统一社会信用代码', providerId: '培训机构编号', residentId: '劳动者身份证号', issuerId: '所属评价机构' } as const)[field]}`,
        field,
      );
    return v;
  };
  switch (input.role) {
    case 'city':
      out.areaCode = CITY_AREA;
      break;
    case 'county': {
      const area = need('areaCode', '县（区）人社局');
      if (!COUNTY_AREAS.includes(area)) throw new AppError('invalid_input', `不是本市的县（区）：${area}`, 'areaCode');
      out.areaCode = area;
      break;
    }
    case 'department': {
      const d = need('department', '行业主管部门') as Department;
      if (!(d in DEPARTMENTS)) throw new AppError('invalid_input', `不是§5.7所列部门：${d}`, 'department');
      out.department = d;
      break;
    }
    case 'enterprise': {
      const u = need('enterpriseUscc', '企业');
      if (!(await tx.selectFrom('enterprises').select('uscc').where('uscc', '=', u).executeTakeFirst()))
        throw new AppError('invalid_input', `没有找到企业：${u}`, 'enterpriseUscc');
      out.enterpriseUscc = u;
      break;
    }
    case 'provider': {
      const p = need('providerId', '培训机构');
      if (!(await tx.selectFrom('providers').select('id').where('id', '=', p).executeTakeFirst()))
        throw new AppError('invalid_input', `没有找到培训机构：${p}`, 'providerId');
      out.providerId = p;
      break;
    }
    case 'trainee': {
      const r = need('residentId', '劳动者');
      if (!(await tx.selectFrom('people').select('resident_id').where('resident_id', '=', r).executeTakeFirst()))
        throw new AppError('invalid_input', `没有找到劳动者：${r}`, 'residentId');
      out.residentId = r;
      break;
    }
    case 'evaluator': {
      // An enterprise approved for self-evaluation signs in as the enterprise; only an evaluation body
      // of the registry gets this login (docs/certificates.md).
      const i = need('issuerId', '评价机构');
      const issuer = await tx.selectFrom('certificate_issuers').select(['kind', 'name']).where('id', '=', i).executeTakeFirst();
      if (!issuer) throw new AppError('invalid_input', `没有找到发证机构：${i}`, 'issuerId');
      if (issuer.kind !== 'evaluation_body')
        throw new AppError('invalid_input', `${issuer.name}是自主评价企业，请为其创建企业账号`, 'issuerId');
      out.issuerId = i;
      break;
    }
  }
  return out;
}

export async function createUser(tx: Tx, actor: Actor | null, input: CreateUserInput): Promise<UserView> {
  const a = requireRole(actor, 'city');
  const problem = await passwordProblem(input.password, [input.username, input.displayName]);
  if (problem) throw new AppError('invalid_input', problem, 'password');
  const tied = await affiliation(tx, input);
  const duties = checkPaymentDuties(input.role, tied.department, input.paymentDuties ?? []);
  const taken = await tx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (taken) throw new AppError('conflict', `用户名 ${input.username} 已被使用`, 'username');
  const by = actorLabel(a);
  const row = await tx
    .insertInto('users')
    .values({
      id: newUuid(),
      username: input.username,
      password_hash: await hashPassword(input.password),
      display_name: input.displayName,
      role: input.role,
      area_code: tied.areaCode,
      department: tied.department,
      enterprise_uscc: tied.enterpriseUscc,
      provider_id: tied.providerId,
      resident_id: tied.residentId,
      issuer_id: tied.issuerId,
      payment_duties: duties,
      created_by: by,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: by,
    action: 'user.create',
    entity: 'user',
    entityId: row.id,
    data: {
      username: row.username,
      role: row.role,
      areaCode: row.area_code,
      department: row.department,
      enterpriseUscc: row.enterprise_uscc,
      providerId: row.provider_id,
      residentId: row.resident_id,
      issuerId: row.issuer_id,
      paymentDuties: duties,
    },
  });
  return userView(row);
}
