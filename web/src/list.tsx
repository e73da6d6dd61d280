// The parts every list screen shares: a server-side page whose paging, sorting and filters live in
// the URL (useServerList), and the Excel export of every row the current filters select (ExportButton).
import { Button, Card, Form, Modal, Progress, Select, Space, type FormInstance, type TableProps } from 'antd';
import { useCallback, useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { AREA_NAMES } from './labels.ts';
import { xlsxCell } from '../../src/policy/xlsx-cells.ts';
import { api, ApiError, type Page, type Query } from './api.ts';
import { useApi, useListState, type ListState } from './hooks.ts';

/**
 * One list endpoint as a table: `sortable` maps a column key to the API's sort name.
 * Spread `tableProps` on the antd <Table>; use `sortOrder(key)` in the sortable columns.
 */
export function useServerList<T>(
  path: string | null,
  filterKeys: readonly string[],
  sortable: Record<string, string> = {},
  extra: Query = {},
) {
  const { state, update, query } = useListState(filterKeys);
  const fullQuery: Query = { ...query, ...extra };
  const loaded = useApi<Page<T>>(path, fullQuery);

  const sortOrder = (key: string): 'ascend' | 'descend' | null => {
    const name = sortable[key];
    if (!name || state.sort !== name) return null;
    return state.order === 'desc' ? 'descend' : 'ascend';
  };
  const onChange: TableProps<T>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const name = s?.order ? sortable[String(s.columnKey)] : undefined;
    update({
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? state.pageSize,
      sort: name,
      order: name ? (s?.order === 'descend' ? 'desc' : 'asc') : undefined,
    });
  };
  const clearFilters = () =>
    update({ filters: Object.fromEntries(filterKeys.map((k) => [k, undefined])), sort: undefined, order: undefined });
  const setFilters = (values: Record<string, unknown>) =>
    update({
      filters: Object.fromEntries(
        filterKeys.map((k) => {
          const v = values[k];
          return [k, typeof v === 'string' ? v.trim() || undefined : v == null ? undefined : String(v)];
        }),
      ),
    });

  const tableProps = {
    loading: loaded.loading,
    dataSource: loaded.data?.items ?? [],
    onChange,
    pagination: {
      current: state.page,
      pageSize: state.pageSize,
      total: loaded.data?.total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [20, 50, 100, 200],
      showTotal: (total: number) => `共 ${total} 条`,
    },
  } satisfies TableProps<T>;

  return { ...loaded, state, update, query: fullQuery, sortOrder, tableProps, setFilters, clearFilters } as {
    data: Page<T> | undefined;
    error: ApiError | undefined;
    loading: boolean;
    reload(): void;
    state: ListState;
    update: typeof update;
    query: Query;
    sortOrder: typeof sortOrder;
    tableProps: typeof tableProps;
    setFilters: typeof setFilters;
    clearFilters: typeof clearFilters;
  };
}

/** One column of an export: its Chinese heading and the cell's value for a row. */
export interface ExportColumn<T> {
  title: string;
  /** An ISO date or timestamp here is written as a date cell (xlsx-cells.ts), never as text. */
  value(row: T): string | number | Date | null | undefined;
  /** Excel column width in characters. */
  width?: number;
}

const EXPORT_PAGE_SIZE = 200;

/** Fetches every page of `path` under `query` (paging ignored), reporting progress as 0–100. */
export async function fetchAllRows<T>(
  path: string,
  query: Query,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<T[]> {
  const rows: T[] = [];
  const base = { ...query, page: undefined, pageSize: EXPORT_PAGE_SIZE };
  for (let page = 1; ; page++) {
    const got = await api<Page<T>>(path, { query: { ...base, page }, signal });
    rows.push(...got.items);
    onProgress(got.total === 0 ? 100 : Math.min(100, Math.round((rows.length / got.total) * 100)));
    if (got.items.length === 0 || rows.length >= got.total) return rows;
  }
}

/** Builds the workbook of an export: a header row, then one row per record, dates as date cells. */
export async function exportWorkbook<T>(sheetName: string, columns: readonly ExportColumn<T>[], rows: readonly T[]) {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c, i) => ({ header: c.title, key: String(i), width: c.width ?? Math.max(10, c.title.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const cells = columns.map((c) => xlsxCell(c.value(row)));
    const added = sheet.addRow(cells.map((x) => x.value ?? ''));
    cells.forEach((x, i) => {
      if (x.numFmt) added.getCell(i + 1).numFmt = x.numFmt;
    });
  }
  return book;
}

/** Writes rows to an .xlsx in the browser (exceljs, loaded only when someone exports) and downloads it. */
export async function downloadXlsx<T>(
  fileName: string,
  sheetName: string,
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
): Promise<void> {
  const book = await exportWorkbook(sheetName, columns, rows);
  const buffer = await book.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 导出 Excel of a short table the screen already holds whole (not paged on the server). */
export function RowsExportButton<T>({
  rows,
  columns,
  fileName,
  sheetName,
}: {
  rows: readonly T[];
  columns: readonly ExportColumn<T>[];
  fileName: string;
  sheetName?: string;
}) {
  const [running, setRunning] = useState(false);
  const run = async () => {
    if (running) return;
    setRunning(true);
    try {
      await downloadXlsx(fileName, sheetName ?? fileName, columns, rows);
    } catch (e) {
      Modal.error({ title: '导出失败', content: String(e) });
    } finally {
      setRunning(false);
    }
  };
  return (
    <Button onClick={run} loading={running} disabled={running || rows.length === 0}>
      导出 Excel
    </Button>
  );
}

/**
 * 导出 Excel: every row the list's current filters and sort select (not only the page shown), with a
 * progress dialog; the button stays disabled until the file is written, so it can't run twice.
 */
export function ExportButton<T>({
  path,
  query,
  columns,
  fileName,
  sheetName,
}: {
  path: string;
  query: Query;
  columns: readonly ExportColumn<T>[];
  fileName: string;
  sheetName?: string;
}) {
  const [percent, setPercent] = useState<number | null>(null);
  const running = useRef(false);
  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setPercent(0);
    try {
      const rows = await fetchAllRows<T>(path, query, setPercent);
      await downloadXlsx(fileName, sheetName ?? fileName, columns, rows);
    } catch (e) {
      Modal.error({ title: '导出失败', content: e instanceof ApiError ? e.message : String(e) });
    } finally {
      running.current = false;
      setPercent(null);
    }
  }, [path, query, columns, fileName, sheetName]);
  return (
    <>
      <Button onClick={run} disabled={percent !== null} loading={percent !== null}>
        导出 Excel
      </Button>
      <Modal open={percent !== null} title="正在导出" footer={null} closable={false} mask={{ closable: false }}>
        <Progress percent={percent ?? 0} aria-label="导出进度" />
      </Modal>
    </>
  );
}

/**
 * A list screen's filter bar (aria-label 筛选条件): the screen's own filter fields as children, then
 * 查询 (copies the form into the URL's filters) and 重置 (empties the form and the URL's filters and sort).
 * The form follows the URL, so back/forward and shared links show the filters in force. `toForm` and
 * `fromForm` convert values the URL keeps as text (dates) to and from the form's values.
 * In a Card of its own, unless `bare` (for a Card that holds more than the filters).
 */
export function ListFilters<V = Record<string, unknown>>({
  form,
  list,
  toForm,
  fromForm,
  onReset,
  name,
  bare = false,
  reset = true,
  style,
  children,
}: {
  form: FormInstance;
  list: { state: ListState; setFilters(values: Record<string, unknown>): void; clearFilters(): void };
  toForm?: (filters: Record<string, string | undefined>) => Record<string, unknown>;
  fromForm?: (values: V) => Record<string, unknown>;
  /** Replaces clearing every filter on 重置 (the form is emptied either way). */
  onReset?: () => void;
  /** The Form's name (prefixes its fields' ids). */
  name?: string;
  bare?: boolean;
  /** false: only 查询. */
  reset?: boolean;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const { filters } = list.state;
  useEffect(() => {
    form.setFieldsValue(toForm ? toForm(filters) : filters);
    // toForm is a pure conversion; the form follows the URL's filters only.
  }, [form, filters]);
  const bar = (
    <Form
      form={form}
      name={name}
      layout="inline"
      aria-label="筛选条件"
      style={{ rowGap: 12, ...style }}
      onFinish={(v: V) => list.setFilters(fromForm ? fromForm(v) : (v as Record<string, unknown>))}
    >
      {children}
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          {reset && (
            <Button
              onClick={() => {
                form.resetFields();
                (onReset ?? list.clearFilters)();
              }}
            >
              重置
            </Button>
          )}
        </Space>
      </Form.Item>
    </Form>
  );
  return bare ? bar : <Card size="small">{bar}</Card>;
}

/** 地区: the filter by county (区县) or, with `city`, also 市本级 (510400). */
export function AreaFilter({
  label = '地区',
  city = false,
  placeholder = '全部',
  width = 120,
}: {
  label?: string;
  city?: boolean;
  placeholder?: string;
  width?: number;
}) {
  const options = Object.entries(AREA_NAMES)
    .map(([value, label]) => ({ value, label }))
    .filter((o) => city || o.value !== '510400');
  return (
    <Form.Item label={label} name="areaCode">
      <Select allowClear placeholder={placeholder} style={{ width }} options={options} />
    </Form.Item>
  );
}
