// 部门 (§5.7 departments): their slice, read-only, with comments and flags. The offices (county,
// city) get the departments' flags to clear (部门标记).
// For the review screens: import `OversightNotesPanel` from './department/OversightNotesPanel.tsx' (not
// re-exported here, so it stays out of the first chunk): the notes on a claim or class, and the
// office's "解除标记".
import { Link } from 'react-router';
import { page, type Area } from '../area.ts';

export const departmentArea: Area = {
  routes: [
    { path: 'dept-claims', lazy: page(() => import('./DeptClaimsPage.tsx')) },
    { path: 'dept-classes', lazy: page(() => import('./DeptClassesPage.tsx')) },
    { path: 'dept-notes', lazy: page(() => import('./NotesPage.tsx')) },
    { path: 'dept-people', lazy: page(() => import('./DeptPeoplePage.tsx')) },
    { path: 'oversight-flags', lazy: page(() => import('./NotesPage.tsx')) },
  ],
  menu: (me) => {
    if (me?.role === 'department') {
      return [
        { key: '/dept-claims', label: <Link to="/dept-claims">本领域申领</Link> },
        { key: '/dept-classes', label: <Link to="/dept-classes">本领域培训班</Link> },
        { key: '/dept-notes', label: <Link to="/dept-notes">我的意见和标记</Link> },
        // §5.7: only the group-keeping departments hold a list of people (person-scope.ts).
        ...(me.department === 'veterans' || me.department === 'disabled_federation'
          ? [{ key: '/dept-people', label: <Link to="/dept-people">本领域人员</Link> }]
          : []),
      ];
    }
    if (me?.role === 'city' || me?.role === 'county')
      return [{ key: '/oversight-flags', label: <Link to="/oversight-flags">部门标记</Link> }];
    return [];
  },
};
