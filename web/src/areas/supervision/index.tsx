// 监督 (§5.2, §5.3): funds, annual tasks, quarterly progress, reports, fraud-risk work.
import { Link } from 'react-router';
import { page, type Area } from '../area.ts';

export const supervisionArea: Area = {
  routes: [
    { path: 'supervision/funds', lazy: page(() => import('./FundsPage.tsx')) },
    { path: 'supervision/targets', lazy: page(() => import('./TargetsPage.tsx')) },
    { path: 'supervision/reports', lazy: page(() => import('./ReportsPage.tsx')) },
  ],
  menu: (me) => {
    if (!me) return [];
    const funds = { key: '/supervision/funds', label: <Link to="/supervision/funds">资金监管</Link> };
    const targets = { key: '/supervision/targets', label: <Link to="/supervision/targets">任务与目标</Link> };
    const reports = { key: '/supervision/reports', label: <Link to="/supervision/reports">统计报表</Link> };
    if (me.role === 'city' || me.role === 'county') return [funds, targets, reports];
    if (me.role === 'department') return me.department === 'finance' ? [funds, targets, reports] : [targets, reports];
    return [];
  },
};
