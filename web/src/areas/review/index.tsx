// 县（区）/市人社局 (county, city): class review, bulk claim review, publicity, payment batches, R3 exceptions.
// Routes (each its own chunk): /review/classes, /review/classes/:id, /review/claims, /review/publicity,
// /review/publicity/new, /review/publicity/:id, /review/payments, /review/payments/:id; the claim's
// review actions are on /claims/:id (web/src/pages/ClaimDetailPage.tsx).
import { Link } from 'react-router';
import { page, type Area } from '../area.ts';

export const reviewArea: Area = {
  routes: [
    { path: 'review/classes', lazy: page(() => import('./ClassesReviewPage.tsx')) },
    { path: 'review/classes/:id', lazy: page(() => import('./ClassReviewPage.tsx')) },
    { path: 'review/claims', lazy: page(() => import('./BulkClaimsPage.tsx')) },
    { path: 'review/publicity', lazy: page(() => import('./PublicityPage.tsx')) },
    { path: 'review/publicity/new', lazy: page(() => import('./NewNoticePage.tsx')) },
    { path: 'review/publicity/:id', lazy: page(() => import('./NoticeDetailPage.tsx')) },
    { path: 'review/payments', lazy: page(() => import('./PaymentsPage.tsx')) },
    { path: 'review/payments/:id', lazy: page(() => import('./BatchPage.tsx')) },
  ],
  menu: (me) =>
    me?.role === 'city' || me?.role === 'county'
      ? [
          {
            type: 'group',
            key: 'review',
            label: '审核业务',
            children: [
              { key: '/review/classes', label: <Link to="/review/classes?status=submitted">开班审查</Link> },
              { key: '/review/claims', label: <Link to="/review/claims?status=decided">批量审核</Link> },
              { key: '/review/publicity', label: <Link to="/review/publicity">公示管理</Link> },
              { key: '/review/payments', label: <Link to="/review/payments">支付批次</Link> },
            ],
          },
        ]
      : [],
};
