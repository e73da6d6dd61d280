// Who uses the system (DESIGN.md roles; SPEC §5.7 who does what), in the words users read. Browser-safe:
// the server and the web app import these same constants (no copies to drift apart).

// An evaluation body (评价机构, §5.6) is its own role: it is neither an enterprise of the register nor a
// training provider, and it acts only on the certificate registry, for the one issuer its login is bound to.
export const ROLES = ['city', 'county', 'department', 'enterprise', 'provider', 'trainee', 'evaluator'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  city: '市人社局',
  county: '县（区）人社局',
  department: '行业主管部门',
  enterprise: '企业',
  provider: '培训机构',
  trainee: '劳动者',
  evaluator: '评价机构',
};

/** The §5.7 departments and the slice each watches. */
export const DEPARTMENTS = {
  emergency: '市应急管理局',
  veterans: '市退役军人事务局',
  civil_affairs: '市民政局',
  disabled_federation: '市残联',
  housing: '市住房和城乡建设局',
  education: '市教育和体育局',
  finance: '市财政局',
  development_reform: '市发展改革委',
} as const;
export type Department = keyof typeof DEPARTMENTS;

// Maker–checker on payment batches (§5.7): 经办 builds, 复核 confirms, 支付 pays.
export const PAYMENT_DUTIES = ['build', 'confirm', 'pay'] as const;
export type PaymentDuty = (typeof PAYMENT_DUTIES)[number];
export const DUTY_NAMES: Record<PaymentDuty, string> = { build: '经办（编制支付批次）', confirm: '复核（确认支付批次）', pay: '支付' };

/** The duties a role may hold: the HR offices build and pay (a county in its own area), the city and the finance bureau confirm. */
export function dutiesForRole(role: string, department: string | null): PaymentDuty[] {
  if (role === 'city') return ['build', 'confirm', 'pay'];
  if (role === 'county') return ['build', 'pay'];
  if (role === 'department' && department === 'finance') return ['confirm'];
  return [];
}
