// What the review screens share: the shapes of the /review API, Chinese names of notice and batch
// states, and running one action with no double submit and the server's error next to its field.
import type { TFundBalance } from '../../../../src/api/routes/funds.types.ts';
import { App, App as AntApp, Result, type FormInstance } from 'antd';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { api, ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { HomeButton } from '../../components.tsx';
import { RequireAuth } from '../../layout/RequireAuth.tsx';

// The shapes of the API these screens read: inferred from the routes' response schemas.
export type {
  TClassSummary as ClassSummary,
  TProblem as Problem,
  TOpeningReview as OpeningReview,
  TClassView as ClassView,
} from '../../../../src/api/routes/classes.types.ts';
export type {
  TNoticeSummary as NoticeSummary,
  TObjection as Objection,
  TNoticeDetail as NoticeDetail,
  TBatchSummary as BatchSummary,
  TBatchLine as BatchLine,
  TPayableGroup as PayableGroup,
} from '../../../../src/api/routes/review.types.ts';
/** A fund as GET /funds lists it (the pages here read its id, source, year and budget). */
export type Fund = TFundBalance;

export { BATCH_STATUS_NAMES, NOTICE_STATUS_NAMES, OBJECTION_STATUS_NAMES } from '../../../../src/vocabulary/statuses.ts';
export const PAYEE_NAMES: Record<string, string> = { individual: '个人', enterprise: '企业', institution: '培训机构' };
export const FUND_SOURCE_NAMES: Record<string, string> = {
  special_action: '职业技能提升行动专账资金',
  employment_fund: '就业创业补助资金',
};

/** A fund id such as `special_action-2020` in Chinese: 2020年职业技能提升行动专账资金. */
export function fundName(id: string): string {
  const m = /^(.+)-(\d{4})$/.exec(id);
  return m ? `${m[2]}年${FUND_SOURCE_NAMES[m[1]!] ?? m[1]}` : id;
}

/** The form field an API error names (`body.reason` → `reason`), or null. */
export function fieldOf(error: ApiError): string | null {
  if (!error.field) return null;
  return error.field.replace(/^body\./, '').split(/[.[]/)[0] ?? null;
}

/**
 * One action at a time: `run` ignores calls while one is running (no double submit), shows the
 * server's Chinese message next to the named form field when there is one, otherwise as a message.
 */
export function useAction(form?: FormInstance) {
  const { message } = App.useApp();
  const [running, setRunning] = useState<string | null>(null);
  const busy = useRef(false);
  const run = useCallback(
    async <T,>(name: string, work: () => Promise<T>, done?: (result: T) => string | void): Promise<T | undefined> => {
      if (busy.current) return undefined;
      busy.current = true;
      setRunning(name);
      try {
        const result = await work();
        const text = done?.(result);
        if (text) message.success(text);
        return result;
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(0, 'client', String(e));
        const field = fieldOf(err);
        if (form && field && form.getFieldInstance(field) !== undefined) form.setFields([{ name: field, errors: [err.message] }]);
        else message.error(err.message);
        return undefined;
      } finally {
        busy.current = false;
        setRunning(null);
      }
    },
    [form, message],
  );
  return { run, running };
}

export const post = <T,>(path: string, body: unknown = {}) => api<T>(path, { method: 'POST', body });

/** A review screen: signed in, as the city bureau or a county office; antd's App gives it messages and modals. */
export function OfficeOnly({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  if (me && me.role !== 'city' && me.role !== 'county') {
    return <Result status="403" title="无权使用此功能" subTitle="审核业务由市、县（区）人社局办理。" extra={<HomeButton />} />;
  }
  return <AntApp component={false}>{children}</AntApp>;
}

export function reviewPage(Inner: () => ReactNode) {
  return function ReviewScreen() {
    return (
      <RequireAuth>
        <OfficeOnly>
          <Inner />
        </OfficeOnly>
      </RequireAuth>
    );
  };
}

export const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));
