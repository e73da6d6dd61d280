// /records/:number — a record by its number (a link in risk evidence, a typed address): asks the server
// where the record's page is for this user (GET /records/:number, within their scope) and goes there.
import type { TRecordLookup } from '../../../src/api/routes/records.types.ts';
import { Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api.ts';
import { RequireAuth } from '../layout/RequireAuth.tsx';

export default function RecordPage() {
  return (
    <RequireAuth>
      <Resolve />
    </RequireAuth>
  );
}

function Resolve() {
  const { number = '' } = useParams();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setProblem(null);
    api<TRecordLookup>(`/records/${encodeURIComponent(number)}`)
      .then((r) => {
        if (!live) return;
        // The phone pages (/enrol, /learn) are entries of their own, outside this app's router.
        if (r.path && /^\/(enrol|learn)(\/|$)/.test(r.path)) window.location.replace(r.path);
        else if (r.path) navigate(r.path, { replace: true });
        else setProblem(`${r.kindName} ${r.number} 在您的办理范围内，但您的菜单中没有它的详情页面`);
      })
      .catch((e: unknown) => live && setProblem(e instanceof ApiError ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [number, navigate]);
  if (problem) return <Result status="info" title={`编号 ${number}`} subTitle={problem} />;
  return <Spin size="large" />;
}
