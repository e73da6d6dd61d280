// 市局管理 (city admin): catalog versions, policy parameters, providers and scopes, users, what-if.
import type { Area } from '../area.ts';

export const adminArea: Area = {
  routes: [],
  menu: () => [],
};
