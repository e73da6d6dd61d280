// Crash safety: the server is killed (SIGKILL) in the middle of paying a batch of 500
// claims, restarted on the same data folder, and the batch is run again over HTTP: every claim is
// paid exactly once and the audit chain is intact. The server runs as `node bin/upskill.js serve`, so
// the pid we hold is the process doing the work (STACK-NOTES trap 10); UPSKILL_PAY_DELAY_MS slows the
// first run's pay loop just enough to kill it half-way.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPaymentBatch, confirmPaymentBatch } from '../../src/services/payments/build-payment-batch.ts';
import { createFund } from '../../src/services/funds/create-fund.ts';
import { verifyAuditLog } from '../../src/services/audit/verify-audit-log.ts';
import { appendAuditEntries, verifyAuditChain } from '../../src/store/audit-log.ts';
import { seedReferenceData } from '../../src/store/seed/reference-data.ts';
import { seedUser } from '../../src/demo/seed-users.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { insertPeople, residentId } from '../support/claims-fixtures.ts';
import { openDataFolder, openNewDataFolder } from '../support/data-folder.ts';
import { dutyUser } from '../support/payment-duty-users.ts';

const CLAIMS = 500;
const dir = mkdtempSync(join(tmpdir(), 'upskill-crash-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** `payDelayMs`: the pause after each payment (the first run's, so it can be killed half-way). */
async function startServer(port: number, payDelayMs: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/upskill.js', 'serve', '--data', dir, '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: '', UPSKILL_PAY_DELAY_MS: String(payDelayMs) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('upskill 已启动')) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
  return child;
}

const exited = (c: ChildProcess) =>
  new Promise<void>((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve() : c.on('exit', () => resolve())));

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'city', password: 'crash-test-password' }),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('Paying a batch survives a crash', () => {
  it('killed mid-batch and run again, every claim is paid exactly once and the audit chain holds', async () => {
    // The data folder: 500 approved claims of 东区 with their reservations, in one batch built by 经办
    // and confirmed by 复核; the login `city` pays it (maker–checker: neither of the other two may).
    // Made in this process, from the run's migrated template (no initdb, no migrations).
    const store = await openNewDataFolder(dir);
    const batchId = await inTransaction(store.db, async (tx) => {
      await seedReferenceData(tx);
      await seedUser(tx, {
        username: 'city',
        password: 'crash-test-password',
        displayName: '市人社局',
        role: 'city',
        areaCode: '510400',
      });
      const people = Array.from({ length: CLAIMS }, (_, i) =>
        residentId(i, '510402', `19${String(60 + Math.floor(i / 1000)).padStart(2, '0')}0101`),
      );
      await insertPeople(
        tx,
        people.map((r) => ({ residentId: r })),
      );
      // Fund and approvals audited as createFund and approveClaim record them: `audit verify` below
      // reconciles the money tables with the log.
      const maker = await dutyUser(tx, 'maker', ['build']);
      const { id: fundId } = await createFund(tx, maker, { source: 'special_action', year: 2020, budgetFen: 10_000_000_00 });
      for (let i = 0; i < CLAIMS; i += 500) {
        const ids = people.slice(i, i + 500);
        await tx
          .insertInto('claims')
          .values(
            ids.map((r, j) => ({
              id: `C-${String(i + j).padStart(5, '0')}`,
              program: 'safety',
              applicant: 'individual',
              applicant_ref: null,
              resident_id: r,
              enterprise_uscc: null,
              class_id: null,
              provider_id: null,
              area_code: '510402',
              occupation_code: '高处作业',
              level: null,
              entrepreneurship_type: null,
              start_date: '2020-05-06',
              end_date: '2020-05-20',
              attended_hours: null,
              attended_days: null,
              qualified: true,
              certificate_type: 'special_operation',
              certificate_number: null,
              new_hire: null,
              contract_months: null,
              plan_approved: null,
              insured_months: null,
              training_claim_id: null,
              project_id: null,
              status: 'approved' as const,
              outcome: 'eligible',
              amount_fen: 100000,
              payee: 'individual',
              citations: null,
              reasons: null,
              missing: null,
              trace: null,
              policy_package_id: 'panzhihua-2020-2021',
              decided_at: null,
              r3_exception_reason: null,
              created_by: 'test',
              updated_by: null,
              updated_at: null,
            })),
          )
          .execute();
        await tx
          .insertInto('reservations')
          .values(
            ids.map((_, j) => ({
              claim_id: `C-${String(i + j).padStart(5, '0')}`,
              fund_id: fundId,
              amount_fen: 100000,
              reserved_by: 'test',
            })),
          )
          .execute();
        await appendAuditEntries(
          tx,
          ids.map((_, j) => ({
            actor: 'county:test',
            action: 'claim.approve',
            entity: 'claim',
            entityId: `C-${String(i + j).padStart(5, '0')}`,
            data: {
              from: 'reviewed',
              to: 'approved',
              fundId,
              amountFen: 100000,
              advanceId: null,
              advanceDeductedFen: 0,
              reservedFen: 100000,
            },
          })),
        );
      }
      const batch = await buildPaymentBatch(tx, maker, { areaCode: '510402', fundId });
      await confirmPaymentBatch(tx, await dutyUser(tx, 'checker', ['confirm']), { batchId: batch.id });
      return batch.id;
    });
    await store.close();

    // First run: killed half-way.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await startServer(port, 3);
    const cookie = await login(base);
    const headers = { cookie, 'content-type': 'application/json' };
    void fetch(`${base}/api/v1/payment-batches/${batchId}/pay`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ bankRef: 'CRASH-TEST-1' }),
    }).catch(() => undefined);
    let paidBeforeCrash = 0;
    while (paidBeforeCrash < CLAIMS / 4) {
      await new Promise((r) => setTimeout(r, 100));
      paidBeforeCrash = ((await (await fetch(`${base}/api/v1/payment-batches/${batchId}`, { headers })).json()) as { paid: number }).paid;
    }
    first.kill('SIGKILL');
    await exited(first);

    // Second run on the same folder: finishes the rest (at full speed), pays nobody twice.
    const second = await startServer(port, 0);
    const again = { cookie: await login(base), 'content-type': 'application/json' };
    const rerun = (await (
      await fetch(`${base}/api/v1/payment-batches/${batchId}/pay`, {
        method: 'POST',
        headers: again,
        body: JSON.stringify({ bankRef: 'CRASH-TEST-1' }),
      })
    ).json()) as { paidNow: number };
    expect(rerun).toMatchObject({ status: 'paid', items: CLAIMS, paid: CLAIMS });
    expect(rerun.paidNow).toBeGreaterThan(0);
    expect(rerun.paidNow).toBeLessThan(CLAIMS - paidBeforeCrash + 1);
    const third = await (
      await fetch(`${base}/api/v1/payment-batches/${batchId}/pay`, {
        method: 'POST',
        headers: again,
        body: JSON.stringify({ bankRef: 'CRASH-TEST-1' }),
      })
    ).json();
    expect(third).toMatchObject({ status: 'paid', paidNow: 0, paid: CLAIMS });
    second.kill('SIGTERM');
    await exited(second);

    const after = await openDataFolder(dir);
    try {
      // What `upskill audit verify` checks (test/cli/audit-command.test.ts runs the command itself), run
      // here on the folder: the chain holds and the money tables agree with the log.
      const verify = await verifyAuditLog(after.db, { checkpointFile: join(dir, 'audit-checkpoints.jsonl'), key: null });
      expect(verify.problems).toEqual([]);
      expect(verify.ok).toBe(true);
      const payments = await after.db.selectFrom('payments').select(['claim_id', 'amount_fen']).execute();
      expect(payments).toHaveLength(CLAIMS);
      expect(new Set(payments.map((p) => p.claim_id)).size).toBe(CLAIMS);
      expect(payments.reduce((s, p) => s + Number(p.amount_fen), 0)).toBe(CLAIMS * 100000);
      const statuses = await after.db.selectFrom('claims').select('status').distinct().execute();
      expect(statuses).toEqual([{ status: 'paid' }]);
      const paidEntries = await after.db
        .selectFrom('audit_log')
        .select(({ fn }) => fn.countAll().as('n'))
        .where('action', '=', 'claim.pay')
        .executeTakeFirstOrThrow();
      expect(Number(paidEntries.n)).toBe(CLAIMS);
      expect(await verifyAuditChain(after.db)).toMatchObject({ ok: true });
    } finally {
      await after.close();
    }
  }, 240_000); // two server starts and 2,000 payments: slow on a busy 2-core machine; time is not what this proves
});
