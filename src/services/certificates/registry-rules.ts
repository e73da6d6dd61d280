// What the certificate registry holds and who may issue what into it (§4.0 R1/R13, §5.6, SPEC
// Supervision; docs/certificates.md). Safety, special-operation and entrepreneurship certificates are
// issued by other authorities (emergency management, employment services) and are not in this registry:
// a claim naming one of those is not checked here.
import { CERTIFICATE_NAMES, LEVEL_NAMES, type CertificateType } from '../../policy/codes.ts';

export const REGISTRY_TYPES = ['vocational_qualification', 'skill_level', 'special_ability', 'training'] as const;
export type RegistryType = (typeof REGISTRY_TYPES)[number];
export const isRegistryType = (t: string | null | undefined): t is RegistryType => (REGISTRY_TYPES as readonly string[]).includes(t ?? '');

export const ISSUER_KINDS = ['evaluation_body', 'enterprise'] as const;
export type IssuerKind = (typeof ISSUER_KINDS)[number];
export const ISSUER_KIND_NAMES: Record<IssuerKind, string> = {
  evaluation_body: '评价机构',
  enterprise: '自主评价企业',
};

/** §5.6: an enterprise evaluates its staff's skill levels (职业技能等级证书); evaluation bodies issue every registry type. */
export const TYPES_BY_KIND: Record<IssuerKind, readonly RegistryType[]> = {
  evaluation_body: REGISTRY_TYPES,
  enterprise: ['skill_level'],
};

/** Types that name an occupation and level, which the issuer's approval must cover on the issue date. */
export const LEVEL_TYPES: readonly RegistryType[] = ['vocational_qualification', 'skill_level'];

export const typeName = (t: string) => CERTIFICATE_NAMES[t as CertificateType] ?? t;
export const levelName = (l: string | null) => (l == null ? '' : (LEVEL_NAMES[l] ?? l));

/** A certificate type written in Chinese in a file or a form (职业技能等级证书), or its code. */
export function typeFromText(text: string): RegistryType | null {
  const t = text.trim();
  if (isRegistryType(t)) return t;
  const found = REGISTRY_TYPES.find((c) => CERTIFICATE_NAMES[c] === t || CERTIFICATE_NAMES[c].replace(/证书$/, '证') === t);
  return found ?? null;
}

/** A level written as 1–5, or as its name (四级, 中级, 四级/中级工). */
export function levelFromText(text: string): string | null {
  const t = text.trim();
  if (/^[1-5]$/.test(t)) return t;
  const words: Record<string, string> = {
    五级: '5',
    初级: '5',
    四级: '4',
    中级: '4',
    三级: '3',
    高级: '3',
    二级: '2',
    技师: '2',
    一级: '1',
    高级技师: '1',
  };
  if (words[t]) return words[t]!;
  const byName = Object.entries(LEVEL_NAMES).find(([k, v]) => k !== 'special' && v === t);
  return byName ? byName[0] : null;
}

/** How a number is compared: the registry and a claim's typed number match case- and space-insensitively. */
export const normalNumber = (n: string) => n.replace(/\s+/g, '').toUpperCase();

/** The clause every registry reason cites. */
export const REGISTRY_CLAUSE = '§4.0（R1、R13 证书凭证）';
export const OUTSIDER_CLAUSE = '§5.6（企业自主评价）';
