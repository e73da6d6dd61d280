// 培训机构 (provider): class applications, rosters, attendance, results and certificates, its claims and payments.
import { Link } from 'react-router';
import { page, type Area } from '../area.ts';

export const providerArea: Area = {
  routes: [
    { path: 'provider/classes', lazy: page(() => import('./ClassesPage.tsx')) },
    { path: 'provider/classes/new', lazy: page(() => import('./ClassFormPage.tsx')) },
    { path: 'provider/classes/:id/edit', lazy: page(() => import('./ClassFormPage.tsx')) },
    { path: 'provider/classes/:id', lazy: page(() => import('./ClassDetailPage.tsx')) },
    { path: 'provider-payments', lazy: page(() => import('./PaymentsPage.tsx')) },
  ],
  menu: (me) =>
    me?.role === 'provider'
      ? [
          { key: '/provider', label: <Link to="/provider/classes">培训班</Link> },
          { key: '/provider-payments', label: <Link to="/provider-payments">补贴拨付</Link> },
        ]
      : [],
};
