// 监督 (§5.2, §5.3): funds, annual tasks, quarterly progress, reports, fraud-risk work.
import type { Area } from '../area.ts';
import { riskMenu, riskRoutes } from './risk/index.tsx';

export const supervisionArea: Area = {
  routes: [...riskRoutes],
  menu: (me) => [...riskMenu(me)],
};
