// Parameter values as the city reads and types them: numbers as numbers, lists and ranges as JSON.
import { CERTIFICATE_NAMES, GROUP_NAMES, INDUSTRY_NAMES, CATALOG_SECTION_NAMES } from '../../../../src/policy/codes.ts';

const NAMES: Record<string, string> = { ...CERTIFICATE_NAMES, ...GROUP_NAMES, ...INDUSTRY_NAMES, ...CATALOG_SECTION_NAMES };

/** A value in Chinese for the tables: lists by name, ranges as min—max, money bands by months. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) {
    return value
      .map((v) =>
        typeof v === 'string'
          ? (NAMES[v] ?? v)
          : typeof v === 'object' && v && 'minMonths' in v
            ? `${(v as { minMonths: number }).minMonths}个月以上 ${(v as { amountYuan: number }).amountYuan}元`
            : JSON.stringify(v),
      )
      .join('、');
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('min' in o && 'max' in o) return `${String(o.min)} — ${String(o.max)}`;
    return Object.entries(o)
      .map(([k, v]) => `${k}：${String(v)}`)
      .join('；');
  }
  return String(value);
}

/** What the value field shows for editing. */
export function valueText(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** The typed text as the API's value: a number, or JSON; null with a message when it is neither. */
export function parseValue(text: string): { value: unknown } | { error: string } {
  const t = text.trim();
  if (t === '') return { error: '请填写新的取值' };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { value: Number(t) };
  try {
    return { value: JSON.parse(t) };
  } catch {
    return { error: '取值应为数字，或 JSON 格式的列表/对象（如 ["safety"] 或 {"min":0.05,"max":0.2}）' };
  }
}
