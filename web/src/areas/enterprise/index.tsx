// 企业 (enterprise): §4.3/§4.4 filings, apprenticeship plans, claims, payments, advances, R8 status.
import type { Area } from '../area.ts';

export const enterpriseArea: Area = {
  routes: [],
  menu: () => [],
};
