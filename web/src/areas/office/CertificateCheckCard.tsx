// The claim page's certificate check (docs/certificates.md; §4.0 R1/R13, §5.6): what the registry says
// about the claim's certificate, whether that holds the claim out of payment and why, in the words the
// server gives with the clause; the office may check again, or record a 说明 with its reason.
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TClaimCertificateCheck as ClaimCertificateCheckView } from '../../../../src/api/routes/certificates.types.ts';
import { api, ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { formatDateTime } from '../../format.ts';
import { validFields } from '../../form-errors.ts';
import { useApi } from '../../hooks.ts';

const COLORS: Record<string, string> = {
  verified: 'success',
  not_found: 'error',
  mismatch: 'error',
  outsider: 'error',
  not_applicable: 'default',
  unchecked: 'warning',
};

export function CertificateCheckCard({ claimId }: { claimId: string }) {
  const { me } = useAuth();
  if (me?.role !== 'city' && me?.role !== 'county') return null;
  return <CheckCard claimId={claimId} />;
}

function CheckCard({ claimId }: { claimId: string }) {
  const { message } = AntApp.useApp();
  const path = `/claims/${encodeURIComponent(claimId)}/certificate-check`;
  const { data: k, reload } = useApi<ClaimCertificateCheckView>(path);
  const [busy, setBusy] = useState(false);
  const [explaining, setExplaining] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  if (!k || !k.certificate) return null;
  const recheck = async () => {
    setBusy(true);
    try {
      await api(path, { method: 'POST' });
      reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const explain = async () => {
    const v = await validFields(form);
    setBusy(true);
    try {
      await api(`/claims/${encodeURIComponent(claimId)}/certificate-explanation`, { method: 'POST', body: { reason: v.reason.trim() } });
      setExplaining(false);
      form.resetFields();
      void message.success('已记录证书说明');
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.field === 'reason') form.setFields([{ name: 'reason', errors: [e.message.replace(/^reason: /, '')] }]);
      else void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const r = k.registryCertificate;
  return (
    <Card
      title="证书库核验"
      size="small"
      data-testid="certificate-check"
      extra={
        <Space>
          <Button size="small" onClick={() => void recheck()} loading={busy}>
            重新核验
          </Button>
          {k.canExplain && (
            <Button size="small" type="primary" onClick={() => setExplaining(true)}>
              证书说明
            </Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <span>
            {k.certificate.typeName} {k.certificate.number ?? '（未填编号）'}
          </span>
          <Tag color={COLORS[k.status] ?? 'default'}>{k.statusName}</Tag>
          {k.checkedAt && <Typography.Text type="secondary">核验于 {formatDateTime(k.checkedAt)}</Typography.Text>}
        </Space>
        {k.heldFromPayment && (
          <Alert
            type="error"
            showIcon
            data-testid="certificate-hold"
            title="暂缓支付：证书未通过证书库核验"
            description={k.reasons.length ? k.reasons.join('；') : '该申领的证书尚未在证书库中核验，请点“重新核验”。'}
          />
        )}
        {!k.heldFromPayment && k.reasons.length > 0 && (
          <Typography.Paragraph style={{ margin: 0 }} type={k.status === 'verified' ? undefined : 'secondary'}>
            {k.reasons.join('；')}
          </Typography.Paragraph>
        )}
        {!k.applies && k.status !== 'not_applicable' && (
          <Typography.Text type="secondary">
            {k.inForceFrom ? `证书库核验自 ${k.inForceFrom} 起施行，本申领在此之前结业，不因核验结果暂缓支付。` : '证书库核验尚未施行。'}
          </Typography.Text>
        )}
        {r && (
          <Descriptions
            size="small"
            column={3}
            bordered
            items={[
              { key: 'issuer', label: '发证机构', children: `${r.issuerName}（${r.issuerKindName}）` },
              { key: 'type', label: '证书库中的类型', children: r.typeName },
              { key: 'holder', label: '持证人', children: r.sameHolder ? '即本申领学员' : '不是本申领学员' },
              { key: 'occ', label: '职业（工种）/规范', children: r.specificationCode ?? r.occupationCode ?? '—' },
              { key: 'level', label: '等级', children: r.levelName ?? '—' },
              { key: 'date', label: '发证日期', children: r.issuedOn },
            ]}
          />
        )}
        {k.explanation && (
          <Alert
            type="info"
            showIcon
            data-testid="certificate-explanation"
            title="已说明，准予支付"
            description={`${k.explanation.reason}（${k.explanation.by}，${formatDateTime(k.explanation.at)}）`}
          />
        )}
      </Space>
      <Modal
        open={explaining}
        title="证书说明"
        okText="确认说明"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void explain()}
        onCancel={() => setExplaining(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          证书库中未查到该证书，或没有记录表明持证人是颁证企业的职工。核实后（如调阅发证机构的原始记录、劳动合同），写明理由即可准予支付；说明记入审计日志。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" name="certificateExplanation">
          <Form.Item
            label="说明理由"
            name="reason"
            rules={[
              { required: true, whitespace: true, message: '请写明理由' },
              { min: 5, message: '理由至少 5 个字' },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
