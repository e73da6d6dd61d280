// 公开信息 (no login): publicity notices, fund-use disclosure, sanction list.
import type { Area } from '../area.ts';

export const publicArea: Area = {
  routes: [],
  menu: () => [],
};
