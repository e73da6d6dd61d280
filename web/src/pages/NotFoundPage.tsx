import { Result } from 'antd';
import { HomeButton } from '../components.tsx';

export default function NotFoundPage() {
  return <Result status="404" title="页面不存在" subTitle="您访问的页面不存在。" extra={<HomeButton />} />;
}
