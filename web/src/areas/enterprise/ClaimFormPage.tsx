// 申领补贴 (enterprise): a form per program an enterprise claims for its employees (R11 programs).
import { ClaimForm, ENTERPRISE_PROGRAMS } from './ClaimForm.tsx';
import { RequireRole } from '../trainee/party-ui.tsx';

export default function ClaimFormPage() {
  return (
    <RequireRole roles={['enterprise']}>
      <ClaimForm programs={ENTERPRISE_PROGRAMS} title="提交补贴申领（企业）" />
    </RequireRole>
  );
}
