// Checks that a generated `upskill evaluate` file is valid against shared/contracts/evaluate.md,
// independently of the engine. Usage:
//   node --import tsx bench/check-generated.ts [claims=10000] [seed=20200114]
// Writes the file to a temp dir, re-reads it, checks it, compares with generateEvaluateFile.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { residentIdProblem, usccProblem } from '../src/policy/identifiers.ts';
import { generateEvaluateFile, writeEvaluateFile, type Claim, type EvaluateInput } from './generate-evaluate-file.ts';

const claimCount = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 20200114);

const PROGRAMS = new Set([
  'apprenticeship',
  'skill_upgrade',
  'short_term',
  'pre_job',
  'transfer',
  'employment_skill',
  'living_allowance',
  'entrepreneurship',
  'work_for_training',
  'project_based',
  'safety',
  'appraisal',
]);
const APPLICANTS = new Set(['individual', 'enterprise', 'institution']);
const GROUPS = new Set([
  'poor_family_child',
  'poor_labor',
  'non_continuing_graduate',
  'rural_migrant',
  'laid_off',
  'registered_unemployed',
  'college_graduate',
  'in_school_student',
  'veteran',
  'disabled',
  'employment_difficulty',
  'zero_employment_family',
  'urban_dibao_family',
  'decapacity',
]);
const CERTS = new Set([
  'vocational_qualification',
  'skill_level',
  'special_ability',
  'safety',
  'special_operation',
  'training',
  'entrepreneurship',
]);
const STATUSES = new Set(['pending', 'approved', 'paid', 'rejected', 'withdrawn']);
const INDUSTRIES = new Set(['vanadium_titanium', 'health_care', 'modern_service', 'other']);
const AREAS = new Set(['510402', '510403', '510411', '510421', '510422']);

const problems: string[] = [];
const fail = (path: string, msg: string): void => {
  if (problems.length < 50) problems.push(`${path}: ${msg}`);
  else if (problems.length === 50) problems.push('…');
};

const isDate = (s: unknown): s is string => {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const isNonNegInt = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;

function check(input: EvaluateInput): void {
  const catKeys = new Set<string>();
  input.catalog.forEach((e, i) => {
    const p = `catalog[${i}]`;
    if (e.section !== 'upgrade' && e.section !== 'employment') fail(p, 'section');
    if (!(e.level === 'special' || [1, 2, 3, 4, 5].includes(e.level as number))) fail(p, 'level');
    if (!INDUSTRIES.has(e.industry)) fail(p, 'industry');
    if (e.industry === 'other' ? e.upliftRate !== 0 : e.upliftRate < 0.05 || e.upliftRate > 0.2)
      fail(p, `upliftRate ${e.upliftRate} for ${e.industry}`);
    if (!isNonNegInt(e.baseStandardYuan)) fail(p, 'baseStandardYuan');
    const k = `${e.section}|${e.code}|${e.level}`;
    if (catKeys.has(k)) fail(p, `duplicate ${k}`);
    catKeys.add(k);
  });
  input.entrepreneurshipTypes.forEach((t, i) => {
    if (t.amountYuan < 200 || t.amountYuan > 1500) fail(`entrepreneurshipTypes[${i}]`, 'amount');
  });

  const people = new Map<string, number>();
  input.people.forEach((p, i) => {
    const path = `people[${i}]`;
    const problem = residentIdProblem(p.id);
    if (problem) fail(`${path}.id`, problem);
    if (!AREAS.has(p.id.slice(0, 6))) fail(`${path}.id`, 'area');
    const y = Number(p.id.slice(6, 10));
    if (y < 1960 || y > 2003) fail(`${path}.id`, `birth year ${y}`);
    if (people.has(p.id)) fail(`${path}.id`, 'duplicate');
    people.set(p.id, i);
    for (const g of p.groups) if (!GROUPS.has(g)) fail(`${path}.groups`, g);
    if (typeof p.name !== 'string' || p.name.length < 2) fail(`${path}.name`, 'name');
  });
  const enterprises = new Set<string>();
  input.enterprises.forEach((e, i) => {
    const problem = usccProblem(e.uscc);
    if (problem) fail(`enterprises[${i}].uscc`, problem);
    if (enterprises.has(e.uscc)) fail(`enterprises[${i}].uscc`, 'duplicate');
    enterprises.add(e.uscc);
    if (e.difficulty) {
      if (!isDate(e.difficulty.from)) fail(`enterprises[${i}].difficulty.from`, 'date');
      if (e.difficulty.to !== undefined && (!isDate(e.difficulty.to) || e.difficulty.to < e.difficulty.from))
        fail(`enterprises[${i}].difficulty.to`, 'date');
    }
  });

  const byRef = new Map<string, Claim>();
  for (const c of input.claims) {
    if (byRef.has(c.ref)) fail(`claims ref ${c.ref}`, 'duplicate');
    byRef.set(c.ref, c);
  }
  const projects = new Map<string, string>();
  const stats = { programs: new Map<string, number>(), history: 0, outside: 0, forwardRefs: 0, multiClaimPeople: 0 };
  const perPerson = new Map<string, number>();
  input.claims.forEach((c, i) => {
    const p = `claims[${i}]`;
    if (!PROGRAMS.has(c.program)) fail(`${p}.program`, c.program);
    if (!APPLICANTS.has(c.applicant)) fail(`${p}.applicant`, c.applicant);
    if (!people.has(c.personId)) fail(`${p}.personId`, 'unknown person');
    if (c.enterpriseUscc !== undefined && !enterprises.has(c.enterpriseUscc)) fail(`${p}.enterpriseUscc`, 'unknown enterprise');
    if (!isDate(c.startDate)) fail(`${p}.startDate`, 'not a date');
    if (!isDate(c.endDate)) fail(`${p}.endDate`, 'not a date');
    if (c.endDate < c.startDate) fail(`${p}.endDate`, 'before startDate');
    if (c.startDate < '2020-01-14' || c.startDate > '2021-12-31') stats.outside++;
    if (c.status !== undefined) {
      stats.history++;
      if (!STATUSES.has(c.status)) fail(`${p}.status`, c.status);
    }
    for (const k of [
      'attendedHours',
      'attendedDays',
      'contractMonths',
      'insuredMonths',
      'contractPerTraineeYuan',
      'contractTotalYuan',
    ] as const) {
      if (c[k] !== undefined && !isNonNegInt(c[k])) fail(`${p}.${k}`, 'not a non-negative integer');
    }
    if (c.certificate) {
      if (!CERTS.has(c.certificate.type)) fail(`${p}.certificate.type`, c.certificate.type);
      if (c.certificate.issuedOn !== undefined && !isDate(c.certificate.issuedOn)) fail(`${p}.certificate.issuedOn`, 'date');
    }
    stats.programs.set(c.program, (stats.programs.get(c.program) ?? 0) + 1);
    perPerson.set(c.personId, (perPerson.get(c.personId) ?? 0) + 1);
    if (c.program === 'living_allowance' && c.trainingRef !== undefined) {
      const t = byRef.get(c.trainingRef);
      if (!t) fail(`${p}.trainingRef`, 'unknown ref');
      else {
        if (t.program !== 'employment_skill') fail(`${p}.trainingRef`, `names a ${t.program}`);
        if (t.personId !== c.personId) fail(`${p}.trainingRef`, 'another person');
        if (c.startDate < t.startDate || c.endDate > t.endDate) fail(`${p}`, 'dates outside the training');
        if (Number(t.ref.slice(1)) > Number(c.ref.slice(1))) stats.forwardRefs++;
      }
    }
    if (c.program === 'work_for_training') {
      if (!c.startDate.endsWith('-01')) fail(`${p}.startDate`, 'not a first of month');
      const next = new Date(`${c.endDate}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      if (next.getUTCDate() !== 1) fail(`${p}.endDate`, 'not a last of month');
    }
    if (c.projectId !== undefined) {
      const figures = `${c.contractPerTraineeYuan}/${c.contractTotalYuan}`;
      const seen = projects.get(c.projectId);
      if (seen !== undefined && seen !== figures) fail(`${p}`, `project ${c.projectId} figures ${figures} ≠ ${seen}`);
      projects.set(c.projectId, figures);
    }
  });
  stats.multiClaimPeople = [...perPerson.values()].filter((n) => n > 1).length;
  console.log(
    `people ${input.people.length}, enterprises ${input.enterprises.length}, catalog ${input.catalog.length}, claims ${input.claims.length}, history ${stats.history}, ` +
      `start outside window ${stats.outside}, forward trainingRefs ${stats.forwardRefs}, people with >1 claim ${stats.multiClaimPeople}, projects ${projects.size}`,
  );
  console.log('by program:', Object.fromEntries([...stats.programs].sort()));
}

const dir = mkdtempSync(join(tmpdir(), 'upskill-gen-check-'));
try {
  const file = join(dir, 'claims.json');
  const stats = await writeEvaluateFile(file, claimCount, seed);
  const text = readFileSync(file, 'utf8');
  if (Buffer.byteLength(text) !== stats.bytes) fail('file', `size ${Buffer.byteLength(text)} ≠ reported ${stats.bytes}`);
  const parsed = JSON.parse(text) as EvaluateInput;
  check(parsed);
  const again = generateEvaluateFile(claimCount, seed);
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(again)), parsed)) fail('file', 'differs from generateEvaluateFile');
  if (!isDeepStrictEqual(generateEvaluateFile(Math.min(claimCount, 500), seed), generateEvaluateFile(Math.min(claimCount, 500), seed)))
    fail('generator', 'not deterministic');
  console.log(`file ${(stats.bytes / 1e6).toFixed(1)} MB, evaluated claims ${stats.evaluatedClaims}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(`INVALID:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('valid');
