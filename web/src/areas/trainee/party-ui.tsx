// Small pieces the enterprise, trainee and department screens share: a list's title row with its
// export, select options from a names table, and a server error shown next to the field it names.
import { Result, Space, Typography, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { HomeButton } from '../../components.tsx';
import { RequireAuth } from '../../layout/RequireAuth.tsx';
import type { Role } from '../../types.ts';

export const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

export function ListHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Space wrap>{children}</Space>
    </Space>
  );
}

/**
 * Puts a server error next to the form field it names (`body.certificate.type` → ['certificate', 'type']);
 * returns the message when no field of the form matches, for a general alert.
 */
export function applyServerError(form: FormInstance, e: unknown, known: readonly string[]): string | null {
  const error = e instanceof ApiError ? e : null;
  const message = error?.message ?? String(e);
  const path =
    error?.field
      ?.replace(/^body\./, '')
      .split('.')
      .filter(Boolean) ?? [];
  if (path.length > 0 && known.includes(path.join('.'))) {
    form.setFields([{ name: path, errors: [message.replace(/^[\w.[\]]+: /, '')] }]);
    return null;
  }
  return message;
}

/** A screen for some roles only: others are told so (the API would refuse them anyway). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  return (
    <RequireAuth>
      <RoleGate roles={roles}>{children}</RoleGate>
    </RequireAuth>
  );
}

function RoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { me } = useAuth();
  if (!me || !roles.includes(me.role))
    return <Result status="403" title="无权访问" subTitle="此页面不在您的办理范围内。" extra={<HomeButton />} />;
  return <>{children}</>;
}
