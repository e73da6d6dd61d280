// 劳动者 (trainee): my trainings, certificates, claims and payments; apply as an individual; disputes.
import type { Area } from '../area.ts';

export const traineeArea: Area = {
  routes: [],
  menu: () => [],
};
