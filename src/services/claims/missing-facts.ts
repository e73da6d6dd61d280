// The facts an undecided claim waits for (R10), said the way a clerk reads them: whose fact (the
// person's or the enterprise's name), which fact, for which date or year, why the rule needs it and its
// clause, and how it gets recorded (and by whom). The engine names a missing fact by its path in the
// evaluate file (`enterprises[4].educationFundFullyUsed.2021`); the path's index is resolved against the
// same file the claim is decided from (engine-input-from-store.ts), so users never see a path.
import type { Actor } from '../access.ts';
import type { Tx } from '../../store/transaction.ts';
import { PERSON_FACTS } from '../people/person-facts.ts';
import { factName } from '../people/record-person-fact.ts';
import type { ClaimRow } from './claim-scope.ts';
import { managesEnterprise } from '../enterprises/enterprise-scope.ts';
import { buildEvaluateInput } from './engine-input-from-store.ts';

/** How a missing fact gets on record. */
export type MissingFactRemedy =
  /** POST /people/:id/facts (city, county) */
  | 'person_fact'
  /** POST /enterprises/:id/education-fund (city, county) */
  | 'education_fund'
  /** The enterprise's insured status (enterprise register, city or county) */
  | 'enterprise_insured'
  /** Only the applicant can supply it, by correcting the claim (withdraw and submit again). */
  | 'claim_field'
  /** §4.1: the HR office lists the apprenticeship plan. */
  | 'plan_listing';

export interface MissingFact {
  /** The engine's path, kept for support; never shown to users. */
  path: string;
  subject: 'person' | 'enterprise' | 'claim';
  /** Resident ID, USCC or claim ID. */
  subjectId: string | null;
  /** The person's or enterprise's name; for a claim, 本申领 or 该人员的另一笔申领. */
  subjectName: string;
  /** The fact's key: a person fact (pensionEntitled…), educationFundFullyUsed, insured, or the claim field. */
  fact: string;
  factName: string;
  /** The date the fact is needed for (the claim's governing date), or null when it is a year's fact. */
  neededOn: string | null;
  /** For the education fund (R8): the year. */
  year: number | null;
  /** The rule and clause that wanted it, and the engine's reason in Chinese. */
  rule: string;
  clause: string;
  why: string;
  remedy: MissingFactRemedy;
  /** Whether the caller can record it here (the city and the claim's county office, for registry facts). */
  canRecord: boolean;
  /** What to do, in Chinese. */
  howTo: string;
}

const CLAIM_FIELD_NAMES: Record<string, string> = {
  attendedHours: '实到学时',
  attendedDays: '实到培训天数',
  contractMonths: '劳动合同期限（月）',
  newHire: '是否新招用（新录用）人员',
  planApproved: '学徒培训计划是否已列入计划',
  qualified: '考核（鉴定）是否合格',
  level: '等级',
  occupationCode: '职业（工种）',
  trainingRef: '所属的就业技能培训申领',
  entrepreneurshipType: '创业培训类别',
  insuredMonths: '以工代训参保月数',
  projectId: '项目制培训项目',
  contractPerTraineeYuan: '项目合同单价',
  contractTotalYuan: '项目合同总额',
  certificate: '证书',
  startDate: '培训开始日期',
  endDate: '培训结束日期',
};

const PATH = /^(people|enterprises|claims)\[(\d+)\]\.([A-Za-z]+)(?:\.(\d{4}))?$/;

interface Step {
  rule: string;
  clause: string;
  result: string;
  reason: string;
  missing?: string[];
}

/** The missing facts of a claim the actor may see (empty unless its decision is undecided). */
export async function describeMissing(tx: Tx, a: Actor, claim: ClaimRow): Promise<MissingFact[]> {
  const missing = (claim.missing as string[] | null) ?? [];
  if (claim.outcome !== 'undecided' || missing.length === 0) return [];
  // The same file the claim is decided from (decide-claim.ts), without the catalog: only its indexes are read.
  const { file } = await buildEvaluateInput(tx, [claim.resident_id], new Set([claim.id]), { catalog: [], entrepreneurshipTypes: [] });
  const people = file.people as { id: string; name?: string }[];
  const enterprises = file.enterprises as { uscc: string; name?: string }[];
  const claims = file.claims as { ref: string; enterpriseUscc?: string }[];
  const trace = claim.trace as { governingDate?: string; steps?: Step[] } | null;
  const steps = trace?.steps ?? [];
  const neededOn = trace?.governingDate ?? claim.start_date;
  const reviewer = a.role === 'city' || (a.role === 'county' && a.areaCode === claim.area_code);

  const personNames = new Map(people.map((p) => [p.id, p.name ?? p.id]));
  const usccs = [...new Set(enterprises.map((e) => e.uscc))];
  const enterpriseNames = new Map<string, string>(enterprises.map((e) => [e.uscc, e.name ?? e.uscc]));
  // An enterprise's facts are recorded by the city or the county that manages it (§5.7: not the city's own).
  const managed = new Set<string>();
  if (usccs.length) {
    for (const e of await tx
      .selectFrom('enterprises')
      .select(['uscc', 'name', 'area_code', 'directly_managed'])
      .where('uscc', 'in', usccs)
      .execute()) {
      enterpriseNames.set(e.uscc, e.name);
      if (managesEnterprise(a, e)) managed.add(e.uscc);
    }
  }

  return missing.map((path): MissingFact => {
    const step = steps.find((s) => s.missing?.includes(path));
    const base = { path, rule: step?.rule ?? '', clause: step?.clause ?? '', why: step?.reason ?? '' };
    const m = PATH.exec(path);
    if (!m) {
      return {
        ...base,
        subject: 'claim',
        subjectId: claim.id,
        subjectName: '本申领',
        fact: path,
        factName: '申领信息',
        neededOn: null,
        year: null,
        remedy: 'claim_field',
        canRecord: false,
        howTo: '请申请人补充后重新提交',
      };
    }
    const [, collection, indexText, field, yearText] = m as unknown as [string, string, string, string, string | undefined];
    const index = Number(indexText);
    if (collection === 'people') {
      const id = people[index]?.id ?? claim.resident_id;
      const recordable = (PERSON_FACTS as readonly string[]).includes(field);
      return {
        ...base,
        subject: 'person',
        subjectId: id,
        subjectName: personNames.get(id) ?? id,
        fact: field,
        factName: factName(field),
        neededOn,
        year: null,
        remedy: 'person_fact',
        canRecord: recordable && reviewer,
        howTo: '由市或县（区）人社局登记（注明来源和生效日期），登记后重新判定',
      };
    }
    if (collection === 'enterprises') {
      const uscc = enterprises[index]?.uscc ?? claim.enterprise_uscc ?? '';
      const name = enterpriseNames.get(uscc) ?? uscc;
      if (field === 'educationFundFullyUsed') {
        const year = Number(yearText ?? neededOn.slice(0, 4));
        return {
          ...base,
          subject: 'enterprise',
          subjectId: uscc,
          subjectName: name,
          fact: field,
          factName: `${year}年是否足额提取使用职工教育经费`,
          neededOn: null,
          year,
          remedy: 'education_fund',
          canRecord: reviewer && managed.has(uscc),
          howTo: '由市或县（区）人社局按企业报送或税务、财务资料登记，登记后重新判定',
        };
      }
      return {
        ...base,
        subject: 'enterprise',
        subjectId: uscc,
        subjectName: name,
        fact: field,
        factName: field === 'insured' ? '是否依法参加社会保险' : field,
        neededOn,
        year: null,
        remedy: 'enterprise_insured',
        canRecord: reviewer && managed.has(uscc),
        howTo: '由市或管理该企业的县（区）人社局核实参保情况后登记（注明来源），登记后重新判定',
      };
    }
    const ref = claims[index]?.ref;
    const own = ref === undefined || ref === claim.id;
    const planField = field === 'planApproved';
    return {
      ...base,
      subject: 'claim',
      subjectId: ref ?? claim.id,
      subjectName: own ? '本申领' : '该人员的另一笔申领',
      fact: field,
      factName: CLAIM_FIELD_NAMES[field] ?? field,
      neededOn: null,
      year: null,
      remedy: planField ? 'plan_listing' : 'claim_field',
      canRecord: false,
      howTo: planField
        ? '由人社局在“学徒计划”中审核列入计划后重新判定'
        : own
          ? '申领未载明此项：请申请人撤回后补充重新提交'
          : `请先补全申领 ${ref} 的此项`,
    };
  });
}
