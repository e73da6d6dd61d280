// How guessable a password is, by zxcvbn (dictionaries of common passwords, names and words, keyboard
// walks, repeats, sequences, dates, and the account's own words). A login that moves public money must
// not fall to an online attack's first million guesses, so the city may set only passwords that zxcvbn
// scores 2 ("somewhat guessable") or better. The dictionaries load on first use, not at every start.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

const MIN_SCORE = 2;
/** zxcvbn's cost grows with length; past this a password is long enough that its prefix decides. */
const ESTIMATED_LENGTH = 64;
let estimator: Promise<ZxcvbnFactory> | undefined;

async function load(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
    maxLength: ESTIMATED_LENGTH,
    l33tMaxSubstitutions: 20,
  });
}

/** True when the password is too easy to guess, given the words of the account it is for. */
export async function isGuessable(password: string, accountWords: readonly string[]): Promise<boolean> {
  estimator ??= load();
  const words = accountWords.flatMap((w) => w.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3);
  return (await estimator).check(password.slice(0, ESTIMATED_LENGTH), words).score < MIN_SCORE;
}
