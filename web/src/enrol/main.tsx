// 报名培训: the phone page for choosing a class (§5.5; docs/open-classes.md). Anyone lists the classes
// open for enrolment; a registered person logs in as themselves, applies (after confirming) and
// follows their applications and the provider's answers. Its own small entry (no antd), like the
// QR sign-in page, so it loads fast on a phone: /enrol, /enrol/<class id>, /enrol/mine.
import type { TSession } from '../../../src/api/routes/auth.types.ts';
import { StrictMode, useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, ApiError } from '../api.ts';
import { phoneButton, phoneInput, PhoneLogin } from '../phone/phone-kit.tsx';
import { LEVEL_NAMES, PROGRAM_NAMES } from '../../../src/policy/codes.ts';
import { formatChineseDate } from '../../../src/policy/dates.ts';
import { AREA_NAMES } from '../../../src/vocabulary/areas.ts';
import { APPLICATION_STATUS_NAMES, type ApplicationStatus } from '../../../src/vocabulary/enrolment.ts';
import type {
  TMyClassApplication,
  TMyClassApplicationPage,
  TOpenClass,
  TOpenClassesPage,
} from '../../../src/api/routes/enrolment.types.ts';
import type { Me } from '../types.ts';

const PAGE_SIZE = 10;
const box: CSSProperties = {
  maxWidth: 560,
  margin: '0 auto',
  padding: '12px 14px 40px',
  fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif',
};
const card: CSSProperties = { border: '1px solid #e2e8f0', borderRadius: 10, padding: '12px 14px', margin: '10px 0', background: '#fff' };
const input = phoneInput;
const button = phoneButton;
const muted: CSSProperties = { color: '#64748b', fontSize: 14 };
const date = (d: string | null) => (d ? formatChineseDate(d) : '—');
const title = (c: { program: string; occupationName: string | null; level: string | null }) =>
  `${c.occupationName ?? PROGRAM_NAMES[c.program as keyof typeof PROGRAM_NAMES] ?? c.program}${c.level ? `（${LEVEL_NAMES[c.level as keyof typeof LEVEL_NAMES] ?? c.level}）` : ''}`;
const message = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

function go(path: string) {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
function Link({ to, children }: { to: string; children: ReactNode }) {
  return (
    <a
      href={to}
      onClick={(e) => {
        e.preventDefault();
        go(to);
      }}
    >
      {children}
    </a>
  );
}

function ClassFacts({ c }: { c: TOpenClass }) {
  return (
    <dl style={{ margin: '6px 0', display: 'grid', gridTemplateColumns: '5.5em 1fr', rowGap: 4, fontSize: 15 }}>
      <dt style={muted}>培训项目</dt>
      <dd style={{ margin: 0 }}>{PROGRAM_NAMES[c.program as keyof typeof PROGRAM_NAMES] ?? c.program}</dd>
      <dt style={muted}>培训机构</dt>
      <dd style={{ margin: 0 }}>{c.providerName}</dd>
      <dt style={muted}>培训日期</dt>
      <dd style={{ margin: 0 }}>
        {date(c.startDate)}至{date(c.endDate)}，{c.hours} 学时
      </dd>
      <dt style={muted}>地点</dt>
      <dd style={{ margin: 0 }}>
        {AREA_NAMES[c.areaCode] ?? c.areaCode} {c.venue}
      </dd>
      <dt style={muted}>剩余名额</dt>
      <dd style={{ margin: 0 }}>
        {c.seatsLeft} / {c.seats} 名
      </dd>
      <dt style={muted}>报名截止</dt>
      <dd style={{ margin: 0 }}>{c.enrolBy ? date(c.enrolBy) : `开班前（${date(c.startDate)}前）`}</dd>
      <dt style={muted}>费用</dt>
      <dd style={{ margin: 0 }}>{c.freeFor ?? '按机构收费标准；取得证书后可按规定申领补贴'}</dd>
      {c.textbook && (
        <>
          <dt style={muted}>教材</dt>
          <dd style={{ margin: 0 }}>{c.textbook}</dd>
        </>
      )}
    </dl>
  );
}

function OpenList() {
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const [data, setData] = useState<TOpenClassesPage | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api<TOpenClassesPage>('/public/open-classes', { query: { page, pageSize: PAGE_SIZE, q } }).then(setData, (e) => setError(message(e)));
  }, [page, q]);
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <section aria-label="开放报名的培训班">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setQ(typed.trim());
        }}
        style={{ display: 'flex', gap: 8 }}
      >
        <input
          style={{ ...input, margin: 0 }}
          placeholder="工种或培训机构"
          aria-label="搜索工种或培训机构"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <button style={{ ...button(), width: 90, marginTop: 0 }} type="submit">
          搜索
        </button>
      </form>
      {error && <p role="alert">{error}</p>}
      {data && data.items.length === 0 && <p>暂无开放报名的培训班。</p>}
      {data?.items.map((c) => (
        <article key={c.id} style={card} aria-label={`培训班 ${c.number}`}>
          <h2 style={{ fontSize: 18, margin: '0 0 4px' }}>
            <Link to={`/enrol/${c.id}`}>{title(c)}</Link>
          </h2>
          <div style={muted}>
            {c.providerName} · {date(c.startDate)}开班 · 剩余 {c.seatsLeft} 名
          </div>
          {c.freeFor && <div style={{ color: '#047857', fontSize: 14, marginTop: 4 }}>{c.freeFor}</div>}
        </article>
      ))}
      {data && data.total > PAGE_SIZE && (
        <nav style={{ display: 'flex', gap: 8, alignItems: 'center' }} aria-label="翻页">
          <button style={button('plain')} disabled={page <= 1} onClick={() => setPage(page - 1)}>
            上一页
          </button>
          <span style={{ whiteSpace: 'nowrap' }}>
            {page}/{pages}
          </span>
          <button style={button('plain')} disabled={page >= pages} onClick={() => setPage(page + 1)}>
            下一页
          </button>
        </nav>
      )}
    </section>
  );
}

function ClassPage({ id, me, setMe }: { id: string; me: Me | null | undefined; setMe(m: Me): void }) {
  const [c, setC] = useState<TOpenClass | null | undefined>(undefined);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<TMyClassApplication | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api<TOpenClass>(`/public/open-classes/${encodeURIComponent(id)}`).then(setC, (e) =>
      e instanceof ApiError && e.status === 404 ? setC(null) : setError(message(e)),
    );
  }, [id]);
  const apply = async () => {
    setBusy(true);
    try {
      setDone(await api<TMyClassApplication>(`/classes/${id}/applications`, { method: 'POST', body: { note: note.trim() || null } }));
      setError('');
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  if (c === undefined) return <p>{error || '正在加载…'}</p>;
  if (c === null)
    return (
      <p role="alert">
        该培训班不在开放报名中（可能已截止、已满或已开班）。<Link to="/enrol">返回列表</Link>
      </p>
    );
  return (
    <section>
      <p>
        <Link to="/enrol">‹ 返回列表</Link>
      </p>
      <h2 style={{ fontSize: 20, margin: '4px 0' }}>{title(c)}</h2>
      <div style={muted}>培训班 {c.number}</div>
      <ClassFacts c={c} />
      {done ? (
        <div role="status" style={{ ...card, background: '#ecfdf5' }}>
          <p style={{ fontSize: 18, margin: 0 }}>报名已提交，等待培训机构处理</p>
          <p style={muted}>报名编号 {done.number}。结果可在“我的报名”中查看。</p>
          <Link to="/enrol/mine">查看我的报名</Link>
        </div>
      ) : me === null ? (
        <PhoneLogin<Me> style={card} onDone={setMe} why="报名须用本人的学员账号登录。" />
      ) : me && me.role !== 'trainee' ? (
        <p role="alert">当前登录的不是学员账号（{me.displayName}），请退出后用本人的学员账号报名。</p>
      ) : me ? (
        <div style={card}>
          <label>
            备注（选填）
            <input style={input} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} placeholder="如方便上课的时间" />
          </label>
          {confirming ? (
            <div role="dialog" aria-label="确认报名">
              <p>
                确认以 {me.displayName} 本人身份报名“{title(c)}”（{c.providerName}）？
              </p>
              <button style={button()} disabled={busy} onClick={() => void apply()}>
                确认报名
              </button>
              <button style={button('plain')} onClick={() => setConfirming(false)}>
                取消
              </button>
            </div>
          ) : (
            <button style={button()} onClick={() => setConfirming(true)}>
              我要报名
            </button>
          )}
        </div>
      ) : null}
      {error && (
        <p role="alert" style={{ color: '#b91c1c' }}>
          {error}
        </p>
      )}
    </section>
  );
}

const STATUS_COLOR: Record<ApplicationStatus, string> = {
  applied: '#1d4ed8',
  accepted: '#047857',
  declined: '#b91c1c',
  withdrawn: '#64748b',
};

function MinePage({ me, setMe }: { me: Me | null | undefined; setMe(m: Me): void }) {
  const [data, setData] = useState<TMyClassApplicationPage | null>(null);
  const [error, setError] = useState('');
  const [confirm, setConfirm] = useState<string | null>(null);
  const load = () =>
    api<TMyClassApplicationPage>('/my/class-applications', { query: { pageSize: 50 } }).then(setData, (e) => setError(message(e)));
  useEffect(() => {
    if (me?.role === 'trainee') void load();
  }, [me]); // eslint-disable-line react-hooks/exhaustive-deps
  const withdraw = async (id: string) => {
    try {
      await api(`/class-applications/${id}/withdraw`, { method: 'POST' });
      setConfirm(null);
      await load();
    } catch (e) {
      setError(message(e));
    }
  };
  if (me === undefined) return <p>正在确认登录状态…</p>;
  if (me === null) return <PhoneLogin<Me> style={card} onDone={setMe} why="查看报名结果须用本人的学员账号登录。" />;
  if (me.role !== 'trainee') return <p role="alert">当前登录的不是学员账号（{me.displayName}）。</p>;
  return (
    <section aria-label="我的报名">
      {error && <p role="alert">{error}</p>}
      {data && data.items.length === 0 && (
        <p>
          还没有报名。<Link to="/enrol">去看看开放报名的培训班</Link>
        </p>
      )}
      {data?.items.map((a) => (
        <article key={a.id} style={card} aria-label={`报名 ${a.number}`}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <strong>{title(a)}</strong>
            <span style={{ color: STATUS_COLOR[a.status], whiteSpace: 'nowrap' }}>{APPLICATION_STATUS_NAMES[a.status]}</span>
          </div>
          <div style={muted}>
            {a.providerName} · 培训班 {a.classNumber} · {date(a.startDate)}开班
          </div>
          <div style={muted}>报名编号 {a.number}</div>
          {a.status === 'declined' && a.declineReason && <p style={{ margin: '6px 0 0' }}>原因：{a.declineReason}</p>}
          {a.status === 'accepted' && <p style={{ margin: '6px 0 0' }}>已列入培训班花名册，请按时到 {a.venue} 参加培训。</p>}
          {a.status === 'applied' &&
            (confirm === a.id ? (
              <div role="dialog" aria-label="确认撤回">
                <p>撤回后需重新报名，确认撤回？</p>
                <button style={button()} onClick={() => void withdraw(a.id)}>
                  确认撤回
                </button>
                <button style={button('plain')} onClick={() => setConfirm(null)}>
                  取消
                </button>
              </div>
            ) : (
              <button style={button('plain')} onClick={() => setConfirm(a.id)}>
                撤回报名
              </button>
            ))}
        </article>
      ))}
    </section>
  );
}

function EnrolApp() {
  const [path, setPath] = useState(window.location.pathname);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    const on = () => setPath(window.location.pathname);
    window.addEventListener('popstate', on);
    api<TSession>('/auth/session').then(
      (r) => setMe(r.user),
      () => setMe(null),
    );
    return () => window.removeEventListener('popstate', on);
  }, []);
  const rest = path.replace(/^\/enrol\/?/, '');
  const tab = (to: string, label: string, on: boolean) => (
    <a
      href={to}
      aria-current={on ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        go(to);
      }}
      style={{
        flex: 1,
        textAlign: 'center',
        padding: 10,
        borderBottom: on ? '3px solid #1d4ed8' : '3px solid transparent',
        textDecoration: 'none',
        color: '#1e293b',
      }}
    >
      {label}
    </a>
  );
  return (
    <main style={box}>
      <h1 style={{ fontSize: 22, margin: '4px 0 8px' }}>报名培训</h1>
      <nav style={{ display: 'flex', marginBottom: 8 }}>
        {tab('/enrol', '开放报名', rest !== 'mine')}
        {tab('/enrol/mine', '我的报名', rest === 'mine')}
      </nav>
      {rest === '' ? (
        <OpenList />
      ) : rest === 'mine' ? (
        <MinePage me={me} setMe={setMe} />
      ) : (
        <ClassPage id={decodeURIComponent(rest)} me={me} setMe={setMe} />
      )}
      <p style={{ ...muted, marginTop: 24 }}>
        <a href="/">返回首页</a>
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EnrolApp />
  </StrictMode>,
);
