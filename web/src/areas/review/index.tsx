// 县（区）/市人社局 (county, city): class review, bulk claim review, publicity, payment batches, R3 exceptions.
import type { Area } from '../area.ts';

export const reviewArea: Area = {
  routes: [],
  menu: () => [],
};
