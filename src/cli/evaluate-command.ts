// `upskill evaluate FILE [--explain] [--policy PACKAGE.json ...]`: the engine's file face.
// Validates the whole file first (exit 2, one line per problem, nothing on stdout), then streams one
// decision per evaluated claim, in file order, as a JSON array.
import type { Writable } from 'node:stream';
import {
  InputError,
  PolicyConfigError,
  PolicySet,
  evaluateClaims,
  parseEvaluateInput,
  shippedPolicies,
  shippedReferenceData,
} from '../policy/index.ts';
import { BadInputError } from './errors.ts';
import { JsonArrayOutput, WriteError } from './json-array-output.ts';
import { readJsonFile } from './read-json-file.ts';

export interface EvaluateCommandOptions {
  explain?: boolean;
  policy?: string[];
}

function loadPolicies(files: string[] | undefined): PolicySet {
  if (!files || files.length === 0) return shippedPolicies();
  try {
    return new PolicySet(files.map(readJsonFile));
  } catch (e) {
    if (e instanceof PolicyConfigError) throw new BadInputError(e.problems.map((p) => `政策包: ${p}`));
    throw e;
  }
}

export async function evaluateCommand(file: string, options: EvaluateCommandOptions, out: Writable): Promise<void> {
  const policies = loadPolicies(options.policy);
  let input;
  try {
    // Without --explain no input record is printed: the file's own records, checked, spare zod's copies.
    input = parseEvaluateInput(readJsonFile(file), policies, options.explain ? 'copies' : 'file');
  } catch (e) {
    if (e instanceof InputError) throw new BadInputError(e.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)));
    throw e;
  }
  const decisions = evaluateClaims(input, policies, shippedReferenceData(), { explain: options.explain === true });
  const output = new JsonArrayOutput(out);
  try {
    for (const decision of decisions) {
      const room = output.push(options.explain ? JSON.stringify(decision, null, 1) : JSON.stringify(decision));
      if (room) await room;
    }
    await output.end();
  } catch (e) {
    output.abort();
    // A reader that stops early (`upskill evaluate f.json | head`) is not an error: stop quietly.
    if (e instanceof WriteError && e.code === 'EPIPE') return;
    throw e;
  }
}
