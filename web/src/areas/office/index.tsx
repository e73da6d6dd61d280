// 登记管理 (county and city HR offices): the registries the rules read, each on a screen — people and
// their dated facts, enterprises (education fund by year, difficulty, headcounts), §4.3/§4.4 filing
// review, §4.1 apprenticeship plans, §4.9 projects, funds with their ledger; the catalog is /catalog.
// Routes: /office/people, /office/people/:id, /office/enterprises, /office/enterprises/:id,
// /office/filings, /office/plans, /office/projects, /office/funds, /office/fact-cases (SPEC Facts in time),
// /office/certificates (the certificate registry, docs/certificates.md), /office/exchange (the city's
// registry exchange with other departments, docs/registry-exchange.md).
import { Link } from 'react-router';
import { page, type Area } from '../area.ts';

export const officeArea: Area = {
  routes: [
    { path: 'office/people', lazy: page(() => import('./PeoplePage.tsx')) },
    { path: 'office/people/:id', lazy: page(() => import('./PersonPage.tsx')) },
    { path: 'office/enterprises', lazy: page(() => import('./EnterprisesPage.tsx')) },
    { path: 'office/enterprises/:id', lazy: page(() => import('./EnterprisePage.tsx')) },
    { path: 'office/filings', lazy: page(() => import('./FilingsReviewPage.tsx')) },
    { path: 'office/plans', lazy: page(() => import('./PlansQueuePage.tsx')) },
    { path: 'office/projects', lazy: page(() => import('./ProjectsPage.tsx')) },
    { path: 'office/funds', lazy: page(() => import('./FundsLedgerPage.tsx')) },
    { path: 'office/fact-cases', lazy: page(() => import('./FactCasesPage.tsx')) },
    { path: 'office/certificates', lazy: page(() => import('./CertificatesPage.tsx')) },
    { path: 'office/exchange', lazy: page(() => import('./ExchangePage.tsx')) },
  ],
  menu: (me) =>
    me?.role === 'city' || me?.role === 'county'
      ? [
          {
            type: 'group',
            key: 'office',
            label: '登记管理',
            children: [
              { key: '/office/people', label: <Link to="/office/people">人员实名登记</Link> },
              { key: '/office/enterprises', label: <Link to="/office/enterprises">企业登记</Link> },
              { key: '/office/filings', label: <Link to="/office/filings?status=filed">培训内容备案审核</Link> },
              { key: '/office/plans', label: <Link to="/office/plans?status=submitted">学徒培养计划</Link> },
              { key: '/office/projects', label: <Link to="/office/projects">项目制培训</Link> },
              { key: '/office/funds', label: <Link to="/office/funds">资金与台账</Link> },
              { key: '/office/fact-cases', label: <Link to="/office/fact-cases?status=open">属性变更待处理</Link> },
              { key: '/office/certificates', label: <Link to="/office/certificates">证书库</Link> },
              ...(me.role === 'city' ? [{ key: '/office/exchange', label: <Link to="/office/exchange">数据交换</Link> }] : []),
            ],
          },
        ]
      : [],
};
