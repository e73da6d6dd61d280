// The frame of every screen: the system's name, the role-aware menu, who is signed in and the
// logout button. Screens render in <Outlet/> and load on demand.
import { Button, Layout, Menu, Spin } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth.tsx';
import { ScreenHelp } from '../components.tsx';
import { UnsavedChangesPrompt } from '../unsaved-guard.tsx';
import { useBusinessDate } from '../business-date.tsx';
import { formatDate } from '../format.ts';
import { areaName, ROLE_NAMES } from '../labels.ts';
import type { Me } from '../types.ts';
import type { MenuItem as Item } from '../areas/area.ts';
import { publicArea, workAreas } from '../areas/index.ts';
import { RecordSearch } from './RecordSearch.tsx';

/** What each role's menu offers: the shared entries, then each area's own (web/src/areas). */
export function menuFor(me: Me | null): Item[] {
  const publicItems: Item[] = [
    { key: '/catalog', label: <Link to="/catalog">补贴目录</Link> },
    { key: '/providers', label: <Link to="/providers">培训机构目录</Link> },
    ...publicArea.menu(me),
  ];
  if (!me) return publicItems;
  const work: Item[] = [
    { key: '/', label: <Link to="/">我的待办</Link> },
    // An evaluation body works on the certificate registry only (docs/certificates.md): no claims.
    ...(me.role === 'evaluator'
      ? []
      : [{ key: '/claims', label: <Link to="/claims">{me.role === 'city' || me.role === 'county' ? '申领审核' : '补贴申领'}</Link> }]),
  ];
  return [...work, ...workAreas.flatMap((a) => a.menu(me)), { type: 'group', key: 'public', label: '公开信息', children: publicItems }];
}

/** The menu entry a path belongs to: the longest entry key that is the path or a parent of it. */
function selectedKey(pathname: string, items: Item[]): string {
  const keys: string[] = [];
  const walk = (list: Item[]) => {
    for (const item of list) {
      if (!item) continue;
      if ('children' in item && item.children) walk(item.children as Item[]);
      else if (typeof item.key === 'string') keys.push(item.key);
    }
  };
  walk(items);
  if (pathname === '/') return '/';
  const hits = keys.filter((k) => k !== '/' && (pathname === k || pathname.startsWith(`${k}/`)));
  return hits.sort((a, b) => b.length - a.length)[0] ?? `/${pathname.split('/')[1] ?? ''}`;
}

export function whoLabel(me: Me): string {
  if (me.role === 'county') return `${areaName(me.areaCode)}人社局`;
  return me.displayName || ROLE_NAMES[me.role];
}

export default function AppLayout() {
  const { me, loading, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const items = menuFor(me);
  const onLogout = async () => {
    await logout();
    navigate('/login?loggedOut=1');
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 24 }}>
        <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          攀枝花市职业技能提升行动补贴管理系统
        </Link>
        <div style={{ flex: 1 }} />
        {me && <RecordSearch />}
        <BusinessDateLabel />
        {loading ? null : me ? (
          <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
            <span style={{ color: '#e5e7eb' }} data-testid="current-user">
              {whoLabel(me)}
              {whoLabel(me).includes(ROLE_NAMES[me.role]) ? '' : `（${ROLE_NAMES[me.role]}）`}
            </span>
            <Button onClick={onLogout}>退出登录</Button>
          </div>
        ) : location.pathname === '/login' ? null : (
          <Button type="primary" onClick={() => navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`)}>
            登录
          </Button>
        )}
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="md" collapsedWidth={0}>
          <nav aria-label="主菜单">
            <Menu
              mode="inline"
              selectedKeys={[selectedKey(location.pathname, items)]}
              items={items}
              style={{ height: '100%', borderInlineEnd: 0 }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <main>
            <ScreenHelp />
            <UnsavedChangesPrompt />
            <Suspense fallback={<Spin size="large" />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** The day the system counts as today (the server's business date), so users know what "today" means. */
function BusinessDateLabel() {
  const { today, inCalendar } = useBusinessDate();
  return (
    <span
      style={{ color: inCalendar ? '#cbd5e1' : '#fca5a5', whiteSpace: 'nowrap' }}
      data-testid="business-date"
      title={inCalendar ? '系统按此日期计算公示期限和默认日期' : '该日期不在系统的工作日历（2020—2021 年）内，按工作日计算的操作将被拒绝'}
    >
      业务日期：{formatDate(today)}
    </span>
  );
}
