// 公开信息 (no login): publicity notices, the sanction list, the class programs and the fund-use
// disclosure (its screen lives with the supervision area), and the certificate verification.
import { Link } from 'react-router';
import { page, type Area } from '../area.ts';

export const publicArea: Area = {
  routes: [
    { path: 'publicity', lazy: page(() => import('./PublicityPage.tsx')) },
    { path: 'publicity/:id', lazy: page(() => import('./NoticePage.tsx')) },
    { path: 'sanctions', lazy: page(() => import('./SanctionsPage.tsx')) },
    { path: 'programs', lazy: page(() => import('./ProgramsPage.tsx')) },
    { path: 'disclosure', lazy: page(() => import('../supervision/DisclosurePage.tsx')) },
    { path: 'certificates/verify', lazy: page(() => import('./CertificateVerifyPage.tsx')) },
  ],
  menu: () => [
    { key: '/programs', label: <Link to="/programs">培训项目</Link> },
    // The enrolment page is its own small entry (phones; docs/open-classes.md): a full page load.
    { key: '/enrol', label: <a href="/enrol">报名培训</a> },
    { key: '/publicity', label: <Link to="/publicity">补贴公示</Link> },
    { key: '/sanctions', label: <Link to="/sanctions">查处名单</Link> },
    { key: '/disclosure', label: <Link to="/disclosure">资金使用公开</Link> },
    { key: '/certificates/verify', label: <Link to="/certificates/verify">证书查验</Link> },
  ],
};
