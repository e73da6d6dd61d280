// The demo's trainees acting on their own phones, signed in as themselves (the demo's people have no passwords).
import type { Actor } from '../services/access.ts';

export const traineeActor = (residentId: string): Actor => ({
  userId: `demo-trainee-${residentId}`,
  username: `trainee-${residentId.slice(-6)}`,
  displayName: '学员',
  role: 'trainee',
  areaCode: null,
  department: null,
  enterpriseUscc: null,
  providerId: null,
  residentId,
});
