// 监督 (§5.2, §5.3): funds, annual tasks, quarterly progress, reports, fraud-risk work.
import type { Area } from '../area.ts';

export const supervisionArea: Area = {
  routes: [],
  menu: () => [],
};
