// Small pieces every screen uses: the result of a failed load, Chinese tags for statuses and outcomes.
import {
  Button,
  Collapse,
  ConfigProvider,
  Modal,
  Result,
  Tag,
  Typography,
  type ButtonProps,
  type FormInstance,
  type ModalProps,
} from 'antd';
import { createContext, use, useState } from 'react';
import { useDialogGuard } from './unsaved-guard.tsx';
import { matchRoutes, useLocation, useNavigate } from 'react-router';
import type { ApiError } from './api.ts';
import { useAuth } from './auth.tsx';
import { HELP_TEXTS } from './help-texts.ts';
import { CLAIM_STATUS_NAMES, nameOf, OUTCOME_NAMES } from './labels.ts';

export function HomeButton({ to = '/', label = '返回首页' }: { to?: string; label?: string }) {
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate(to)}>
      {label}
    </Button>
  );
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
  submitted: 'default',
  decided: 'processing',
  reviewed: 'cyan',
  publicity: 'gold',
  approved: 'green',
  paid: 'success',
  rejected: 'error',
  withdrawn: 'default',
};
export function ClaimStatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{nameOf(CLAIM_STATUS_NAMES, status)}</Tag>;
}

const OUTCOME_COLORS: Record<string, string> = {
  eligible: 'success',
  ineligible: 'error',
  not_applicable: 'default',
  undecided: 'warning',
};
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
const DialogClose = createContext<(() => void) | null>(null);

/**
 * `guard`: the dialog's form. With it, closing the dialog (×, 取消, Esc, a click beside it, or a
 * <DialogCancelButton/> inside) asks first when the user has typed something, and leaving the screen
 * while it is open asks too (unsaved-guard.tsx).
 */
export function Dialog({ children, guard, ...props }: ModalProps & { guard?: FormInstance | null }) {
  const { onCancel } = props;
  const guarded = useDialogGuard(guard ?? null, Boolean(props.open), () => onCancel?.(undefined as never));
  const cancel = guard ? guarded.close : () => onCancel?.(undefined as never);
  return (
    <Modal {...props} onCancel={guard ? guarded.close : onCancel}>
      <DialogClose value={cancel}>
        <ConfigProvider getPopupContainer={besideField}>{children}</ConfigProvider>
      </DialogClose>
    </Modal>
  );
}

/** A 取消 button inside a <Dialog/>: closes it the way the dialog's × does (asking first when guarded). */
export function DialogCancelButton({ children = '取消', ...props }: Omit<ButtonProps, 'onClick'>) {
  const close = use(DialogClose);
  return (
    <Button {...props} onClick={() => close?.()}>
      {children}
    </Button>
  );
}

/** The help texts' keys as routes, so the screen's pattern is found the way the router finds it. */
const HELP_ROUTES = Object.keys(HELP_TEXTS).map((path) => ({ path: path === '/' ? '/' : `/${path}` }));
const helpStore = (username: string | undefined) => `upskill.help-open.${username ?? 'guest'}`;

function readOpen(key: string): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The current screen's help (help-texts.ts): which step it serves and what to check, with clauses.
 * Collapsed until opened; whether it is open is remembered per user and per screen in localStorage.
 */
export function ScreenHelp() {
  const { me } = useAuth();
  const location = useLocation();
  const match = matchRoutes(HELP_ROUTES, location.pathname)?.[0]?.route.path;
  const key = match === '/' ? '/' : (match?.slice(1) ?? '*');
  const store = helpStore(me?.username);
  const [open, setOpen] = useState<string[]>(() => readOpen(store));
  const [forStore, setForStore] = useState(store);
  if (forStore !== store) {
    // Another user signed in on this browser: their own choices.
    setForStore(store);
    setOpen(readOpen(store));
  }
  const help = HELP_TEXTS[key];
  if (!help) return null;
  const isOpen = open.includes(key);
  const toggle = () => {
    const next = isOpen ? open.filter((k) => k !== key) : [...open, key];
    setOpen(next);
    try {
      localStorage.setItem(store, JSON.stringify(next));
    } catch {
      /* private mode: not remembered */
    }
  };
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 16 }}
      activeKey={isOpen ? ['help'] : []}
      onChange={toggle}
      data-testid="screen-help"
      items={[
        {
          key: 'help',
          label: '本页说明',
          children: (
            <div>
              <Typography.Paragraph style={{ marginBottom: help.check.length ? 8 : 0 }}>{help.step}</Typography.Paragraph>
              {help.check.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {help.check.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              )}
            </div>
          ),
        },
      ]}
    />
  );
}

/** 打印…: opens the record's PDF (GET /api/v1/<record>/:id/<document>.pdf) in a new tab. */
export function PrintButton({ path, label }: { path: string; label: string }) {
  return (
    <Button href={`/api/v1${path}`} target="_blank" rel="noopener" data-testid="print-button">
      {label}
    </Button>
  );
}
