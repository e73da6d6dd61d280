// Every area of the app, in menu order.
import type { Area } from './area.ts';
import { adminArea } from './admin/index.tsx';
import { departmentArea } from './department/index.tsx';
import { officeArea } from './office/index.tsx';
import { enterpriseArea } from './enterprise/index.tsx';
import { evaluatorArea } from './evaluator/index.tsx';
import { providerArea } from './provider/index.tsx';
import { publicArea } from './public/index.tsx';
import { reviewArea } from './review/index.tsx';
import { supervisionArea } from './supervision/index.tsx';
import { traineeArea } from './trainee/index.tsx';

/** Work areas (their menus come after 我的待办 and 申领); the public area's menu joins 公开信息. */
export const workAreas: Area[] = [
  reviewArea,
  officeArea,
  providerArea,
  enterpriseArea,
  evaluatorArea,
  traineeArea,
  departmentArea,
  supervisionArea,
  adminArea,
];
export { publicArea };
