// What the admin screens share: the city-only guard, server errors placed on the form field they name,
// and a submit that is disabled while its request runs.
import { Result, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../api.ts';
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

/** `body.areaCode` → `areaCode` (the form's own field name), or null when the error names no field of the form. */
export function formField(field: string | null, names: readonly string[]): string | null {
  if (!field) return null;
  const name = field.replace(/^body\./, '').split(/[.[]/)[0]!;
  return names.includes(name) ? name : null;
}

/**
 * Runs `send` once at a time; an ApiError naming a field of the form is shown under that field, any
 * other error is returned as text for an Alert above the form.
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
      const err = e instanceof ApiError ? e : new ApiError(0, 'client', String(e));
      const name = formField(err.field, fields);
      // The field's own error without the path prefix the API puts in front (`body.effectiveFrom: …`).
      if (name) form.setFields([{ name, errors: [err.message.replace(/^body\.[\w.[\]]+:\s*/, '')] }]);
      else setError(err.message);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}

export const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));
