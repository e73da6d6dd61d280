// The business date (DESIGN.md): the server's "today" (GET /business-date, set by UPSKILL_TODAY; the
// demo runs as of 2021-11-15). Every default date and every "not after today" limit of the screens
// reads it here, never the browser's clock: the screens and the server must agree on what today is.
// It is asked for once at start; the app waits for it (a form's default date is fixed when it mounts).
import type { TBusinessDate } from '../../src/api/routes/business-date.ts';
import { Button, Result, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError } from './api.ts';

export type BusinessDateInfo = TBusinessDate;

interface BusinessDate extends BusinessDateInfo {
  /** Today as a dayjs day (a fresh object each call: forms may keep it). */
  day(): Dayjs;
  /** For DatePicker.disabledDate: days after the business date. */
  afterToday(d: Dayjs): boolean;
  /** For DatePicker.disabledDate: days before the business date. */
  beforeToday(d: Dayjs): boolean;
}

const Context = createContext<BusinessDate | null>(null);

export function BusinessDateProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<BusinessDateInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    api<BusinessDateInfo>('/business-date')
      .then((d) => live && setInfo(d))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [tick]);
  const retry = useCallback(() => setTick((t) => t + 1), []);
  const value = useMemo<BusinessDate | null>(
    () =>
      info && {
        ...info,
        day: () => dayjs(info.today),
        afterToday: (d: Dayjs) => d.isAfter(info.today, 'day'),
        beforeToday: (d: Dayjs) => d.isBefore(info.today, 'day'),
      },
    [info],
  );
  if (error)
    return (
      <Result
        status="warning"
        title="无法读取系统业务日期"
        subTitle={error}
        extra={
          <Button type="primary" onClick={retry}>
            重试
          </Button>
        }
      />
    );
  if (!value) return <Spin size="large" style={{ display: 'block', marginTop: 120 }} />;
  return <Context value={value}>{children}</Context>;
}

export function useBusinessDate(): BusinessDate {
  const ctx = use(Context);
  if (!ctx) throw new Error('useBusinessDate outside BusinessDateProvider');
  return ctx;
}
