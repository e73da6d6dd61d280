// The words of the missing-facts screens: a clerk reads whose fact, which, and for which date or year,
// never an input path; many claims' missing facts are grouped by kind with each person or enterprise once.
import { describe as group, expect, it } from 'vitest';
import { answers, describe, groupMissing, pathLabel, type MissingFact } from '../../web/src/areas/office/missing-facts-text.ts';

const pension = (who: string, name: string): MissingFact => ({
  path: 'people[0].pensionEntitled',
  subject: 'person',
  subjectId: who,
  subjectName: name,
  fact: 'pensionEntitled',
  factName: '具有按月领取养老金资格',
  neededOn: '2020-03-02',
  year: null,
  rule: 'R5',
  clause: '§4.0',
  why: '不知道该人员是否具有按月领取养老金资格（R5）',
  remedy: 'person_fact',
  canRecord: true,
  howTo: '',
});
const fund = (uscc: string): MissingFact => ({
  path: 'enterprises[4].educationFundFullyUsed.2021',
  subject: 'enterprise',
  subjectId: uscc,
  subjectName: '东区钛材',
  fact: 'educationFundFullyUsed',
  factName: '2021年是否足额提取使用职工教育经费',
  neededOn: null,
  year: 2021,
  rule: 'R8',
  clause: '§5.2',
  why: '',
  remedy: 'education_fund',
  canRecord: true,
  howTo: '',
});

group('missing facts in words', () => {
  it('names the person with their resident ID and the date the rule reads the fact at', () => {
    expect(describe(pension('510402196606069013', '柏待定'))).toBe(
      '柏待定（身份证号 510402196606069013）的“具有按月领取养老金资格”，需要 2020年3月2日 时的情况',
    );
  });

  it('names the enterprise and the year for the education fund (R8)', () => {
    expect(describe(fund('91510400MA6X90001R'))).toBe(
      '东区钛材（统一社会信用代码 91510400MA6X90001R）的“2021年是否足额提取使用职工教育经费”（2021年度）',
    );
  });

  it("offers each fact's own answers", () => {
    expect(answers({ fact: 'pensionEntitled', remedy: 'person_fact' })).toEqual({ yes: '具有按月领取养老金资格', no: '不具有' });
    expect(answers({ fact: 'educationFundFullyUsed', remedy: 'education_fund' })).toEqual({ yes: '足额提取并使用', no: '未足额提取使用' });
  });

  it('reads engine paths as labels, never showing the path itself', () => {
    expect(pathLabel('enterprises[4].educationFundFullyUsed.2021')).toBe('企业：2021年足额提取使用职工教育经费');
    expect(pathLabel('people[0].pensionEntitled')).toBe('人员：具有按月领取养老金资格');
    expect(pathLabel('claims[3].attendedHours')).toBe('申领：实到学时');
    expect(pathLabel('catalog[12]')).toBe('补贴目录条目');
    expect(pathLabel('claims[2].somethingNew')).not.toContain('[');
  });
});

group('many claims grouped by the kind of fact they miss', () => {
  it('puts each person or enterprise once per kind, with the claims waiting for them; facts nobody here may record are counted apart', () => {
    const a = pension('P1', '甲');
    const { groups, other } = groupMissing([
      { claimId: 'C1', outcome: 'undecided', items: [a, fund('E1')] },
      { claimId: 'C2', outcome: 'undecided', items: [fund('E1')] },
      { claimId: 'C3', outcome: 'undecided', items: [pension('P2', '乙'), { ...fund('E2'), canRecord: false }] },
    ]);
    expect(groups.map((g) => [g.title, g.subjects.map((s) => [s.fact.subjectId, s.claimIds])])).toEqual([
      [
        '具有按月领取养老金资格',
        [
          ['P1', ['C1']],
          ['P2', ['C3']],
        ],
      ],
      ['2021年是否足额提取使用职工教育经费', [['E1', ['C1', 'C2']]]],
    ]);
    expect(other).toBe(1);
  });
});
