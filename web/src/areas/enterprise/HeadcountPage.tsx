// 主要岗位职工数 (§1): the enterprise records its own main-post headcount for each year of the plan
// (the years come from the server, read from the policy packages). The figure is the base of the
// 钒钛/康养 rotation goal; a year not recorded shows as 未登记 and is never counted as 0.
import { useUnsavedGuard } from '../../unsaved-guard.tsx';
import { Alert, Button, Card, Col, Form, InputNumber, message, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { formatDateTime } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { recordedByText, saveHeadcount, type HeadcountPage as Page, type HeadcountView } from '../supervision/HeadcountDialog.tsx';
import { DEFAULT_YEAR } from '../supervision/shared.tsx';
import { RequireRole } from '../trainee/party-ui.tsx';
import { showServerErrors } from '../../form-errors.ts';

export default function HeadcountPage() {
  return (
    <RequireRole roles={['enterprise']}>
      <Headcounts />
    </RequireRole>
  );
}

function Headcounts() {
  const { me } = useAuth();
  // The enterprise's own row of a year also tells the years a figure can be recorded for.
  const first = useApi<Page>(me?.enterpriseUscc ? '/enterprise-headcounts' : null, { year: DEFAULT_YEAR });
  if (first.error) return <LoadError error={first.error} what="主要岗位职工人数" onRetry={first.reload} />;
  if (!first.data) return <Skeleton active />;
  const own = first.data.items[0];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        主要岗位职工数
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        title="方案目标（§1）：钒钛、康养产业主体岗位职工轮训一遍。请按年度登记本企业主要岗位在岗职工人数；未登记的年度不按 0 计，人社部门的目标统计将列出未报企业。人社部门可更正。"
      />
      {own && (
        <Typography.Text type="secondary">
          {own.name}（{own.uscc}），{own.industryName}，{own.areaName}
        </Typography.Text>
      )}
      <Row gutter={[16, 16]}>
        {first.data.years.map((y) => (
          <Col key={y} xs={24} lg={12}>
            <YearCard year={y} />
          </Col>
        ))}
      </Row>
    </Space>
  );
}

function YearCard({ year }: { year: number }) {
  const loaded = useApi<Page>('/enterprise-headcounts', { year });
  const row = loaded.data?.items[0];
  if (loaded.error) return <LoadError error={loaded.error} what={`${year}年人数`} onRetry={loaded.reload} />;
  return (
    <Card size="small" title={`${year} 年度`} loading={!loaded.data} data-testid={`headcount-${year}`}>
      {row && <YearForm row={row} onSaved={loaded.reload} />}
    </Card>
  );
}

function YearForm({ row, onSaved }: { row: HeadcountView; onSaved(): void }) {
  const [form] = Form.useForm<{ mainPostEmployees: number }>();
  const guard = useUnsavedGuard(form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = `${row.year}年主要岗位职工人数（人）`;
  const submit = async ({ mainPostEmployees }: { mainPostEmployees: number }) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await saveHeadcount(row.uscc, row.year, mainPostEmployees);
      guard.saved();
      void message.success(`${row.year}年主要岗位职工人数已登记：${saved.mainPostEmployees} 人`);
      onSaved();
    } catch (e) {
      setError(showServerErrors(form, e, ['mainPostEmployees']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text data-testid={`headcount-${row.year}-current`}>
        已登记：
        {row.mainPostEmployees == null ? <Typography.Text type="warning">未登记</Typography.Text> : <b>{row.mainPostEmployees} 人</b>}
        {row.recordedAt && (
          <Typography.Text type="secondary">
            （{recordedByText(row.recordedBy)}，{formatDateTime(row.recordedAt)}）
          </Typography.Text>
        )}
      </Typography.Text>
      {error && <Alert type="error" showIcon title={error} />}
      <Form
        form={form}
        layout="inline"
        aria-label={`登记${row.year}年主要岗位职工人数`}
        onFinish={submit}
        initialValues={row.mainPostEmployees == null ? {} : { mainPostEmployees: row.mainPostEmployees }}
      >
        <Form.Item
          label={label}
          name="mainPostEmployees"
          rules={[
            { required: true, message: '请填写主要岗位职工人数' },
            { type: 'integer', min: 0, message: '应为不小于 0 的整数' },
          ]}
        >
          <InputNumber min={0} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} disabled={busy}>
            {row.mainPostEmployees == null ? '登记' : '更正'}
          </Button>
        </Form.Item>
      </Form>
    </Space>
  );
}
