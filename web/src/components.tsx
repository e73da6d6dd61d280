// Small pieces every screen uses: the result of a failed load, Chinese tags for statuses and outcomes.
import { Button, Result, Tag } from 'antd';
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
