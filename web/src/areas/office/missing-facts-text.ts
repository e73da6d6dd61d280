// The words of the missing-facts screens, kept free of React so they are tested on their own
// (test/web/missing-facts-text.test.ts): a missing fact described for a clerk, the answers a fact
// takes, an engine input path as a label, and many claims' missing facts grouped by kind.
import { formatDate } from '../../format.ts';

export type { TMissingFact as MissingFact, TMissingFacts as MissingFacts } from '../../../../src/api/routes/claims.types.ts';
import type { TMissingFact as MissingFact, TMissingFacts as MissingFacts } from '../../../../src/api/routes/claims.types.ts';

/** The yes/no answers of a fact, in its own words. */
export function answers(f: Pick<MissingFact, 'fact' | 'remedy'>): { yes: string; no: string } {
  if (f.remedy === 'education_fund') return { yes: '足额提取并使用', no: '未足额提取使用' };
  if (f.remedy === 'enterprise_insured') return { yes: '已依法参保', no: '未参保' };
  if (f.fact === 'pensionEntitled') return { yes: '具有按月领取养老金资格', no: '不具有' };
  if (f.fact === 'rural') return { yes: '农村户籍', no: '非农村户籍' };
  if (f.fact === 'earlierAppraisal') return { yes: '此前参加过鉴定', no: '此前未参加过鉴定' };
  return { yes: '是', no: '否' };
}

/** "多拉（身份证号 …）的“具有按月领取养老金资格”，需要 2020年3月2日 时的情况" */
export function describe(f: MissingFact): string {
  const whose =
    f.subject === 'claim'
      ? f.subjectName
      : `${f.subjectName}${f.subjectId ? `（${f.subject === 'person' ? '身份证号' : '统一社会信用代码'} ${f.subjectId}）` : ''}`;
  const when = f.year != null ? `（${f.year}年度）` : f.neededOn ? `，需要 ${formatDate(f.neededOn)} 时的情况` : '';
  return `${whose}的“${f.factName}”${when}`;
}

const PERSON_FIELD_NAMES: Record<string, string> = {
  groups: '所属人员类别',
  rural: '农村户籍',
  pensionEntitled: '具有按月领取养老金资格',
  earlierAppraisal: '此前参加过职业技能鉴定',
  name: '姓名',
  id: '身份证号',
};
const CLAIM_FIELD_NAMES: Record<string, string> = {
  attendedHours: '实到学时',
  attendedDays: '实到培训天数',
  contractMonths: '劳动合同期限（月）',
  newHire: '新招用（新录用）人员',
  planApproved: '学徒培训计划已列入计划',
  qualified: '考核（鉴定）合格',
  level: '等级',
  occupationCode: '职业（工种）',
  trainingRef: '所属的就业技能培训申领',
  entrepreneurshipType: '创业培训类别',
  insuredMonths: '以工代训参保月数',
  projectId: '项目制培训项目',
  contractPerTraineeYuan: '项目合同单价（元）',
  contractTotalYuan: '项目合同总额（元）',
  certificate: '证书',
  startDate: '培训开始日期',
  endDate: '培训结束日期',
  program: '培训项目',
  applicant: '申请人类型',
  enterpriseUscc: '用工企业',
};

/** An engine input path as a label users can read: `enterprises[4].educationFundFullyUsed.2021` → 企业：2021年足额提取使用职工教育经费. */
export function pathLabel(path: string): string {
  const m = /^(people|enterprises|claims|catalog)\[(\d+)\](?:\.([A-Za-z]+)(?:\.(\d{4}))?)?$/.exec(path);
  if (!m) return path.includes('[') ? '其他记录' : path;
  const [, collection, , field, year] = m;
  if (collection === 'catalog') return '补贴目录条目';
  if (collection === 'people') return `人员：${PERSON_FIELD_NAMES[field ?? ''] ?? field ?? ''}`;
  if (collection === 'enterprises') {
    if (field === 'educationFundFullyUsed') return `企业：${year ? `${year}年` : ''}足额提取使用职工教育经费`;
    return `企业：${field === 'insured' ? '依法参加社会保险' : field === 'difficulty' ? '困难企业认定' : (field ?? '')}`;
  }
  return `申领：${CLAIM_FIELD_NAMES[field ?? ''] ?? field ?? ''}`;
}

export interface Subject {
  key: string;
  fact: MissingFact;
  claimIds: string[];
}
export interface Group {
  key: string;
  title: string;
  sample: MissingFact;
  subjects: Subject[];
}

/** Groups the recordable missing facts of many claims by kind, then by whose fact. */
export function groupMissing(all: MissingFacts[]): { groups: Group[]; other: number } {
  const groups = new Map<string, Group>();
  let other = 0;
  for (const c of all) {
    for (const f of c.items) {
      if (!f.canRecord) {
        other += 1;
        continue;
      }
      const gk = `${f.remedy}|${f.fact}|${f.year ?? ''}`;
      let g = groups.get(gk);
      if (!g)
        groups.set(
          gk,
          (g = {
            key: gk,
            title: f.year != null ? `${f.year}年${f.factName.replace(/^\d{4}年/, '')}` : f.factName,
            sample: f,
            subjects: [],
          }),
        );
      const sk = `${f.subjectId}`;
      let s = g.subjects.find((x) => x.key === sk);
      if (!s) g.subjects.push((s = { key: sk, fact: f, claimIds: [] }));
      if (!s.claimIds.includes(c.claimId)) s.claimIds.push(c.claimId);
    }
  }
  return { groups: [...groups.values()], other };
}
