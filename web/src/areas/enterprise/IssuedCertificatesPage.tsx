// 自主评价证书 (§5.6; docs/certificates.md): an enterprise the city approved for self-evaluation records
// the skill-level certificates it issued, by form or by the Excel template, and sees them. Only within
// its approval (occupations, validity); its own staff unless approved to certify outsiders.
import { Space, Typography } from 'antd';
import { useAuth } from '../../auth.tsx';
import { Certificates } from '../office/CertificatesPage.tsx';
import { ListHeader, RequireRole } from '../trainee/party-ui.tsx';

export default function IssuedCertificatesPage() {
  const { me } = useAuth();
  return (
    <RequireRole roles={['enterprise']}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <ListHeader title="自主评价证书" />
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          经人社部门批准开展技能等级自主评价的企业，在此把颁发的职业技能等级证书登记到本市证书库（§5.6）。只能登记批准范围内的职业（工种）和有效期内的证书；未获准面向社会评价的，只能为本企业职工评价，向非本企业职工颁发的证书不能作为补贴凭证。尚未获批准的企业登记时将被拒绝。
        </Typography.Paragraph>
        <Certificates issuerCode={me?.enterpriseUscc ?? undefined} />
      </Space>
    </RequireRole>
  );
}
