// Entry: Chinese locale for antd and dayjs, the business date, the router, the session. Screens load on demand (routes.tsx).
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AuthProvider } from './auth.tsx';
import { BusinessDateProvider } from './business-date.tsx';
import { router } from './routes.tsx';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      theme={{
        token: { colorPrimary: '#1d4ed8', fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif' },
      }}
    >
      <BusinessDateProvider>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </BusinessDateProvider>
    </ConfigProvider>
  </StrictMode>,
);
