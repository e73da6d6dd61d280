// 培训机构 (provider): class applications, rosters, attendance, results and certificates, its claims and payments.
import type { Area } from '../area.ts';

export const providerArea: Area = {
  routes: [],
  menu: () => [],
};
