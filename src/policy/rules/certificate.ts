// R1 / R13 (§4.0): a subsidy is claimed on the certificate its program names.
import { CERTIFICATE_NAMES, type CertificateType } from '../codes.ts';
import type { Clause } from '../clauses.ts';
import type { ClaimContext } from '../engine/claim-context.ts';
import type { ParameterName } from '../policy-package.ts';

type CertificateSet =
  | 'certificates.training'
  | 'certificates.skillLevel'
  | 'certificates.employmentSkill'
  | 'certificates.entrepreneurship'
  | 'certificates.safety';

export const CERTIFICATE_RULE = '证书';

export function checkCertificate(c: ClaimContext, set: CertificateSet & ParameterName, clause: Clause = '§4.0'): boolean {
  const accepted = c.param(set) as CertificateType[];
  const certificate = c.claimFact('certificate');
  const names = accepted.map((t) => CERTIFICATE_NAMES[t]).join('、');
  if (!certificate) return c.fail(CERTIFICATE_RULE, clause, `未取得证书；本项目须取得${names}（R1/R13）`);
  const number = certificate.number ? `（编号 ${certificate.number}）` : '';
  return accepted.includes(certificate.type)
    ? c.pass(CERTIFICATE_RULE, clause, `已取得${CERTIFICATE_NAMES[certificate.type]}${number}（R1/R13）`)
    : c.fail(CERTIFICATE_RULE, clause, `所持${CERTIFICATE_NAMES[certificate.type]}不是本项目认可的证书，须为${names}（R1/R13）`);
}

export const QUALIFIED_RULE = '考核合格';

/** Completion assessment (结业考核): the trainee passed. */
export function checkQualified(c: ClaimContext, clause: Clause): boolean | undefined {
  return c.check(QUALIFIED_RULE, clause, c.claimFact('qualified'), c.claimPath('qualified'), {
    yes: '经培训考核合格',
    no: '培训考核不合格',
    unknown: '不知道培训考核是否合格',
  });
}

/** The two steps that are a training's result rather than its eligibility (a living allowance is paid whatever the result). */
export const RESULT_RULES: ReadonlySet<string> = new Set([CERTIFICATE_RULE, QUALIFIED_RULE]);
