// 劳动者 (trainee): my trainings, certificates, competition results, claims and payments; apply as an individual; disputes.
// The offices (county, city) get the dispute cases (异议案件) here too.
import { Link } from 'react-router';
import { page, type Area } from '../area.ts';

export const traineeArea: Area = {
  routes: [
    { path: 'my-trainings', lazy: page(() => import('./TrainingsPage.tsx')) },
    { path: 'my-certificates', lazy: page(() => import('./CertificatesPage.tsx')) },
    { path: 'my-competitions', lazy: page(() => import('./CompetitionsPage.tsx')) },
    { path: 'my-claims', lazy: page(() => import('./MyClaimsPage.tsx')) },
    { path: 'my-apply', lazy: page(() => import('./ApplyPage.tsx')) },
    { path: 'my-payments', lazy: page(() => import('./PaymentsPage.tsx')) },
    { path: 'my-disputes', lazy: page(() => import('./DisputesPage.tsx')) },
    { path: 'dispute-cases', lazy: page(() => import('./DisputesPage.tsx')) },
  ],
  menu: (me) => {
    if (me?.role === 'trainee') {
      return [
        { key: '/my-trainings', label: <Link to="/my-trainings">我的培训</Link> },
        { key: '/enrol/mine', label: <a href="/enrol/mine">我的报名</a> },
        { key: '/my-certificates', label: <Link to="/my-certificates">我的证书</Link> },
        { key: '/my-competitions', label: <Link to="/my-competitions">竞赛成绩</Link> },
        { key: '/my-claims', label: <Link to="/my-claims">我的申领</Link> },
        { key: '/my-apply', label: <Link to="/my-apply">个人申领</Link> },
        { key: '/my-payments', label: <Link to="/my-payments">支付记录</Link> },
        { key: '/my-disputes', label: <Link to="/my-disputes">我的异议</Link> },
      ];
    }
    if (me?.role === 'city' || me?.role === 'county') return [{ key: '/dispute-cases', label: <Link to="/dispute-cases">异议案件</Link> }];
    return [];
  },
};
