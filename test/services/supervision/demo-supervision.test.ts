// Supervision over the demo data (#6 §1, §5.2, §5.3): every figure the funds screen, the reports and
// the disclosure show is checked against sums computed here, independently, from the raw rows.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, type Department } from '../../../src/services/access.ts';
import { claimScope } from '../../../src/services/claims/claim-scope.ts';
import { getEnterpriseR8Status } from '../../../src/services/parties/enterprise-r8-status.ts';
import { fundBalance } from '../../../src/services/funds/fund-balance.ts';
import { fundDisclosure } from '../../../src/services/funds/fund-disclosure.ts';
import { enterpriseShare, listFundAccounts } from '../../../src/services/funds/fund-spending.ts';
import { majorMatterReport, listMajorMatters } from '../../../src/services/reports/major-matters.ts';
import { periodReport } from '../../../src/services/reports/period-report.ts';
import { cjkFontInstalled, periodReportPdf, periodReportWorkbook } from '../../../src/services/reports/report-files.ts';
import { ENTERPRISE_PROGRAMS, TRAINING_PROGRAMS } from '../../../src/services/reports/report-period.ts';
import { cityGoals } from '../../../src/services/targets/city-goals.ts';
import { listTaskProgress } from '../../../src/services/targets/task-progress.ts';
import type { Store } from '../../../src/store/database.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { openDemoStore } from '../../support/demo.ts';
import { DEPARTMENTS } from '../../../src/vocabulary/roles.ts';

let store: Store;
const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  userId: 't',
  username: `t-${role}`,
  displayName: '测试',
  role,
  areaCode: null,
  department: null,
  enterpriseUscc: null,
  providerId: null,
  residentId: null,
  ...extra,
});
const city = actor('city', { areaCode: '510400' });
const finance = actor('department', { department: 'finance' as Department });
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const LIVE = new Set(['submitted', 'decided', 'reviewed', 'publicity', 'approved', 'paid']);

beforeAll(async () => {
  ({ store } = await openDemoStore());
}, 600_000); // it may wait for another file seeding the shared demo
afterAll(() => store?.close());

async function rawMoney() {
  const db = store.db;
  return {
    funds: await db.selectFrom('funds').selectAll().execute(),
    reservations: await db.selectFrom('reservations').selectAll().execute(),
    payments: await db
      .selectFrom('payments')
      .innerJoin('payment_batches as b', 'b.id', 'payments.batch_id')
      .select(['payments.claim_id', 'payments.amount_fen', 'b.fund_id'])
      .execute(),
    advances: await db.selectFrom('advances').selectAll().execute(),
    recoveries: await db.selectFrom('recoveries').selectAll().execute(),
    claims: await db
      .selectFrom('claims')
      .select([
        'id',
        'program',
        'status',
        'area_code',
        'end_date',
        'outcome',
        'amount_fen',
        'r3_exception_amount_fen',
        'resident_id',
        'provider_id',
        'enterprise_uscc',
      ])
      .execute(),
  };
}

describe('Fund accounts (§5.2)', () => {
  it('budget, reserved, paid, advanced and recovered agree with the reservation, payment, advance and recovery rows, and the programs add up', async () => {
    const raw = await rawMoney();
    const page = await listFundAccounts(store.db, city, {});
    expect(page.total).toBe(raw.funds.length);
    const program = new Map(raw.claims.map((c) => [c.id, c.program]));
    let checkedPrograms = 0;
    for (const f of page.items) {
      const reserved = sum(raw.reservations.filter((r) => r.fund_id === f.id && r.status === 'reserved').map((r) => Number(r.amount_fen)));
      const paid = sum(raw.payments.filter((p) => p.fund_id === f.id).map((p) => Number(p.amount_fen)));
      const advanced = sum(raw.advances.filter((a) => a.fund_id === f.id).map((a) => Number(a.amount_fen)));
      const advanceIds = new Set(raw.advances.filter((a) => a.fund_id === f.id).map((a) => a.id));
      const paidClaims = new Set(raw.payments.filter((p) => p.fund_id === f.id).map((p) => p.claim_id));
      const recovered = sum(
        raw.recoveries
          .filter((x) => (x.advance_id ? advanceIds.has(x.advance_id) : paidClaims.has(x.claim_id!)))
          .map((x) => Number(x.amount_fen)),
      );
      const budget = Number(raw.funds.find((x) => x.id === f.id)!.budget_fen);
      expect({ budget: f.budgetFen, reserved: f.reservedFen, paid: f.paidFen, advanced: f.advancedFen, recovered: f.recoveredFen }).toEqual(
        { budget, reserved, paid, advanced, recovered },
      );
      expect(f.remainingFen).toBe(budget - reserved - paid - advanced + recovered);
      // …and the same position as the one approvals and advances check their room against.
      const { sourceName: _n, spentFen: _s, programs: _p, ...position } = f;
      expect(position).toEqual(await fundBalance(store.db, f.id));
      expect(f.spentFen).toBe(budget - f.remainingFen);
      expect(sum(f.programs.map((p) => p.spentFen))).toBe(f.spentFen);
      // Every paid reservation is exactly its payment.
      for (const r of raw.reservations.filter((x) => x.fund_id === f.id && x.status === 'paid')) {
        expect(raw.payments.find((p) => p.claim_id === r.claim_id)?.amount_fen).toBe(Number(r.amount_fen));
      }
      for (const p of f.programs) {
        const claimsOf = (id: string) => program.get(id) === p.program;
        expect(p.reservedFen).toBe(
          sum(
            raw.reservations
              .filter((r) => r.fund_id === f.id && r.status === 'reserved' && claimsOf(r.claim_id))
              .map((r) => Number(r.amount_fen)),
          ),
        );
        expect(p.paidFen).toBe(
          sum(raw.payments.filter((x) => x.fund_id === f.id && claimsOf(x.claim_id)).map((x) => Number(x.amount_fen))),
        );
        checkedPrograms++;
      }
    }
    expect(page.items.some((f) => f.paidFen > 0 && f.reservedFen > 0 && f.advancedFen > 0)).toBe(true);
    expect(checkedPrograms).toBeGreaterThan(5);
  });

  it("R9: the enterprise-employee share of each year's special-action spending is the R11 programs' spending over all of it, warned below 60%", async () => {
    const raw = await rawMoney();
    const accounts = (await listFundAccounts(store.db, finance, {})).items;
    for (const year of [2020, 2021]) {
      const share = await enterpriseShare(store.db, year);
      const fund = accounts.find((f) => f.source === 'special_action' && f.year === year)!;
      const total = fund.spentFen;
      const enterprise = sum(
        fund.programs.filter((p) => (ENTERPRISE_PROGRAMS as readonly string[]).includes(p.program)).map((p) => p.spentFen),
      );
      expect(share.totalFen).toBe(total);
      expect(share.enterpriseFen).toBe(enterprise);
      if (total > 0) {
        expect(share.below).toBe(enterprise / total < 0.6);
        expect(share.message).toContain('R9');
      }
      // Independently: the special-action reservations and payments of R11 claims plus §4.1 advances.
      const r11 = new Set(raw.claims.filter((c) => (ENTERPRISE_PROGRAMS as readonly string[]).includes(c.program)).map((c) => c.id));
      const fromRows =
        sum(
          raw.reservations
            .filter((r) => r.fund_id === fund.id && r.status === 'reserved' && r11.has(r.claim_id))
            .map((r) => Number(r.amount_fen)),
        ) +
        sum(raw.payments.filter((p) => p.fund_id === fund.id && r11.has(p.claim_id)).map((p) => Number(p.amount_fen))) +
        sum(raw.advances.filter((a) => a.fund_id === fund.id && a.kind === 'apprenticeship').map((a) => Number(a.amount_fen))) -
        sum(
          raw.recoveries
            .filter((x) =>
              x.advance_id
                ? raw.advances.some((a) => a.id === x.advance_id && a.fund_id === fund.id && a.kind === 'apprenticeship')
                : r11.has(x.claim_id!) && raw.payments.some((p) => p.claim_id === x.claim_id && p.fund_id === fund.id),
            )
            .map((x) => Number(x.amount_fen)),
        );
      expect(share.enterpriseFen).toBe(fromRows);
    }
  });

  it("the public disclosure's approved and paid sums by program, area and provider match the claim and payment rows", async () => {
    const raw = await rawMoney();
    const d = await fundDisclosure(store.db, { year: 2021 });
    const reserved = new Map(raw.reservations.filter((r) => r.status !== 'released').map((r) => [r.claim_id, Number(r.amount_fen)]));
    const deductions = await store.db.selectFrom('advance_deductions').selectAll().execute();
    const inYear = raw.claims.filter((c) => c.end_date >= '2021-01-01' && c.end_date <= '2021-12-31' && reserved.has(c.id));
    const approved = (c: { id: string }) =>
      reserved.get(c.id)! + sum(deductions.filter((x) => x.claim_id === c.id).map((x) => Number(x.amount_fen)));
    const paid = (c: { id: string }) => sum(raw.payments.filter((p) => p.claim_id === c.id).map((p) => Number(p.amount_fen)));
    expect(d.totals.claims).toBe(inYear.length);
    expect(d.totals.approvedFen).toBe(sum(inYear.map(approved)));
    expect(d.totals.paidFen).toBe(sum(inYear.map(paid)));
    expect(d.totals.people).toBe(new Set(inYear.map((c) => c.resident_id)).size);
    for (const row of d.byArea) expect(row.approvedFen).toBe(sum(inYear.filter((c) => c.area_code === row.key).map(approved)));
    for (const row of d.byProvider) expect(row.paidFen).toBe(sum(inYear.filter((c) => (c.provider_id ?? '') === row.key).map(paid)));
    expect(sum(d.byProvider.map((r) => r.approvedFen))).toBe(d.totals.approvedFen);
    expect(JSON.stringify(d)).not.toMatch(/\d{17}[\dX]/); // no resident ID
  });
});

describe('Quarterly and annual reports (§5.3)', () => {
  it("the city's 2021 third-quarter report: every figure by program and area equals the sums over the raw claims", async () => {
    const raw = await rawMoney();
    const r = await periodReport(store.db, city, { year: 2021, quarter: 3 });
    const inQ = raw.claims.filter((c) => c.end_date >= '2021-07-01' && c.end_date <= '2021-09-30');
    const amount = (c: (typeof inQ)[number]) =>
      c.outcome === 'eligible' && c.amount_fen != null ? Number(c.amount_fen) : Number(c.r3_exception_amount_fen ?? 0);
    const figures = (cs: typeof inQ) => ({
      claims: cs.filter((c) => LIVE.has(c.status)).length,
      trainings: cs.filter((c) => LIVE.has(c.status) && (TRAINING_PROGRAMS as string[]).includes(c.program)).length,
      approvedCount: cs.filter((c) => c.status === 'approved' || c.status === 'paid').length,
      approvedFen: sum(cs.filter((c) => c.status === 'approved' || c.status === 'paid').map(amount)),
      paidCount: cs.filter((c) => c.status === 'paid').length,
      paidFen: sum(cs.filter((c) => c.status === 'paid').map(amount)),
      rejected: cs.filter((c) => c.status === 'rejected').length,
    });
    expect(r.summary).toEqual(figures(inQ));
    expect(r.summary.claims).toBeGreaterThan(0);
    for (const p of r.byProgram)
      expect({ program: p.program, ...figures(inQ.filter((c) => c.program === p.program)) }).toEqual({
        program: p.program,
        ...Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'programName')),
      });
    for (const a of r.byArea) expect(a.approvedFen).toBe(figures(inQ.filter((c) => c.area_code === a.areaCode)).approvedFen);
    expect(r.trend.map((t) => t.quarter)).toEqual([1, 2, 3]);
    expect(r.trend[2]).toMatchObject(figures(inQ));
    // Funds, R9 and the §1 goals are yearly figures: the annual report's, not the quarter's.
    expect(r.funds).toBeNull();
    expect(r.goals).toBeNull();
    const annual = await periodReport(store.db, city, { year: 2021 });
    expect(annual.enterpriseShare).toEqual(await enterpriseShare(store.db, 2021));
    expect(annual.funds!.map((f) => f.id).sort()).toEqual(['F-EF-2021', 'F-SA-2021']);
    expect(annual.goals?.year).toBe(2021);
    // Task progress in the report (area counts from the report's own aggregate) equals the task list's.
    expect(r.tasks).toEqual(
      (await listTaskProgress(store.db, city, { year: 2021, quarter: 3, pageSize: 200, sort: 'unit' })).items.sort((x, y) => x.id - y.id),
    );
  });

  it("a county's annual report covers its own area only; a department's has no funds", async () => {
    const raw = await rawMoney();
    const county = actor('county', { areaCode: '510411' });
    const r = await periodReport(store.db, county, { year: 2020 });
    expect(r.kind).toBe('annual');
    expect(r.byArea.map((a) => a.areaCode)).toEqual(r.byArea.length ? ['510411'] : []);
    const live = raw.claims.filter((c) => c.area_code === '510411' && c.end_date.startsWith('2020') && LIVE.has(c.status));
    expect(r.summary.claims).toBe(live.length);
    expect(r.funds).toBeNull();
    await expect(periodReport(store.db, county, { year: 2020, areaCode: '510402' })).rejects.toMatchObject({ code: 'not_found' });
    const emergency = await periodReport(store.db, actor('department', { department: 'emergency' }), { year: 2021 });
    expect(emergency.byProgram.every((p) => p.program === 'safety')).toBe(true);
    expect(emergency.funds).toBeNull();
  });

  it("each department's annual report counts exactly the claims of its §5.7 slice, whether read from the running figures or grouped directly", async () => {
    const raw = await rawMoney();
    for (const department of Object.keys(DEPARTMENTS) as Department[]) {
      const watcher = actor('department', { department });
      const slice = new Set((await store.db.selectFrom('claims').select('id').where(claimScope(watcher)).execute()).map((c) => c.id));
      const mine = raw.claims.filter((c) => slice.has(c.id) && c.end_date.startsWith('2021'));
      const approved = mine.filter((c) => c.status === 'approved' || c.status === 'paid');
      const r = await periodReport(store.db, watcher, { year: 2021 });
      expect({ department, claims: r.summary.claims, approvedCount: r.summary.approvedCount, approvedFen: r.summary.approvedFen }).toEqual({
        department,
        claims: mine.filter((c) => LIVE.has(c.status)).length,
        approvedCount: approved.length,
        approvedFen: sum(
          approved.map((c) =>
            c.outcome === 'eligible' && c.amount_fen != null ? Number(c.amount_fen) : Number(c.r3_exception_amount_fen ?? 0),
          ),
        ),
      });
    }
  });

  it("R8 in the annual report: the enterprises by their education-fund fact, and the 80% claims, equal the raw rows and each enterprise's own R8 page", async () => {
    let reducedInAnyYear = 0;
    for (const year of [2020, 2021]) {
      const r8 = (await periodReport(store.db, city, { year })).r8!;
      reducedInAnyYear += r8.reducedClaims;
      const claims = await store.db
        .selectFrom('claims')
        .select(['enterprise_uscc', 'payee', 'outcome', 'amount_fen', 'missing', 'status'])
        .where('end_date', '>=', `${year}-01-01`)
        .where('end_date', '<=', `${year}-12-31`)
        .where('status', 'not in', ['rejected', 'withdrawn'])
        .where('enterprise_uscc', 'is not', null)
        .execute();
      const facts = new Map(
        (await store.db.selectFrom('enterprise_education_fund').select(['uscc', 'fully_used']).where('year', '=', year).execute()).map(
          (f) => [f.uscc, f.fully_used],
        ),
      );
      const waiting = claims.filter(
        (c) =>
          c.outcome === 'undecided' && ((c.missing as string[] | null) ?? []).some((m) => m.endsWith(`educationFundFullyUsed.${year}`)),
      );
      const paidToEnterprise = claims.filter((c) => c.payee === 'enterprise' && c.outcome != null);
      const concerned = new Set([...paidToEnterprise, ...waiting].map((c) => c.enterprise_uscc!));
      expect(r8.enterprises).toEqual({
        fullyUsed: [...concerned].filter((u) => facts.get(u) === true).length,
        notFullyUsed: [...concerned].filter((u) => facts.get(u) === false).length,
        unknown: [...concerned].filter((u) => !facts.has(u)).length,
      });
      expect(r8.undecidedClaims).toBe(waiting.length);
      // Reduced: the eligible enterprise-paid claims of enterprises that did not fully use their fund.
      const reduced = paidToEnterprise.filter((c) => c.outcome === 'eligible' && facts.get(c.enterprise_uscc!) === false);
      expect(r8.reducedClaims).toBe(reduced.length);
      expect(r8.paidFen).toBe(sum(reduced.map((c) => Number(c.amount_fen))));
      // Each enterprise's R8 page states the same reductions.
      let pages = 0;
      for (const uscc of new Set(reduced.map((c) => c.enterprise_uscc!))) {
        const page = await inTransaction(store.db, (tx) => getEnterpriseR8Status(tx, city, uscc));
        pages += page.years.find((y) => y.year === year)!.reducedTotalFen!;
      }
      expect(r8.reductionFen).toBe(pages);
      expect(r8.standardFen! - r8.paidFen).toBe(r8.reductionFen);
      expect(r8.message).toContain('R8');
    }
    expect(reducedInAnyYear).toBeGreaterThan(0);
    const county = await periodReport(store.db, actor('county', { areaCode: '510411' }), { year: 2021 });
    expect(county.r8!.reducedClaims).toBeLessThanOrEqual((await periodReport(store.db, city, { year: 2021 })).r8!.reducedClaims);
    expect((await periodReport(store.db, city, { year: 2021, quarter: 3 })).r8).toBeNull();
    expect((await periodReport(store.db, actor('department', { department: 'veterans' }), { year: 2021 })).r8).toBeNull();
  });

  it('exports the report as an Excel workbook with the same figures and as a PDF', async () => {
    const r = await periodReport(store.db, city, { year: 2021, quarter: 3 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await periodReportWorkbook(r)) as never);
    const byProgram = book.getWorksheet('分项目')!;
    expect(byProgram.rowCount).toBe(r.byProgram.length + 1);
    const approvedYuan = sum(
      byProgram
        .getColumn(5)
        .values.slice(2)
        .map((v) => Math.round(Number(v) * 100)),
    );
    expect(approvedYuan).toBe(r.summary.approvedFen);
    // A machine without fonts-noto-cjk cannot draw the PDF (CI installs it, so CI always checks it).
    if (!cjkFontInstalled()) return console.warn('PDF report not checked: no CJK font (apt-get install fonts-noto-cjk)');
    const pdf = await periodReportPdf(r);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000);
  }, 60_000);
});

describe('Annual tasks, progress and 通报 (§5.3); the §1 goals', () => {
  it("the demo tasks' progress counts the live trainings of the unit up to the quarter's end; laggards are behind the even pace", async () => {
    const raw = await rawMoney();
    const page = await listTaskProgress(store.db, city, { year: 2021, quarter: 3, pageSize: 200 });
    expect(page.total).toBeGreaterThan(10);
    for (const t of page.items.filter((x) => x.unitKind === 'area')) {
      const done = raw.claims.filter(
        (c) =>
          c.area_code === t.unit &&
          c.program === t.program &&
          LIVE.has(c.status) &&
          c.end_date >= '2021-01-01' &&
          c.end_date <= '2021-09-30',
      ).length;
      expect(t.done, `${t.unit} ${t.program}`).toBe(done);
      expect(t.expected).toBe(Math.ceil((t.target * 75) / 100));
      expect(t.lagging).toBe(done < t.expected);
    }
    const laggards = await listTaskProgress(store.db, city, { year: 2021, quarter: 3, lagging: true, pageSize: 200 });
    expect(laggards.total).toBeGreaterThan(0);
    expect(laggards.total).toBeLessThan(page.total);
    expect(laggards.items.every((t) => t.lagging && t.shortfall > 0)).toBe(true);
  });

  it('the goals: skill ratios from the employment figures, rotation from distinct people trained against headcounts', async () => {
    const g = await cityGoals(store.db, 2021);
    const figs = await store.db.selectFrom('employment_figures').selectAll().where('year', '=', 2021).execute();
    expect(g.missing).toEqual([]);
    expect(g.city.employed).toBe(sum(figs.map((f) => f.employed)));
    expect(g.city.skilledMet).toBe(sum(figs.map((f) => f.skilled)) * 100 >= 33 * sum(figs.map((f) => f.employed)));
    const raw = await rawMoney();
    const vt = new Set(
      (await store.db.selectFrom('enterprises').select('uscc').where('industry', '=', 'vanadium_titanium').execute()).map((e) => e.uscc),
    );
    const trained = new Set(
      raw.claims
        .filter(
          (c) =>
            c.enterprise_uscc &&
            vt.has(c.enterprise_uscc) &&
            LIVE.has(c.status) &&
            (TRAINING_PROGRAMS as string[]).includes(c.program) &&
            c.end_date <= '2021-12-31',
        )
        .map((c) => c.resident_id),
    );
    expect(g.rotation.find((x) => x.industry === 'vanadium_titanium')!.trained).toBe(trained.size);
  });

  it("the flagged matter's 专报 names its class, claims and money", async () => {
    const matters = await listMajorMatters(store.db, city, {});
    expect(matters.total).toBe(1);
    const r = await majorMatterReport(store.db, city, matters.items[0]!.id);
    expect(r.classes).toHaveLength(1);
    expect(r.totals.claims).toBe(r.claims.length);
  });
});
