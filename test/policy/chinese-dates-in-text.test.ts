// Texts built on the server from stored values (risk evidence, messages) read dates the Chinese way:
// one formatter (formatChineseDate) for every day and timestamp in the sentence.
import { describe, expect, it } from 'vitest';
import { chineseDatesInText } from '../../src/policy/dates.ts';

describe('chineseDatesInText', () => {
  it('writes each ISO day of a sentence as 2021年3月2日 and a timestamp with its hour and minute', () => {
    expect(chineseDatesInText('培训班 BJ-2021-510402-000012 有 3 条签到（如 2021-03-02 的课次在 2021-03-05 08:01:07+08 签到）')).toBe(
      '培训班 BJ-2021-510402-000012 有 3 条签到（如 2021年3月2日 的课次在 2021年3月5日 08:01 签到）',
    );
    expect(chineseDatesInText('培训期 2020-12-28至2021-01-08')).toBe('培训期 2020年12月28日至2021年1月8日');
  });

  it('leaves numbers that are not days alone: record numbers, resident IDs, a day that does not exist', () => {
    for (const text of ['SQ-2021-510422-000123', '510402198503120014', '2021-02-30']) expect(chineseDatesInText(text)).toBe(text);
  });
});
