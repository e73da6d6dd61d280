// Pieces the supervision screens share: the API's shapes (the route schemas' types, type-only), the
// download of a server-made file (Excel, PDF) with a busy button, percentages from basis points, a
// lazily loaded ECharts chart (only the parts used: bar and line charts, grid, tooltip, legend), and
// the dialog whose drop-downs stay inside it.
import { Button, message } from 'antd';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { ApiError, withQuery, type Query } from '../../api.ts';

export type {
  TEnterpriseShare as EnterpriseShare,
  TFundAccount as FundAccount,
  TProgramSpending as ProgramSpending,
  TTaskProgress as TaskProgress,
  TCityGoals as CityGoals,
  TSkillRatio as SkillRatio,
  TIndustryRotation as IndustryRotation,
  TPeriodReport as PeriodReport,
  TFigures as Figures,
  TMajorMatterView as MajorMatterView,
  TMajorMatterReport as MajorMatterReport,
} from '../../../../src/api/routes/reports.types.ts';
export type { TFundDisclosure as FundDisclosure, TDisclosureRow as DisclosureRow } from '../../../../src/api/routes/supervision.types.ts';

/** 4285 → "42.85%"; null → the given text (a missing figure is never shown as 0). */
export const percent = (bp: number | null | undefined, missing = '未登记') => (bp == null ? missing : `${(bp / 100).toFixed(2)}%`);

export const PLAN_YEARS = [2020, 2021];
/** The last full quarter of the plan's data as the screens open (the demo runs as of 2021-11-15). */
export const DEFAULT_YEAR = '2021';
export const DEFAULT_QUARTER = '3';
export const QUARTER_OPTIONS = [1, 2, 3, 4].map((q) => ({ value: String(q), label: `第${'一二三四'[q - 1]}季度` }));
export const YEAR_OPTIONS = PLAN_YEARS.map((y) => ({ value: String(y), label: `${y}年` }));

/** Downloads a file the server makes (GET, same origin, session cookie) under the name it gives. */
export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<void> {
  const res = await fetch(withQuery(`/api/v1${path}`, query), { credentials: 'same-origin' });
  if (!res.ok) {
    let msg = `下载失败（HTTP ${res.status}）`;
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      msg = body.error?.message ?? msg;
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, 'download', msg);
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]!) : fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A button that downloads a server file; disabled while it runs, the server's message on failure. */
export function DownloadButton({
  path,
  query,
  label,
  fileName,
  type,
}: {
  path: string;
  query: Query;
  label: string;
  fileName: string;
  type?: 'primary' | 'default';
}) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await downloadFile(path, query, fileName);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type={type ?? 'default'} onClick={run} loading={busy} disabled={busy}>
      {label}
    </Button>
  );
}

type EChartsOption = Record<string, unknown>;

/** An ECharts chart, loaded on first use (echarts is not in any other chunk). */
export function Chart({ option, style, label }: { option: EChartsOption; style?: CSSProperties; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<{ setOption(o: EChartsOption, notMerge?: boolean): void; resize(): void; dispose(): void } | null>(null);
  const latest = useRef(option);
  latest.current = option;
  useEffect(() => {
    let disposed = false;
    let onResize: (() => void) | null = null;
    void (async () => {
      const [core, charts, components, renderers] = await Promise.all([
        import('echarts/core'),
        import('echarts/charts'),
        import('echarts/components'),
        import('echarts/renderers'),
      ]);
      core.use([
        charts.BarChart,
        charts.LineChart,
        components.GridComponent,
        components.TooltipComponent,
        components.LegendComponent,
        renderers.CanvasRenderer,
      ]);
      if (disposed || !ref.current) return;
      const c = core.init(ref.current);
      chart.current = c as unknown as typeof chart.current;
      c.setOption(latest.current as never);
      onResize = () => c.resize();
      window.addEventListener('resize', onResize);
    })();
    return () => {
      disposed = true;
      if (onResize) window.removeEventListener('resize', onResize);
      chart.current?.dispose();
      chart.current = null;
    };
    // The chart is created once; option changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} data-testid="echart" style={{ width: '100%', height: 320, ...style }} />;
}
