// 证书登记 (§5.6; docs/certificates.md): an evaluation body records the certificates it issued into the
// city's registry — by form, by the Excel or CSV template — within its approvals, and revokes one issued
// in error or obtained by fraud. It sees only its own certificates (the server's scope).
import type { TIssuerPage } from '../../../../src/api/routes/certificates.types.ts';
import { Descriptions, Space, Tag, Typography } from 'antd';
import { LoadError } from '../../components.tsx';
import { useApi } from '../../hooks.ts';
import { Certificates } from '../office/CertificatesPage.tsx';
import { ListHeader, RequireRole } from '../trainee/party-ui.tsx';

export default function EvaluatorCertificatesPage() {
  const own = useApi<TIssuerPage>('/certificate-issuers', { pageSize: 1 });
  const issuer = own.data?.items[0];
  return (
    <RequireRole roles={['evaluator']}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <ListHeader title="证书登记" />
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          评价机构在此把颁发的证书登记到本市证书库（§5.6），只能登记评价批准范围内的职业（工种）和有效期内的证书。错发或以欺诈手段取得的证书，写明原因后撤销：撤销后公开查验显示“已撤销”，引用它的申领不予支付。
        </Typography.Paragraph>
        {own.error ? (
          <LoadError error={own.error} what="本机构信息" onRetry={own.reload} />
        ) : (
          issuer && (
            <Descriptions size="small" bordered column={1} data-testid="evaluator-issuer">
              <Descriptions.Item label="评价机构">
                {issuer.name}（{issuer.code}）
              </Descriptions.Item>
              <Descriptions.Item label="评价批准">
                <Space wrap>
                  {issuer.approvals.length === 0
                    ? '尚无评价批准，登记证书将被拒绝'
                    : issuer.approvals.map((p) => (
                        <Tag key={p.id} color={p.inForce ? 'blue' : 'default'}>
                          {p.document}：{p.occupations.length} 个职业（工种），{p.validFrom} 至 {p.validTo ?? '长期'}
                        </Tag>
                      ))}
                </Space>
              </Descriptions.Item>
            </Descriptions>
          )
        )}
        {issuer && <Certificates issuerCode={issuer.code} />}
      </Space>
    </RequireRole>
  );
}
