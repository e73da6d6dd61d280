// One claim through the plan, in SPEC order: the policy in force; R5 (pension); R11 (employer) or
// R12 (applicant); the program's own conditions; R4 (no repeat); R3 (annual cap); R8 (80%), last.
// Every failing rule is reported: any failure → ineligible; else any unknown fact → undecided.
import { CLAUSE_HEADINGS, type Clause } from '../clauses.ts';
import { APPLICANT_NAMES, PROGRAM_NAMES } from '../codes.ts';
import { formatChineseDate, type IsoDate } from '../dates.ts';
import type { ClaimInput, EnterpriseInput, PersonInput } from '../evaluate-input.ts';
import { formatYuan } from '../money.ts';
import type { LoadedPackage, PolicySet } from '../policy-package.ts';
import { PROGRAM_RULES } from '../programs/index.ts';
import { checkTraineeSideApplicant } from '../rules/applicant.ts';
import { checkAnnualCap } from '../rules/annual-cap.ts';
import { checkEmployer } from '../rules/employer.ts';
import { applyEnterpriseRate } from '../rules/enterprise-rate.ts';
import { checkNoRepeat } from '../rules/no-repeat.ts';
import { checkPension } from '../rules/pension.ts';
import { ClaimContext, type BatchView, type Located } from './claim-context.ts';
import type { Decision, Step } from './decision.ts';

export interface DecidedClaim {
  decision: Decision;
  steps: Step[];
  granted: ClaimContext['granted'];
}

function notApplicable(claim: ClaimInput, clause: Clause, date: IsoDate, policies: PolicySet, explain: boolean): DecidedClaim {
  const windows = policies.packages
    .filter((p) => p.data.programs.includes(claim.program))
    .map((p) => {
      const w = p.window(claim.program);
      return `${p.data.title}适用于${w.byMonth ? '首个参保月份在' : '开班日期在'}${formatChineseDate(w.from)}至${formatChineseDate(w.to)}之间`;
    });
  const reason = `${formatChineseDate(date)}没有有效的补贴政策（no policy in force on ${date}）${windows.length ? `：${windows.join('；')}` : ''}`;
  const step: Step = { rule: '有效期', clause: '§end', result: 'fail', reason };
  const decision: Decision = {
    ref: claim.ref,
    outcome: 'not_applicable',
    amountFen: 0,
    payee: null,
    citations: [clause],
    reasons: [reason],
    missing: [],
  };
  if (explain) decision.trace = { policyPackage: null, governingDate: date, steps: [step] };
  return { decision, steps: [step], granted: undefined };
}

/** 在…有效期内，适用…: the same for every claim of a program under a package, so written once. */
const inForceTexts = new WeakMap<LoadedPackage, Map<string, string>>();
function inForceText(pkg: LoadedPackage, code: ClaimInput['program'], clause: Clause): string {
  let texts = inForceTexts.get(pkg);
  if (!texts) inForceTexts.set(pkg, (texts = new Map()));
  let text = texts.get(code);
  if (text === undefined) {
    const heading = CLAUSE_HEADINGS[clause];
    const name = heading.endsWith(PROGRAM_NAMES[code]) ? '' : `（${PROGRAM_NAMES[code]}）`;
    text = `在${pkg.data.document ?? pkg.data.title}有效期内，适用${heading}${name}`;
    texts.set(code, text);
  }
  return text;
}

/**
 * Decides one claim against the batch so far. `governingStart` is the start date the plan's validity
 * is read at: the claim's own, or for a living allowance its training's.
 */
export function decideClaim(
  claim: ClaimInput,
  index: number,
  person: Located<PersonInput>,
  enterprise: Located<EnterpriseInput> | undefined,
  governingStart: IsoDate,
  policies: PolicySet,
  batch: BatchView,
): DecidedClaim {
  const program = PROGRAM_RULES[claim.program];
  const pkg = policies.governing(claim.program, governingStart);
  if (!pkg) return notApplicable(claim, program.clause, governingStart, policies, batch.explain);

  const date = pkg.governingDate(claim.program, governingStart);
  // Facts are read as of the claim's own start (a living allowance's own, not its training's).
  const factDate = governingStart === claim.startDate ? date : pkg.governingDate(claim.program, claim.startDate);
  const c = new ClaimContext(claim, index, person, enterprise, pkg, date, batch, factDate);
  const window = pkg.window(claim.program);
  c.info('有效期', window.clause, `${formatChineseDate(date)}${inForceText(pkg, claim.program, program.clause)}`);

  checkPension(c);
  if (program.trainsEmployees) checkEmployer(c);
  if (program.traineeSide) checkTraineeSideApplicant(c);
  let amount = program.conditions(c);
  if (program.noRepeat) checkNoRepeat(c);
  if (program.countsInAnnualCap) checkAnnualCap(c);
  const payee = program.payee(c);
  if (payee === 'enterprise' && c.enterprise && !c.failed) amount = applyEnterpriseRate(c, amount);

  const outcome = c.failed ? 'ineligible' : c.unknown ? 'undecided' : 'eligible';
  if (outcome === 'eligible') {
    if (amount === undefined || amount <= 0) throw new Error(`${c.path}: eligible without an amount`);
    c.info('核定', program.clause, `符合条件，核定补贴 ${formatYuan(amount)}，支付给${APPLICANT_NAMES[payee]}`);
  }
  const counted = outcome === 'eligible' ? 'pass' : outcome === 'ineligible' ? 'fail' : 'unknown';
  const citations: Clause[] = [program.clause];
  const missing: string[] = [];
  const reasons: string[] = [];
  for (const step of c.steps) {
    reasons.push(step.reason);
    if ((outcome === 'eligible' || step.result === counted) && !citations.includes(step.clause)) citations.push(step.clause);
    if (outcome === 'undecided' && step.missing) for (const m of step.missing) if (!missing.includes(m)) missing.push(m);
  }
  const decision: Decision = {
    ref: claim.ref,
    outcome,
    amountFen: outcome === 'eligible' ? amount! : 0,
    payee: outcome === 'eligible' ? payee : null,
    citations,
    reasons,
    missing,
  };
  if (batch.explain) decision.trace = { policyPackage: pkg.id, governingDate: date, steps: c.steps };
  return { decision, steps: c.steps, granted: c.granted };
}
