// 监督 (§5.2, §5.3): funds, annual tasks, quarterly progress, reports, fraud-risk work.
import { Link } from 'react-router';
import { page, type Area } from '../area.ts';
import { riskMenu, riskRoutes } from './risk/index.tsx';

export const supervisionArea: Area = {
  routes: [
    { path: 'supervision/funds', lazy: page(() => import('./FundsPage.tsx')) },
    { path: 'supervision/targets', lazy: page(() => import('./TargetsPage.tsx')) },
    { path: 'supervision/reports', lazy: page(() => import('./ReportsPage.tsx')) },
    ...riskRoutes,
  ],
  menu: (me) => {
    if (!me) return [];
    const funds = { key: '/supervision/funds', label: <Link to="/supervision/funds">资金监管</Link> };
    const targets = { key: '/supervision/targets', label: <Link to="/supervision/targets">任务与目标</Link> };
    const reports = { key: '/supervision/reports', label: <Link to="/supervision/reports">统计报表</Link> };
    const own =
      me.role === 'city' || me.role === 'county' || (me.role === 'department' && me.department === 'finance')
        ? [funds, targets, reports]
        : me.role === 'department'
          ? [targets, reports]
          : [];
    return [...own, ...riskMenu(me)];
  },
};
