// What the admin screens share: the city-only guard, server errors placed on the form field they name,
// and a submit that is disabled while its request runs.
import { Result, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { showServerErrors } from '../../form-errors.ts';
import { useAuth } from '../../auth.tsx';
import { RequireAuth } from '../../layout/RequireAuth.tsx';

export function CityOnly({ children }: { children: ReactNode }) {
  return (
    <RequireAuth>
      <CityGate>{children}</CityGate>
    </RequireAuth>
  );
}

function CityGate({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  if (me?.role !== 'city') return <Result status="403" title="无权访问" subTitle="市局管理仅限市人社局使用。" />;
  return <>{children}</>;
}

/**
 * Runs `send` once at a time; each problem the server names is shown under its field of the form,
 * the rest is returned as text for an Alert above the form (web/src/form-errors.ts).
 */
export function useSubmit<T>(form: FormInstance, fields: readonly string[]) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (send: () => Promise<T>): Promise<T | undefined> => {
    if (busy) return undefined;
    setBusy(true);
    setError(null);
    try {
      return await send();
    } catch (e) {
      setError(showServerErrors(form, e, fields));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}

export const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));
