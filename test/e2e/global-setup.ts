// Once for the whole e2e run: the web app built (only when stale), one demo server, and a few claims
// entered and decided through the API as the city bureau would, so the review screens have work.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, startServer, type RunningServer, type ServerControl } from './server.ts';
import { DemoApi } from './api-client.ts';

export interface SeededClaims {
  /** An eligible §4.2 claim in 东区 (510402), decided. */
  dongquEligible: string;
  /** Another decided claim in 东区. */
  dongquOther: string;
  /** A claim in 东区 left submitted (not decided). */
  dongquSubmitted: string;
  /** A decided claim in 西区 (510403). */
  xiquDecided: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    claims: SeededClaims;
    /** For advanceBusinessDate (server.ts): the server starts as of 2021-11-15 (UPSKILL_TODAY). */
    server: ServerControl;
  }
}

type Page<T> = { items: T[] };

async function seedClaims(baseUrl: string): Promise<SeededClaims> {
  const api = new DemoApi(baseUrl, 'city');
  const people = async (area: string) =>
    (await api.call<Page<{ residentId: string }>>('GET', `/people?areaCode=${area}&pageSize=5`)).items.map((p) => p.residentId);
  const employer = async (area: string) =>
    (await api.call<Page<{ uscc: string; directlyManaged: boolean }>>('GET', `/enterprises?areaCode=${area}&pageSize=50`)).items.find(
      (e) => !e.directlyManaged,
    )!.uscc;
  const entry = (await api.call<Page<{ code: string; level: string }>>('GET', '/catalog?section=upgrade&level=4&pageSize=1')).items[0]!;
  const submit = async (residentId: string, enterpriseUscc: string, n: number) =>
    (
      await api.call<{ id: string }>('POST', '/claims', {
        program: 'skill_upgrade',
        applicant: 'individual',
        residentId,
        enterpriseUscc,
        occupationCode: entry.code,
        level: Number(entry.level),
        startDate: '2020-03-02',
        endDate: '2020-06-30',
        attendedHours: 160,
        qualified: true,
        certificate: { type: 'skill_level', number: `E2E-${n}` },
      })
    ).id;
  const decide = (id: string) => api.call('POST', `/claims/${id}/decide`, {});

  const [d1, d2, d3] = await people('510402');
  const [x1] = await people('510403');
  const dongquEmployer = await employer('510402');
  const xiquEmployer = await employer('510403');
  const claims: SeededClaims = {
    dongquEligible: await submit(d1!, dongquEmployer, 1),
    dongquOther: await submit(d2!, dongquEmployer, 2),
    dongquSubmitted: await submit(d3!, dongquEmployer, 3),
    xiquDecided: await submit(x1!, xiquEmployer, 4),
  };
  for (const id of [claims.dongquEligible, claims.dongquOther, claims.xiquDecided]) await decide(id);
  return claims;
}

let server: RunningServer | undefined;

export default async function setup(project: TestProject) {
  // vitest sets NODE_ENV=test; the browser must get the production bundle users get.
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/ensure-web-build.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('building the web app failed');
  server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  project.provide('server', server.control);
  try {
    project.provide('claims', await seedClaims(server.baseUrl));
  } catch (e) {
    await server.stop();
    throw e;
  }
  return async () => {
    await server?.stop();
  };
}
