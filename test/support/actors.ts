// A signed-in user for tests that call the use cases directly: the role and whatever slice the test
// names (area, department, enterprise, provider, person); the rest empty.
import type { Actor } from '../../src/services/access.ts';

export const actor = (a: Partial<Actor> & Pick<Actor, 'role'>): Actor => ({
  userId: 'u',
  username: a.role,
  displayName: a.role,
  areaCode: null,
  department: null,
  enterpriseUscc: null,
  providerId: null,
  residentId: null,
  ...a,
});
