import type { ProgramCode } from '../codes.ts';
import { apprenticeship } from './apprenticeship.ts';
import { appraisal } from './appraisal.ts';
import { employmentSkill } from './employment-skill.ts';
import { entrepreneurship } from './entrepreneurship.ts';
import { livingAllowance } from './living-allowance.ts';
import { preJob } from './pre-job.ts';
import type { Program } from './program.ts';
import { projectBased } from './project-based.ts';
import { safety } from './safety.ts';
import { shortTerm } from './short-term.ts';
import { skillUpgrade } from './skill-upgrade.ts';
import { transfer } from './transfer.ts';
import { workForTraining } from './work-for-training.ts';

export const PROGRAM_RULES: Record<ProgramCode, Program> = {
  apprenticeship,
  skill_upgrade: skillUpgrade,
  short_term: shortTerm,
  pre_job: preJob,
  transfer,
  employment_skill: employmentSkill,
  living_allowance: livingAllowance,
  entrepreneurship,
  work_for_training: workForTraining,
  project_based: projectBased,
  safety,
  appraisal,
};

export type { Program };
