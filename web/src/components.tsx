// Small pieces every screen uses: the result of a failed load, Chinese tags for statuses and outcomes.
import { Button, ConfigProvider, Modal, Result, Tag, type ModalProps } from 'antd';
import { useNavigate } from 'react-router';
import type { ApiError } from './api.ts';
import { CLAIM_STATUS_NAMES, nameOf, OUTCOME_NAMES } from './labels.ts';

export function HomeButton({ to = '/', label = '返回首页' }: { to?: string; label?: string }) {
  const navigate = useNavigate();
  return <Button type="primary" onClick={() => navigate(to)}>{label}</Button>;
}

/** A failed load, in Chinese. A record outside the user's slice is indistinguishable from a missing one. */
export function LoadError({ error, what, onRetry }: { error: ApiError; what: string; onRetry?: () => void }) {
  if (error.status === 404 || error.status === 403)
    return (
      <Result
        status="404"
        title={`无权查看或${what}不存在`}
        subTitle={`您要打开的${what}不存在，或不在您的办理范围内。`}
        extra={<HomeButton />}
      />
    );
  if (error.status === 401)
    return <Result status="403" title="请先登录" subTitle="登录已过期或尚未登录。" extra={<HomeButton to="/login" label="去登录" />} />;
  return (
    <Result
      status="error"
      title="加载失败"
      subTitle={error.message}
      extra={onRetry ? <Button onClick={onRetry}>重试</Button> : undefined}
    />
  );
}

const STATUS_COLORS: Record<string, string> = {
  submitted: 'default', decided: 'processing', reviewed: 'cyan', publicity: 'gold', approved: 'green', paid: 'success', rejected: 'error', withdrawn: 'default',
};
export function ClaimStatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{nameOf(CLAIM_STATUS_NAMES, status)}</Tag>;
}

const OUTCOME_COLORS: Record<string, string> = { eligible: 'success', ineligible: 'error', not_applicable: 'default', undecided: 'warning' };
export function OutcomeTag({ outcome }: { outcome: string | null }) {
  if (!outcome) return <span>未判定</span>;
  return <Tag color={OUTCOME_COLORS[outcome] ?? 'default'}>{nameOf(OUTCOME_NAMES, outcome)}</Tag>;
}

/** A pop-up's container: the element around its field (the page's body when there is none). */
const besideField = (trigger?: HTMLElement): HTMLElement => trigger?.parentElement ?? document.body;

/**
 * An antd Modal whose drop-downs and date pickers open next to their field inside the dialog, not at
 * the end of the page. The dialog is fixed on the screen; a list at the end of the page is placed in
 * page coordinates and moves when the page behind the dialog scrolls (a touch drag on a tablet, the
 * browser bringing an option into view) until antd re-aligns it on the scroll event, so a press made
 * in between landed beside the option: the choice was lost and the list stayed open over the next
 * field. Inside the dialog a list moves with its field. Use it for every dialog with a form.
 */
export function Dialog({ children, ...props }: ModalProps) {
  return <Modal {...props}><ConfigProvider getPopupContainer={besideField}>{children}</ConfigProvider></Modal>;
}
