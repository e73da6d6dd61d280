// 公开信息 (no login): publicity notices, fund-use disclosure, sanction list.
import { Link } from 'react-router';
import { page, type Area } from '../area.ts';

export const publicArea: Area = {
  routes: [
    { path: 'disclosure', lazy: page(() => import('../supervision/DisclosurePage.tsx')) },
  ],
  menu: () => [
    { key: '/disclosure', label: <Link to="/disclosure">资金使用公开</Link> },
  ],
};
