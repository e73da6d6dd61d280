// 个人申领: the programs an individual claims in their own name (R2, R12), one guided form.
import { ClaimForm, INDIVIDUAL_PROGRAMS } from '../enterprise/ClaimForm.tsx';
import { RequireRole } from './party-ui.tsx';

export default function ApplyPage() {
  return (
    <RequireRole roles={['trainee']}>
      <ClaimForm programs={INDIVIDUAL_PROGRAMS} title="个人申领补贴" />
    </RequireRole>
  );
}
