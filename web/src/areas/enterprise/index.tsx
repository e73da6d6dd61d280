// 企业 (enterprise): §4.3/§4.4 filings, apprenticeship plans, claims, payments, advances, R8 status,
// the main-post headcount of each year (§1), and the certificates it issues when approved to self-evaluate (§5.6).
import { Link } from 'react-router';
import { page, type Area } from '../area.ts';

export const enterpriseArea: Area = {
  routes: [
    { path: 'ent-filings', lazy: page(() => import('./FilingsPage.tsx')) },
    { path: 'ent-plans', lazy: page(() => import('./PlansPage.tsx')) },
    { path: 'ent-claim', lazy: page(() => import('./ClaimFormPage.tsx')) },
    { path: 'ent-advances', lazy: page(() => import('./AdvancesPage.tsx')) },
    { path: 'ent-r8', lazy: page(() => import('./R8StatusPage.tsx')) },
    { path: 'ent-headcounts', lazy: page(() => import('./HeadcountPage.tsx')) },
    { path: 'ent-certificates', lazy: page(() => import('./IssuedCertificatesPage.tsx')) },
  ],
  menu: (me) =>
    me?.role !== 'enterprise'
      ? []
      : [
          { key: '/ent-claim', label: <Link to="/ent-claim">提交申领</Link> },
          { key: '/ent-filings', label: <Link to="/ent-filings">培训内容备案</Link> },
          { key: '/ent-plans', label: <Link to="/ent-plans">学徒培养计划</Link> },
          { key: '/my-payments', label: <Link to="/my-payments">支付记录</Link> },
          { key: '/ent-advances', label: <Link to="/ent-advances">预付资金</Link> },
          { key: '/ent-r8', label: <Link to="/ent-r8">80%补贴状态</Link> },
          { key: '/ent-headcounts', label: <Link to="/ent-headcounts">主要岗位职工数</Link> },
          { key: '/ent-certificates', label: <Link to="/ent-certificates">自主评价证书</Link> },
        ],
};
