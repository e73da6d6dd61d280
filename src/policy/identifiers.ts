// Check characters of the two national identifiers the plan's real-name management (§5.2) relies on.
// Pure functions: the engine, the store and the browser all validate with these.
import { daysInMonth } from './dates.ts';

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = '10X98765432';

/** GB 11643-1999 check character for the first 17 digits of a resident ID. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * RESIDENT_ID_WEIGHTS[i]!;
  return RESIDENT_ID_CHECK[sum % 11]!;
}

export type IdProblem = 'length' | 'characters' | 'birthDate' | 'checkCharacter';

/** Why an 18-character resident ID is invalid, or null when it is valid (GB 11643-1999). */
export function residentIdProblem(id: string): IdProblem | null {
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return 'birthDate';
  return residentIdCheckChar(id.slice(0, 17)) === id[17] ? null : 'checkCharacter';
}

// GB 32100-2015: 31 characters, without I, O, Z, S, V.
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 check character for the first 17 characters of a unified social credit code. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Why a unified social credit code is invalid, or null when it is valid (GB 32100-2015). */
export function usccProblem(code: string): IdProblem | null {
  if (code.length !== 18) return 'length';
  for (const c of code) if (!USCC_CHARSET.includes(c)) return 'characters';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : 'checkCharacter';
}
