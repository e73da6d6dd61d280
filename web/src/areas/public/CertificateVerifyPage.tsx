// 证书查验 (public, no login; docs/certificates.md): a certificate number and the holder's name give
// 有效 — with what the certificate itself states —, 已撤销 (with the date of revocation), or 未找到. Nothing
// else about the person is shown; the server limits how often one address may ask.
import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { TVerifyAnswer as VerifyAnswer } from '../../../../src/api/routes/certificates.types.ts';
import { api, ApiError } from '../../api.ts';
import { showServerErrors } from '../../form-errors.ts';

export default function CertificateVerifyPage() {
  const [form] = Form.useForm<{ number: string; name: string }>();
  const [answer, setAnswer] = useState<VerifyAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ask = async (v: { number: string; name: string }) => {
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      setAnswer(await api<VerifyAnswer>('/public/certificates/verify', { query: { number: v.number.trim(), name: v.name.trim() } }));
    } catch (e) {
      setError(e instanceof ApiError ? (showServerErrors(form, e, ['number', 'name']) ?? null) : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        证书查验
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        输入证书编号和持证人姓名，查验该证书是否已由评价机构或经批准的企业登记到本市证书库（方案四、五（六））。只显示证书本身载明的内容，不显示其他个人信息。
      </Typography.Paragraph>
      <Card>
        <Form form={form} layout="inline" onFinish={ask} aria-label="证书查验">
          <Form.Item label="证书编号" name="number" rules={[{ required: true, whitespace: true, message: '请填写证书编号' }]}>
            <Input maxLength={64} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label="持证人姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写持证人姓名' }]}>
            <Input maxLength={50} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              查验
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      {answer && !answer.found && (
        <Alert
          type="warning"
          showIcon
          data-testid="verify-result"
          title="未找到"
          description="证书库中没有这个编号、这个姓名的证书。请核对证书编号和姓名；如有疑问，请向发证机构或人社部门咨询。"
        />
      )}
      {answer && answer.found && answer.status === '已撤销' && (
        <Card data-testid="verify-result">
          <Alert
            type="error"
            showIcon
            title="已撤销"
            description="这张证书已被发证机构或人社部门撤销，不再有效。如有疑问，请向发证机构咨询。"
            style={{ marginBottom: 16 }}
          />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="证书类型">{answer.typeName}</Descriptions.Item>
            <Descriptions.Item label="发证机构">{answer.issuerName}</Descriptions.Item>
            <Descriptions.Item label="撤销日期">{answer.revokedOn}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {answer && answer.found && answer.status === '有效' && (
        <Card data-testid="verify-result">
          <Alert type="success" showIcon title="有效：证书库中有这张证书" style={{ marginBottom: 16 }} />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="证书类型">{answer.typeName}</Descriptions.Item>
            {answer.occupation && <Descriptions.Item label="职业（工种）">{answer.occupation}</Descriptions.Item>}
            {answer.levelName && <Descriptions.Item label="等级">{answer.levelName}</Descriptions.Item>}
            {answer.specification && <Descriptions.Item label="专项职业能力">{answer.specification}</Descriptions.Item>}
            <Descriptions.Item label="发证日期">{answer.issuedOn}</Descriptions.Item>
            <Descriptions.Item label="发证机构">{answer.issuerName}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}
