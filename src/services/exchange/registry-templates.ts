// Each source's template (its layout's headers with a note per column and a fictional example row)
// and a sample extract built from the people on record (the demo's fictional people): a new user
// downloads it from the 数据交换 page and imports it to see matching, re-decisions and the report.
// The sample names a few people with claims awaiting review (so the import visibly re-decides), one ID
// not on record and one name that differs from the register (so the report shows both findings).
import { addDays } from '../../policy/dates.ts';
import { residentIdCheckChar } from '../../policy/identifiers.ts';
import type { Tx } from '../../store/audit-log.ts';
import { requireRole, type Actor } from '../access.ts';
import { businessToday } from '../business-date.ts';
import { csvText, writeSheet, XLSX_MIME, CSV_MIME } from '../classes/sheet-file.ts';
import { registrySource, type RegistrySource } from './registry-sources.ts';

export interface RegistryFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

async function fileOf(source: RegistrySource, what: string, rows: (string | null)[][], format: 'xlsx' | 'csv'): Promise<RegistryFile> {
  const headers = source.columns.map((c) => c.header);
  return format === 'csv'
    ? { fileName: `${source.name}${what}.csv`, contentType: `${CSV_MIME}; charset=utf-8`, body: csvText(headers, rows) }
    : {
        fileName: `${source.name}${what}.xlsx`,
        contentType: XLSX_MIME,
        body: await writeSheet(source.name.slice(0, 31), source.columns, rows),
      };
}

export async function registryTemplate(actor: Actor | null, key: string, format: 'xlsx' | 'csv'): Promise<RegistryFile> {
  requireRole(actor, 'city');
  const source = registrySource(key);
  return fileOf(source, '导入模板', [source.example], format);
}

/** The sample's rows, read in one short transaction; the file is built after it (in the sheet thread). */
export async function registrySampleRows(
  tx: Tx,
  actor: Actor | null,
  key: string,
): Promise<{ source: RegistrySource; rows: (string | null)[][] }> {
  requireRole(actor, 'city');
  const source = registrySource(key);
  const today = businessToday();
  // People with claims awaiting review first (their decisions move), the §4.6 ones first for the groups.
  const candidates = await tx
    .selectFrom('claims as c')
    .innerJoin('people as p', 'p.resident_id', 'c.resident_id')
    .select(['c.resident_id', 'p.name', 'c.program', 'c.enterprise_uscc', 'c.start_date'])
    .where('c.status', 'in', ['decided', 'reviewed'])
    .where('c.start_date', '<=', today)
    .orderBy((eb) =>
      eb
        .case()
        .when('c.program', '=', key === 'social_insurance' ? 'skill_upgrade' : 'employment_skill')
        .then(0)
        .else(1)
        .end(),
    )
    .orderBy('c.number')
    .limit(200)
    .execute();
  const people: typeof candidates = [];
  for (const c of candidates) if (!people.some((p) => p.resident_id === c.resident_id) && people.length < 7) people.push(c);
  const employer = await tx.selectFrom('enterprises').select(['uscc', 'name']).orderBy('uscc').limit(1).executeTakeFirst();
  const names = new Map(
    (
      await tx
        .selectFrom('enterprises')
        .select(['uscc', 'name'])
        .where(
          'uscc',
          'in',
          people
            .map((p) => p.enterprise_uscc)
            .filter((u): u is string => u != null)
            .concat(['']),
        )
        .execute()
    ).map((e) => [e.uscc, e.name]),
  );
  // A fictional ID not on record: the first well-formed one of a 1980 birth that no one holds.
  let unknown = '';
  for (let n = 1; n < 1000 && unknown === ''; n++) {
    const first17 = `510402198001${String(1 + (n % 28)).padStart(2, '0')}${String(n).padStart(3, '0')}`;
    const id = first17 + residentIdCheckChar(first17);
    if (!(await tx.selectFrom('people').select('resident_id').where('resident_id', '=', id).executeTakeFirst())) unknown = id;
  }
  const rows: (string | null)[][] = [];
  const misnamed = people.length > 1 ? people.pop()! : null;
  const categories = (source.columns.find((c) => c.header === '类别')?.meaning.match(/“([^”]+)”/g) ?? []).map((w) => w.slice(1, -1));
  const rowFor = (residentId: string, name: string, i: number, claim?: (typeof people)[number]): (string | null)[] => {
    switch (source.key) {
      case 'social_insurance': {
        const uscc = claim?.enterprise_uscc ?? employer?.uscc ?? '';
        const employerName = (claim?.enterprise_uscc ? names.get(claim.enterprise_uscc) : employer?.name) ?? '';
        // The first person reached pension entitlement a month before their training started (R5).
        const pension = i === 0 && claim ? addDays(claim.start_date, -30) : '';
        return [residentId, name, uscc, employerName, '2018-01', '', pension];
      }
      case 'veterans':
        return [residentId, name, '2016-12-01'];
      case 'disabled':
        return [residentId, name, '2018-05-20', '', `5104021985${String(i).padStart(4, '0')}`];
      case 'dibao':
        return [residentId, name, '2019-07-01', ''];
      default:
        return [residentId, name, categories[i % categories.length] ?? '', '2019-06-01', ''];
    }
  };
  people.forEach((p, i) => rows.push(rowFor(p.resident_id, p.name, i, p)));
  if (misnamed) rows.push(rowFor(misnamed.resident_id, `${[...misnamed.name][0]}某某`, rows.length, misnamed));
  if (unknown) rows.push(rowFor(unknown, '孔示例', rows.length));
  return { source, rows };
}

export async function registrySample(source: RegistrySource, rows: (string | null)[][], format: 'xlsx' | 'csv'): Promise<RegistryFile> {
  return fileOf(source, '示例数据', rows, format);
}
