// Money and dates the Chinese way (¥1,650.00; 2020年3月2日), with the engine's own formatters.
import { CLAUSE_HEADINGS } from '../../src/policy/clauses.ts';
import { formatChineseDate } from '../../src/policy/dates.ts';
import { formatYuan } from '../../src/policy/money.ts';

export { formatYuan };

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatChineseDate(iso) : iso;
}

export function formatMoney(fen: number | null | undefined): string {
  return fen == null ? '—' : formatYuan(fen);
}

const dateTimeParts = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** A timestamp as Beijing time: 2020年3月2日 14:05. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(dateTimeParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}

/** The clause's Chinese heading, e.g. "四（二）技能等级提升培训"; the ID itself when unknown. */
export function clauseHeading(clause: string): string {
  return (CLAUSE_HEADINGS as Record<string, string>)[clause] ?? clause;
}

/**
 * A claim's amount as users read it: 待定 while the decision waits for a missing fact (R10; the engine's
 * 0 there is no amount), — before any decision, else the amount.
 */
export function claimAmount(c: { outcome?: string | null; amountFen: number | null | undefined }): string {
  if (c.outcome === 'undecided') return '待定';
  if (c.outcome === null) return '—';
  return formatMoney(c.amountFen);
}

/** A name with its code beside it — 攀枝花技师学院（P007） — or whichever of the two is on record. */
export function withCode(name: string | null | undefined, code: string | null | undefined): string {
  if (name && code) return `${name}（${code}）`;
  return name || code || '—';
}
