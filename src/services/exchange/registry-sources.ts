// The registers other departments keep (§2 person attributes, §5.2 实名制 and data sharing), each behind
// one small interface: a source READS an extract and gives rows of dated facts about people; the
// import use case (import-registry-extract.ts) matches them to the people on record, adds the facts and
// reports. Today every source is a file the department sends (Excel or CSV, one documented layout per
// source, docs/registry-exchange.md); an online exchange replaces `read` and nothing else.
//
// How a row becomes facts (SPEC Facts in time: a fact holds from its date until the next record):
// - a membership period (poverty, 低保, disability, unemployment…) → the group `true` from its start,
//   and `false` from the day after its end when it has one;
// - a veteran's discharge → 退役军人 `true` from that date (it does not end);
// - social insurance: not entitled to a monthly pension from birth (the ID's date of birth) until the
//   entitlement date, entitled from it; no date = not entitled as of the extract. Each row is also an
//   insured spell with an employer (months of contributions, kept for §4.8 cross-checks).
// A person absent from an extract says nothing about them: no fact is recorded as false for absence.
import { GROUP_NAMES, type GroupCode } from '../../policy/codes.ts';
import { addDays, chineseDatesInText, isIsoDate } from '../../policy/dates.ts';
import { residentIdMessage, usccMessage } from '../identifiers.ts';
import { AppError } from '../app-error.ts';
import { readCsv, readSheet, refuseRows, type ReadSheet, type RowProblem, type SheetColumn } from '../classes/sheet-file.ts';
import type { PersonFact } from '../people/person-facts.ts';

export const SOURCE_KEYS = ['social_insurance', 'poverty', 'dibao', 'disabled', 'veterans', 'employment'] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

/** An extract as it arrives: today a file; an online adapter would carry its own reference instead. */
export interface RegistryExtract {
  format: 'xlsx' | 'csv';
  body: unknown;
  /** The date the register's data is as of (数据日期): no fact in it may be dated after it. */
  extractDate: string;
}

export interface ExtractFact {
  fact: PersonFact;
  value: boolean;
  asOf: string;
}
/** Months insured with one employer (social insurance): `toMonth` null = still insured on the extract date. */
export interface InsuredSpell {
  uscc: string;
  employerName: string;
  fromMonth: string;
  toMonth: string | null;
}
export interface RegistryRow {
  /** The row in the extract (Excel/CSV row number; the header is row 1). */
  row: number;
  residentId: string;
  name: string;
  facts: ExtractFact[];
  spells: InsuredSpell[];
}

/** One column of a source's layout: its header, what it means, and whether it must be filled. */
export interface LayoutColumn extends SheetColumn {
  required: boolean;
  meaning: string;
}

export interface RegistrySource {
  key: SourceKey;
  /** The register, as the office calls it. */
  name: string;
  /** Who keeps it and sends the extract. */
  holder: string;
  /** The facts it can give. */
  facts: PersonFact[];
  columns: LayoutColumn[];
  /** An example row for the template (fictional; the template says to delete it). */
  example: (string | null)[];
  /** Reads a whole extract, validated: every problem by row and column, or the rows. Outside any transaction. */
  read(extract: RegistryExtract): Promise<RegistryRow[]>;
}

// ---------------------------------------------------------------------------------------------
// Cell values
// ---------------------------------------------------------------------------------------------
const pad = (n: string) => n.padStart(2, '0');

/** 2021-03-01, 2021/3/1, 2021.3.1, 2021年3月1日, 20210301 → 2021-03-01; null when it is no calendar date. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  return isIsoDate(iso) ? iso : null;
}

/** 2021-03, 2021/3, 2021年3月, 202103 (or a whole date) → 2021-03; null otherwise. */
export function parseMonth(text: string): string | null {
  const t = text.trim();
  const date = parseDate(t);
  if (date) return date.slice(0, 7);
  const m = /^(\d{4})[-/.年]?(\d{1,2})月?$/.exec(t);
  if (!m || (m[2]!.length === 1 && !/[-/.年]/.test(t))) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${pad(m[2]!)}` : null;
}

/** The birth date a resident ID carries (GB 11643: digits 7–14). */
export const birthDateOf = (residentId: string) => `${residentId.slice(6, 10)}-${residentId.slice(10, 12)}-${residentId.slice(12, 14)}`;

/** Whole months from one YYYY-MM to another, both counted. */
export function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

const DATE_HELP = '应为日期，如 2021-03-01';
const ID = '身份证号';
const NAME = '姓名';
const idColumn: LayoutColumn = { header: ID, width: 24, text: true, required: true, meaning: '18 位居民身份证号码（GB 11643，含校验位）' };
const nameColumn: LayoutColumn = {
  header: NAME,
  width: 14,
  text: true,
  required: true,
  meaning: '登记的姓名；须与本系统人员登记的姓名一致（实名核验）',
};
const EXAMPLE_ID = '510402199001011234';
const EXAMPLE_NAME = '张三（示例，请删除本行）';

/** Reads the file's first sheet (or the CSV) with the layout's required headers; outside any transaction. */
async function readExtract(extract: RegistryExtract, columns: LayoutColumn[], register: string): Promise<ReadSheet> {
  const required = columns.filter((c) => c.required).map((c) => c.header);
  const kind = { name: `${register}数据`, layout: 'template' } as const;
  const sheet = extract.format === 'csv' ? await readCsv(extract.body, required, kind) : await readSheet(extract.body, required, kind);
  if (sheet.rows.length === 0) throw new AppError('invalid_input', 'file: 文件中没有数据行（第 1 行为表头，数据从第 2 行起）', 'file');
  return sheet;
}

/** The checks every source makes on a row's person: a well-formed ID and a name. */
function personOf(r: { row: number; get(h: string): string }, bad: (column: string, message: string) => void) {
  const residentId = r.get(ID).toUpperCase();
  const name = r.get(NAME);
  if (residentId === '') bad(ID, '请填写身份证号');
  else {
    const problem = residentIdMessage(residentId);
    if (problem) bad(ID, problem);
  }
  if (name === '') bad(NAME, '请填写姓名');
  else if (name.length > 50) bad(NAME, '姓名不能超过 50 个字符');
  return { residentId, name };
}

function dateCell(
  r: { get(h: string): string },
  header: string,
  extractDate: string,
  bad: (column: string, message: string) => void,
  opts: { required: boolean; notAfterExtract: boolean },
): string | null {
  const text = r.get(header);
  if (text === '') {
    if (opts.required) bad(header, '请填写日期');
    return null;
  }
  const date = parseDate(text);
  if (!date) {
    bad(header, `“${text}”不是有效日期，${DATE_HELP}`);
    return null;
  }
  if (opts.notAfterExtract && date > extractDate) {
    bad(header, `${date} 晚于本次数据的数据日期 ${extractDate}`);
    return null;
  }
  return date;
}

// ---------------------------------------------------------------------------------------------
// Period registers: a category (when the register has several), a start and an optional end.
// ---------------------------------------------------------------------------------------------
interface PeriodLayout {
  key: SourceKey;
  name: string;
  holder: string;
  /** Category words in the file → group; one group only = no category column. */
  categories: Record<string, GroupCode>;
  from: { header: string; meaning: string };
  to: { header: string; meaning: string } | null;
  extra?: LayoutColumn[];
  example: (string | null)[];
}

const CATEGORY = '类别';

function periodSource(l: PeriodLayout): RegistrySource {
  const groups = [...new Set(Object.values(l.categories))];
  const categoryWords = Object.keys(l.categories);
  const columns: LayoutColumn[] = [
    idColumn,
    nameColumn,
    ...(groups.length > 1
      ? [
          {
            header: CATEGORY,
            width: 22,
            text: true,
            required: true,
            meaning: `填写：${categoryWords.map((w) => `“${w}”`).join('、')}`,
            note: `填写${categoryWords.join('、')}之一`,
          },
        ]
      : []),
    { header: l.from.header, width: 16, text: true, required: true, meaning: l.from.meaning, note: DATE_HELP },
    ...(l.to
      ? [{ header: l.to.header, width: 16, text: true, required: false, meaning: l.to.meaning, note: `${DATE_HELP}；仍在册的留空` }]
      : []),
    ...(l.extra ?? []),
  ];
  return {
    key: l.key,
    name: l.name,
    holder: l.holder,
    facts: groups,
    columns,
    example: l.example,
    async read(extract) {
      const sheet = await readExtract(extract, columns, l.name);
      const problems: RowProblem[] = [];
      const rows: RegistryRow[] = [];
      const seen = new Map<string, number>();
      for (const r of sheet.rows) {
        // Users read dates as 2021年3月2日, in every message.
        const bad = (column: string, message: string) => problems.push({ row: r.row, column, message: chineseDatesInText(message) });
        const { residentId, name } = personOf(r, bad);
        let group: GroupCode | undefined = groups[0];
        if (groups.length > 1) {
          const word = r.get(CATEGORY);
          group = l.categories[word];
          if (!group)
            bad(
              CATEGORY,
              word === '' ? `请填写类别（${categoryWords.join('、')}）` : `“${word}”不是本登记的类别，应为${categoryWords.join('、')}之一`,
            );
        }
        const from = dateCell(r, l.from.header, extract.extractDate, bad, { required: true, notAfterExtract: true });
        const to = l.to ? dateCell(r, l.to.header, extract.extractDate, bad, { required: false, notAfterExtract: false }) : null;
        if (from && to && to < from) bad(l.to!.header, `${to} 早于${l.from.header} ${from}`);
        for (const c of l.extra ?? []) {
          if (r.get(c.header).length > 60) bad(c.header, '不能超过 60 个字符');
        }
        const key = `${residentId}|${group}|${from}|${to}`;
        if (seen.has(key)) bad(ID, `与第 ${seen.get(key)} 行重复`);
        else seen.set(key, r.row);
        if (!group || !from) continue;
        const facts: ExtractFact[] = [{ fact: group, value: true, asOf: from }];
        if (to) facts.push({ fact: group, value: false, asOf: addDays(to, 1) });
        rows.push({ row: r.row, residentId, name, facts, spells: [] });
      }
      if (problems.length > 0) refuseRows(problems, `${l.name}数据`);
      return rows;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Social insurance: a row per insured spell with an employer; the pension entitlement date.
// ---------------------------------------------------------------------------------------------
const SI = {
  uscc: '参保单位统一社会信用代码',
  employer: '参保单位名称',
  from: '参保起始年月',
  to: '参保终止年月',
  pension: '按月领取养老金起始日期',
} as const;

const socialInsurance: RegistrySource = {
  key: 'social_insurance',
  name: '社会保险参保登记',
  holder: '市社会保险事业管理局',
  facts: ['pensionEntitled'],
  columns: [
    idColumn,
    nameColumn,
    { header: SI.uscc, width: 30, text: true, required: true, meaning: '缴费单位的统一社会信用代码（GB 32100）' },
    { header: SI.employer, width: 28, text: true, required: true, meaning: '缴费单位名称' },
    { header: SI.from, width: 14, text: true, required: true, meaning: '在该单位参保缴费的第一个月，如 2020-03', note: '年月，如 2020-03' },
    {
      header: SI.to,
      width: 14,
      text: true,
      required: false,
      meaning: '在该单位参保缴费的最后一个月；数据日期仍在缴费的留空',
      note: '年月，如 2021-06；仍在缴费的留空',
    },
    {
      header: SI.pension,
      width: 22,
      text: true,
      required: false,
      meaning: '开始按月领取基本养老金（取得领取资格）的日期；数据日期尚未取得资格的留空。同一人各行须相同',
      note: `${DATE_HELP}；尚未取得领取资格的留空`,
    },
  ],
  example: [EXAMPLE_ID, EXAMPLE_NAME, '91510400MA6200001E', '攀枝花示例钢铁有限公司', '2020-01', '', ''],
  async read(extract) {
    const sheet = await readExtract(extract, this.columns, this.name);
    const problems: RowProblem[] = [];
    const rows: RegistryRow[] = [];
    const pensionOf = new Map<string, { row: number; date: string | null }>();
    const seen = new Map<string, number>();
    const extractMonth = extract.extractDate.slice(0, 7);
    for (const r of sheet.rows) {
      // Users read dates as 2021年3月2日, in every message.
      const bad = (column: string, message: string) => problems.push({ row: r.row, column, message: chineseDatesInText(message) });
      const { residentId, name } = personOf(r, bad);
      const uscc = r.get(SI.uscc).toUpperCase();
      if (uscc === '') bad(SI.uscc, '请填写统一社会信用代码');
      else {
        const problem = usccMessage(uscc);
        if (problem) bad(SI.uscc, problem);
      }
      const employerName = r.get(SI.employer);
      if (employerName === '') bad(SI.employer, '请填写参保单位名称');
      else if (employerName.length > 100) bad(SI.employer, '不能超过 100 个字符');
      const monthCell = (header: string, required: boolean) => {
        const text = r.get(header);
        if (text === '') {
          if (required) bad(header, '请填写年月，如 2020-03');
          return null;
        }
        const month = parseMonth(text);
        if (!month) bad(header, `“${text}”不是有效年月，应如 2020-03`);
        else if (month > extractMonth) bad(header, `${month} 晚于本次数据的数据日期 ${extract.extractDate}`);
        return month;
      };
      const fromMonth = monthCell(SI.from, true);
      const toMonth = monthCell(SI.to, false);
      if (fromMonth && toMonth && toMonth < fromMonth) bad(SI.to, `${toMonth} 早于${SI.from} ${fromMonth}`);
      const pension = dateCell(r, SI.pension, extract.extractDate, bad, { required: false, notAfterExtract: true });
      const invalidPension = r.get(SI.pension) !== '' && pension === null;
      if (residentId && !invalidPension) {
        const earlier = pensionOf.get(residentId);
        if (earlier && earlier.date !== pension)
          bad(SI.pension, `与第 ${earlier.row} 行同一人的${SI.pension}（${earlier.date ?? '空'}）不一致`);
        else if (!earlier) pensionOf.set(residentId, { row: r.row, date: pension });
      }
      const key = `${residentId}|${uscc}|${fromMonth}|${toMonth}`;
      if (seen.has(key)) bad(ID, `与第 ${seen.get(key)} 行重复`);
      else seen.set(key, r.row);
      if (!fromMonth || invalidPension) continue;
      const facts: ExtractFact[] = [];
      // Entitlement is for life once reached: before its date (from birth) the person was not entitled.
      if (residentIdMessage(residentId) === null) {
        const birth = birthDateOf(residentId);
        if (pension && pension <= birth) bad(SI.pension, `${pension} 不晚于出生日期 ${birth}`);
        facts.push({ fact: 'pensionEntitled', value: false, asOf: birth });
        if (pension) facts.push({ fact: 'pensionEntitled', value: true, asOf: pension });
      }
      rows.push({ row: r.row, residentId, name, facts, spells: [{ uscc, employerName, fromMonth, toMonth }] });
    }
    if (problems.length > 0) refuseRows(problems, `${this.name}数据`);
    return rows;
  },
};

// ---------------------------------------------------------------------------------------------
// The sources
// ---------------------------------------------------------------------------------------------
const START = (what: string) => ({ header: '起始日期', meaning: `${what}的起始日期（含当日）` });
const END = (what: string) => ({ header: '终止日期', meaning: `${what}的终止日期（含当日）；数据日期仍在册的留空` });

export const REGISTRY_SOURCES: Record<SourceKey, RegistrySource> = {
  social_insurance: socialInsurance,
  poverty: periodSource({
    key: 'poverty',
    name: '贫困人口建档立卡登记',
    holder: '市扶贫开发局（乡村振兴局）',
    categories: { 贫困劳动力: 'poor_labor', 贫困家庭子女: 'poor_family_child' },
    from: START('识别为该类别'),
    to: END('脱贫退出前属于该类别'),
    example: [EXAMPLE_ID, EXAMPLE_NAME, '贫困劳动力', '2019-06-01', ''],
  }),
  dibao: periodSource({
    key: 'dibao',
    name: '城市最低生活保障家庭登记',
    holder: '市民政局',
    categories: { 城市低保家庭成员: 'urban_dibao_family' },
    from: START('享受城市低保'),
    to: END('享受城市低保'),
    example: [EXAMPLE_ID, EXAMPLE_NAME, '2020-01-01', ''],
  }),
  disabled: periodSource({
    key: 'disabled',
    name: '残疾人证登记',
    holder: '市残疾人联合会',
    categories: { 残疾人: 'disabled' },
    from: { header: '发证日期', meaning: '残疾人证的发证日期' },
    to: { header: '有效期至', meaning: '残疾人证有效期的最后一天；长期有效的留空' },
    extra: [{ header: '残疾人证号', width: 26, text: true, required: false, meaning: '残疾人证号码（仅供核对，不作判定依据）' }],
    example: [EXAMPLE_ID, EXAMPLE_NAME, '2018-05-20', '', ''],
  }),
  veterans: periodSource({
    key: 'veterans',
    name: '退役军人信息登记',
    holder: '市退役军人事务局',
    categories: { 退役军人: 'veteran' },
    from: { header: '退役日期', meaning: '退出现役的日期（此后一直为退役军人）' },
    to: null,
    example: [EXAMPLE_ID, EXAMPLE_NAME, '2016-12-01'],
  }),
  employment: periodSource({
    key: 'employment',
    name: '就业失业登记',
    holder: '市就业服务管理局',
    categories: {
      城镇登记失业人员: 'registered_unemployed',
      就业困难人员: 'employment_difficulty',
      零就业家庭成员: 'zero_employment_family',
    },
    from: START('登记（认定）为该类别'),
    to: END('属于该类别（就业或注销登记的前一日）'),
    example: [EXAMPLE_ID, EXAMPLE_NAME, '就业困难人员', '2020-04-15', ''],
  }),
};

export function registrySource(key: string): RegistrySource {
  const source = (REGISTRY_SOURCES as Record<string, RegistrySource>)[key];
  if (!source) throw new AppError('invalid_input', `source: 没有这个数据来源：${key}`, 'source');
  return source;
}

/** The fact's name as the office reads it. */
export const extractFactName = (fact: string) =>
  (GROUP_NAMES as Record<string, string>)[fact] ?? (fact === 'pensionEntitled' ? '具有按月领取养老金资格' : fact);
