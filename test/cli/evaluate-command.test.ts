// `upskill evaluate` as users and tools call it: `npm run -s upskill -- evaluate FILE` runs
// `node bin/upskill.js`, so these tests run that, as a whole process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateEvaluateFile } from '../../bench/generate-evaluate-file.ts';
import { SHIPPED_PACKAGES, evaluateFile } from '../../src/policy/index.ts';
import { claim, file } from '../spec/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'upskill-cli-'));

function upskill(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/upskill.js', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, content: string | object): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('upskill evaluate', () => {
  it('prints one decision per evaluated claim as a JSON array and exits 0', () => {
    const r = upskill('evaluate', 'examples/demo-claims.json');
    expect(r.code).toBe(0);
    const decisions = JSON.parse(r.stdout) as { ref: string; outcome: string }[];
    expect(decisions.map((d) => d.ref)).toEqual(Array.from({ length: 15 }, (_, i) => `D-${String(i + 1).padStart(2, '0')}`));
    expect(new Set(decisions.map((d) => d.outcome))).toEqual(new Set(['eligible', 'ineligible', 'undecided', 'not_applicable']));
  });

  it('prints an empty array for a file with no claim to decide', () => {
    const r = upskill('evaluate', write('none.json', { people: [], claims: [] }));
    expect([r.code, r.stdout.trim()]).toEqual([0, '[]']);
  });

  it('with --explain gives each decision its trace: steps, facts and parameters with clause and dates', () => {
    const r = upskill('evaluate', write('one.json', file({ claims: [claim('short_term')] })), '--explain');
    expect(r.code).toBe(0);
    const [d] = JSON.parse(r.stdout);
    expect(d.trace.policyPackage).toBe('panzhihua-2020-2021');
    const hours = d.trace.steps.find((s: { rule: string }) => s.rule === '学时');
    expect(hours).toMatchObject({ clause: '§4.3', result: 'pass' });
    expect(hours.facts).toContainEqual({ path: 'claims[0].attendedHours', value: 32 });
    expect(hours.parameters).toContainEqual({
      name: 'shortTerm.minAttendedHours',
      value: 28,
      clause: '§4.3',
      from: '2020-01-01',
      to: '2021-12-31',
    });
  });

  it('with --policy decides under the package file given', () => {
    const pkg = structuredClone(SHIPPED_PACKAGES[0]) as { parameters: Record<string, { values: { value: unknown }[] }> };
    pkg.parameters['shortTerm.amountYuan']!.values[0]!.value = 700;
    const r = upskill('evaluate', write('st.json', file({ claims: [claim('short_term')] })), '--policy', write('pkg.json', pkg));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].amountFen).toBe(70000);
  });

  describe('refuses bad input with exit 2, a line per problem naming its field, and nothing on stdout', () => {
    const cases: [string, string | object, RegExp][] = [
      ['a missing file', '', /missing\.json: 文件不存在/],
      ['an empty file', '  \n', /文件为空/],
      ['text that is not JSON', '{"claims": [', /不是有效的 JSON/],
      ['JSON that is not an object', '[1, 2]', /JSON 对象/],
      ['an impossible date', file({ claims: [claim('short_term', { endDate: '2020-02-30' })] }), /^claims\[0\]\.endDate: 不是有效日期/m],
      ['an unknown program', file({ claims: [claim('short_term', { program: 'massage' })] }), /^claims\[0\]\.program: 不是允许的取值/m],
      [
        'a resident ID with a bad check digit',
        file({ people: [{ id: '510403198805060317', groups: [] }], claims: [] }),
        /^people\[0\]\.id: 居民身份证号码校验码错误/m,
      ],
    ];
    it.each(cases)('%s', (name, content, message) => {
      const path = name === 'a missing file' ? join(dir, 'missing.json') : write(`${name}.json`, content);
      const r = upskill('evaluate', path);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    });

    it('every problem of the file at once, one per line', () => {
      const bad = file({
        claims: [claim('short_term', { attendedHours: -3 }), claim('safety', { startDate: 'soon', applicant: 'state' })],
      });
      const r = upskill('evaluate', write('many.json', bad));
      expect(r.code).toBe(2);
      expect(
        r.stderr
          .trim()
          .split('\n')
          .map((l) => l.split(':')[0]),
      ).toEqual(['claims[0].attendedHours', 'claims[1].applicant', 'claims[1].startDate']);
    });
  });

  describe('a large output (several MB: written by a thread of its own while deciding goes on)', () => {
    const big = generateEvaluateFile(8000, 11);
    const path = write('big.json', big);

    it('is the whole JSON array, in file order, byte for byte what the engine decides', () => {
      const r = spawnSync(process.execPath, ['bin/upskill.js', 'evaluate', path], { encoding: 'utf8', maxBuffer: 1 << 30 });
      expect([r.status, r.stderr]).toEqual([0, '']);
      const expected = `[\n${evaluateFile(big)
        .map((d) => JSON.stringify(d))
        .join(',\n')}\n]\n`;
      expect(Buffer.byteLength(r.stdout)).toBeGreaterThan(3 << 20);
      expect(r.stdout === expected).toBe(true);
    });

    it('stops quietly (exit 0, nothing on stderr) when its reader stops early', () => {
      const r = spawnSync(
        'bash',
        ['-c', `set -o pipefail; "${process.execPath}" bin/upskill.js evaluate "${path}" | head -c 1000 > /dev/null`],
        { encoding: 'utf8' },
      );
      expect([r.status, r.stderr]).toEqual([0, '']);
    });
  });

  it('treats a wrong command or a missing argument as a usage error (exit 2)', () => {
    expect(upskill('evaluat', 'x.json').code).toBe(2);
    expect(upskill('evaluate').code).toBe(2);
  });
});
