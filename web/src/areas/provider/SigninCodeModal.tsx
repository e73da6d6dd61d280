// 课堂签到码 (docs/attendance.md): the classroom screen shows today's session's QR code, which the server
// replaces every 30 seconds; each trainee scans it with their phone and signs in as themselves.
import type { TSigninCode } from '../../../../src/api/routes/signin.types.ts';
import { Alert, Modal, Radio, Space, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api.ts';

export function SigninCodeModal({ classId, sessionId, onClose }: { classId: string; sessionId: number; onClose(): void }) {
  const [kind, setKind] = useState<'in' | 'out'>('in');
  const [code, setCode] = useState<TSigninCode | null>(null);
  const [image, setImage] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const load = async () => {
      try {
        const c = await api<TSigninCode>(`/classes/${encodeURIComponent(classId)}/sessions/${sessionId}/signin-code`, { query: { kind } });
        if (!live) return;
        const url = `${window.location.origin}${c.path}`;
        setImage(await QRCode.toDataURL(url, { width: 360, margin: 1 }));
        setCode(c);
        setError('');
        timer = setTimeout(load, Math.max(1000, new Date(c.refreshAt).getTime() - Date.now() + 200));
      } catch (e) {
        if (!live) return;
        setError(e instanceof ApiError ? e.message : String(e));
        timer = setTimeout(load, 5000);
      }
    };
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [classId, sessionId, kind]);
  return (
    <Modal open title="课堂签到码" footer={null} onCancel={onClose} width={460} destroyOnHidden>
      <Space orientation="vertical" align="center" style={{ width: '100%' }}>
        {code?.session.requiresSignout && (
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} optionType="button">
            <Radio.Button value="in">签到码</Radio.Button>
            <Radio.Button value="out">签退码</Radio.Button>
          </Radio.Group>
        )}
        {error && <Alert type="error" showIcon title={error} />}
        {image && code && (
          <>
            <img src={image} alt={kind === 'in' ? '签到二维码' : '签退二维码'} data-signin-path={code.path} width={360} height={360} />
            <Typography.Text>
              {code.session.day} {code.session.startsAt}–{code.session.endsAt}　已签到 {code.signedIn}/{code.roster} 人
              {code.session.requiresSignout ? `，已签退 ${code.signedOut} 人` : ''}
            </Typography.Text>
            <Typography.Text type="secondary">二维码每 30 秒更换；请学员用手机扫码，以本人账号登录后签到。</Typography.Text>
          </>
        )}
      </Space>
    </Modal>
  );
}
