// 评价机构 (evaluation body, §5.6; docs/certificates.md): its own login issues, imports and revokes the
// certificates of the one evaluation body it is bound to, and sees only those.
import { Link } from 'react-router';
import { page, type Area } from '../area.ts';

export const evaluatorArea: Area = {
  routes: [{ path: 'eval-certificates', lazy: page(() => import('./EvaluatorCertificatesPage.tsx')) }],
  menu: (me) => (me?.role !== 'evaluator' ? [] : [{ key: '/eval-certificates', label: <Link to="/eval-certificates">证书登记</Link> }]),
};
