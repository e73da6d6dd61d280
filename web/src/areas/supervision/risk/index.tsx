// 欺诈风险 (§5.2, §5.3): findings and scores, the scan, inspection sampling and results,
// sanctions and third-party evaluations. The city everywhere; a county for its area; the finance
// bureau reads findings and scores (masked). The supervision area mounts these routes and menu.
import { Link } from 'react-router';
import { page, type MenuItem } from '../../area.ts';
import type { Me } from '../../../types.ts';

export const riskRoutes = [
  { path: 'risk-findings', lazy: page(() => import('./RiskFindingsPage.tsx')) },
  { path: 'risk-scores', lazy: page(() => import('./RiskScoresPage.tsx')) },
  { path: 'risk-inspections', lazy: page(() => import('./RiskInspectionsPage.tsx')) },
  { path: 'risk-sanctions', lazy: page(() => import('./RiskSanctionsPage.tsx')) },
  { path: 'risk-evaluations', lazy: page(() => import('./RiskEvaluationsPage.tsx')) },
];

export function riskMenu(me: Me | null): MenuItem[] {
  if (!me) return [];
  const office = me.role === 'city' || me.role === 'county';
  const finance = me.role === 'department' && me.department === 'finance';
  if (!office && !finance) return [];
  const item = (path: string, label: string): MenuItem => ({ key: `/${path}`, label: <Link to={`/${path}`}>{label}</Link> });
  const children: MenuItem[] = [item('risk-findings', '风险线索'), item('risk-scores', '风险评分')];
  if (office)
    children.push(item('risk-inspections', '过程监督抽查'), item('risk-sanctions', '查处记录'), item('risk-evaluations', '第三方评估'));
  return [{ type: 'group', key: 'risk', label: '欺诈风险', children }];
}
