// R7: money is integer fen; every proration is exact integer arithmetic rounded half-up.

/** Exact fraction num/den (den > 0) of a decimal number as written, e.g. 0.12 → 12/100. */
export interface Fraction {
  num: number;
  den: number;
}

/** The exact decimal a JSON number was written as (JS prints the shortest round-tripping form). */
export function decimalFraction(x: number): Fraction {
  const text = String(x);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new RangeError(`not a finite decimal: ${text}`);
  const [, sign, whole, frac = '', exp = '0'] = match;
  let digits = whole! + frac;
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  const num = Number(digits) * (sign ? -1 : 1);
  return { num, den: 10 ** scale };
}

/** Number of decimal places a number was written with (0.125 → 3). */
export function decimalPlaces(x: number): number {
  return Math.log10(decimalFraction(x).den);
}

/** a / b rounded half-up, for a ≥ 0 and b > 0 integers (exact while 2a + b < 2^53). */
export function divideHalfUp(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b));
}

/** amount × num / den, rounded half-up to the fen. */
export function prorateFen(amountFen: number, num: number, den: number): number {
  return divideHalfUp(amountFen * num, den);
}

/** amount × percent %, rounded half-up to the fen (R7: 1792 yuan × 80% → 143360 fen). */
export function percentOfFen(amountFen: number, percent: number): number {
  return prorateFen(amountFen, percent, 100);
}

export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** §4.0 uplift: base × (1 + rate), rounded half-up to the whole yuan, returned in fen. */
export function upliftToWholeYuanFen(baseFen: number, rate: Fraction): number {
  return divideHalfUp(baseFen * (rate.den + rate.num), rate.den * 100) * 100;
}

/** ¥1,650.00 — the Chinese way to write an amount of money. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  let yuan = String(Math.floor(abs / 100));
  for (let i = yuan.length - 3; i > 0; i -= 3) yuan = `${yuan.slice(0, i)},${yuan.slice(i)}`;
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}
