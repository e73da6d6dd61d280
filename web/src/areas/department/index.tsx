// 部门 (§5.7 departments): their slice, read-only, with comments and flags.
import type { Area } from '../area.ts';

export const departmentArea: Area = {
  routes: [],
  menu: () => [],
};
