// The code lists of the evaluate contract (docs/evaluate.md), with their Chinese names.
import { z } from 'zod';

export const PROGRAMS = [
  'apprenticeship',
  'skill_upgrade',
  'short_term',
  'pre_job',
  'transfer',
  'employment_skill',
  'living_allowance',
  'entrepreneurship',
  'work_for_training',
  'project_based',
  'safety',
  'appraisal',
] as const;
export type ProgramCode = (typeof PROGRAMS)[number];
// Pure: a bundle that only reads the names below (the browser) leaves zod out.
export const ProgramCodeSchema = /* @__PURE__ */ z.enum(PROGRAMS);

export const PROGRAM_NAMES: Record<ProgramCode, string> = {
  apprenticeship: '企业新型学徒制培训',
  skill_upgrade: '技能等级提升培训',
  short_term: '短期岗位技能培训',
  pre_job: '岗前技能培训',
  transfer: '困难企业职工转岗转业培训',
  employment_skill: '就业技能培训',
  living_allowance: '就业技能培训生活费补贴',
  entrepreneurship: '创业培训',
  work_for_training: '以工代训',
  project_based: '项目制培训',
  safety: '高危行业安全技能培训',
  appraisal: '职业技能鉴定补贴',
};

export const APPLICANTS = ['individual', 'enterprise', 'institution'] as const;
export type Applicant = (typeof APPLICANTS)[number];
export const APPLICANT_NAMES: Record<Applicant, string> = {
  individual: '个人',
  enterprise: '企业',
  institution: '培训机构',
};

export const GROUPS = [
  'poor_family_child',
  'poor_labor',
  'non_continuing_graduate',
  'rural_migrant',
  'laid_off',
  'registered_unemployed',
  'college_graduate',
  'in_school_student',
  'veteran',
  'disabled',
  'employment_difficulty',
  'zero_employment_family',
  'urban_dibao_family',
  'decapacity',
] as const;
export type GroupCode = (typeof GROUPS)[number];
export const GROUP_NAMES: Record<GroupCode, string> = {
  poor_family_child: '贫困家庭子女',
  poor_labor: '贫困劳动力',
  non_continuing_graduate: '未继续升学的初高中毕业生',
  rural_migrant: '农村转移就业劳动者',
  laid_off: '下岗失业人员',
  registered_unemployed: '城镇登记失业人员',
  college_graduate: '高校毕业生',
  in_school_student: '非毕业年度在校大学生',
  veteran: '退役军人',
  disabled: '残疾人',
  employment_difficulty: '就业困难人员',
  zero_employment_family: '零就业家庭成员',
  urban_dibao_family: '城市低保家庭成员',
  decapacity: '去产能职工',
};

export const CERTIFICATE_TYPES = [
  'vocational_qualification',
  'skill_level',
  'special_ability',
  'safety',
  'special_operation',
  'training',
  'entrepreneurship',
] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];
export const CERTIFICATE_NAMES: Record<CertificateType, string> = {
  vocational_qualification: '职业资格证书',
  skill_level: '职业技能等级证书',
  special_ability: '专项职业能力证书',
  safety: '安全合格证书',
  special_operation: '特种作业操作证书',
  training: '培训合格证书',
  entrepreneurship: '创业培训合格证书',
};

export const CATALOG_SECTIONS = ['upgrade', 'employment'] as const;
export type CatalogSection = (typeof CATALOG_SECTIONS)[number];
export const CATALOG_SECTION_NAMES: Record<CatalogSection, string> = {
  upgrade: '技能等级提升培训目录',
  employment: '就业技能培训目录',
};

export const INDUSTRIES = ['vanadium_titanium', 'health_care', 'modern_service', 'other'] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const INDUSTRY_NAMES: Record<Industry, string> = {
  vanadium_titanium: '钒钛产业',
  health_care: '康养产业',
  modern_service: '现代服务业',
  other: '其他产业',
};

export const LEVELS = [5, 4, 3, 2, 1, 'special'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_NAMES: Record<string, string> = {
  '5': '五级/初级工',
  '4': '四级/中级工',
  '3': '三级/高级工',
  '2': '二级/技师',
  '1': '一级/高级技师',
  special: '专项职业能力',
};

export const CLAIM_STATUSES = ['pending', 'approved', 'paid', 'rejected', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const OUTCOMES = ['eligible', 'ineligible', 'not_applicable', 'undecided'] as const;
export type Outcome = (typeof OUTCOMES)[number];
