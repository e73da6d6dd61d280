// 政策参数 (city): the 30 dated parameters of the governing package, each with its clause and dates;
// recording a dated change makes a local package of higher precedence, used for claims decided afterwards.
import { Alert, Button, Descriptions, Form, Input, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api.ts';
import { Dialog, DialogCancelButton, LoadError } from '../../components.tsx';
import { clauseHeading, formatDate } from '../../format.ts';
import { ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import type {
  TParameterView as ParameterView,
  TPolicyParametersView as PolicyParametersView,
} from '../../../../src/api/routes/admin.types.ts';
import { CityOnly, useSubmit } from './shared.tsx';
import { describeValue, parseValue, valueText } from './values.ts';
import { DateInput } from '../../date-input.tsx';

const NO_FILTERS: readonly string[] = [];
const dates = (from: string, to: string | null) => `${formatDate(from)} 至 ${to ? formatDate(to) : '政策期满'}`;
const EXPORT: ExportColumn<ParameterView>[] = [
  { title: '参数', value: (p) => p.name, width: 34 },
  { title: '说明', value: (p) => p.description, width: 40 },
  { title: '条款', value: (p) => `${p.clause} ${p.clauseHeading}`, width: 30 },
  { title: '取值及有效期', value: (p) => p.values.map((v) => `${v.from}—${v.to ?? ''}：${describeValue(v.value)}`).join('\n'), width: 60 },
];

export default function AdminParametersPage() {
  return (
    <CityOnly>
      <Parameters />
    </CityOnly>
  );
}

function Parameters() {
  const list = useServerList<ParameterView>('/policy/parameters', NO_FILTERS);
  const data = list.data as PolicyParametersView | undefined;
  const [changing, setChanging] = useState<ParameterView | null>(null);
  const columns: TableProps<ParameterView>['columns'] = [
    {
      title: '参数',
      dataIndex: 'description',
      key: 'description',
      width: 260,
      render: (d: string, p) => (
        <>
          <div>{d}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.name}
          </Typography.Text>
        </>
      ),
    },
    { title: '条款', dataIndex: 'clause', key: 'clause', width: 180, render: (c: string) => `${c} ${clauseHeading(c)}` },
    {
      title: '取值及有效期',
      key: 'values',
      render: (_: unknown, p) => (
        <Space orientation="vertical" size={2}>
          {p.values.map((v) => (
            <span key={v.from}>
              {dates(v.from, v.to)}：<b>{describeValue(v.value)}</b>
              {v.changeId && (
                <Tag color="orange" style={{ marginInlineStart: 6 }}>
                  本地调整 {v.changeId}
                </Tag>
              )}
            </span>
          ))}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'op',
      width: 110,
      render: (_: unknown, p) => (
        <Button size="small" onClick={() => setChanging(p)}>
          登记调整
        </Button>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          政策参数
        </Typography.Title>
        <ExportButton path="/policy/parameters" query={list.query} columns={EXPORT} fileName="政策参数" />
      </Space>
      {data && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="现行政策包">
            {data.governing.title}（{data.governing.id}）
            {data.governing.local && (
              <Tag color="orange" style={{ marginInlineStart: 6 }}>
                本地
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="优先级">
            {data.governing.precedence}（共 {data.packages.length} 个政策包）
          </Descriptions.Item>
        </Descriptions>
      )}
      <Alert
        type="info"
        showIcon
        title="参数按培训开始日期适用。登记调整后生成优先级更高的本地政策包，此后判定的申领按新取值；已判定的申领保留原判定及所依据的政策包。"
      />
      {list.error ? (
        <LoadError error={list.error} what="政策参数" onRetry={list.reload} />
      ) : (
        <Table<ParameterView>
          rowKey="name"
          size="middle"
          {...list.tableProps}
          pagination={false}
          columns={columns}
          scroll={{ x: 900 }}
          expandable={{
            rowExpandable: (p) => p.changes.length > 0,
            expandedRowRender: (p) => (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={p.changes}
                aria-label="调整记录"
                columns={[
                  { title: '调整编号', dataIndex: 'id' },
                  { title: '取值', dataIndex: 'value', render: describeValue },
                  { title: '有效期', key: 'd', render: (_: unknown, c: ParameterView['changes'][number]) => dates(c.validFrom, c.validTo) },
                  { title: '理由', dataIndex: 'reason' },
                  { title: '登记人', dataIndex: 'createdBy' },
                  { title: '政策包', dataIndex: 'packageId' },
                ]}
              />
            ),
          }}
        />
      )}
      {changing && (
        <ChangeModal
          parameter={changing}
          onClose={(saved) => {
            setChanging(null);
            if (saved) list.reload();
          }}
        />
      )}
    </Space>
  );
}

const FIELDS = ['value', 'validFrom', 'validTo', 'reason'] as const;

function ChangeModal({ parameter, onClose }: { parameter: ParameterView; onClose(saved: boolean): void }) {
  const [form] = Form.useForm();
  const { busy, error, submit } = useSubmit(form, FIELDS);
  const current = parameter.values.at(-1)!;
  const onFinish = async (v: { value: string; validFrom: dayjs.Dayjs; validTo?: dayjs.Dayjs | null; reason: string }) => {
    const parsed = parseValue(v.value);
    if ('error' in parsed) {
      form.setFields([{ name: 'value', errors: [parsed.error] }]);
      return;
    }
    const body = {
      parameter: parameter.name,
      value: parsed.value,
      validFrom: v.validFrom.format('YYYY-MM-DD'),
      validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
      reason: v.reason,
    };
    if (await submit(() => api('/policy/changes', { method: 'POST', body }))) onClose(true);
  };
  return (
    <Dialog
      guard={form}
      open
      title={`登记参数调整：${parameter.description}`}
      onCancel={() => onClose(false)}
      footer={null}
      width={600}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {parameter.name}（{parameter.clause} {parameter.clauseHeading}）；现值：{describeValue(current.value)}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form
        form={form}
        name="adminparameters-1"
        layout="vertical"
        onFinish={onFinish}
        aria-label="参数调整"
        initialValues={{ value: valueText(current.value) }}
      >
        <Form.Item
          label="新取值"
          name="value"
          rules={[{ required: true, message: '请填写新的取值' }]}
          extra='数字直接填写；列表或区间用 JSON，如 ["safety"] 或 {"min":0.05,"max":0.2}'
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
        </Form.Item>
        <Space wrap size={12}>
          <Form.Item label="生效日期" name="validFrom" rules={[{ required: true, message: '请选择生效日期' }]}>
            <DateInput style={{ width: 170 }} />
          </Form.Item>
          <Form.Item label="终止日期（可空，即至政策期满）" name="validTo">
            <DateInput style={{ width: 170 }} />
          </Form.Item>
        </Space>
        <Form.Item label="调整依据" name="reason" rules={[{ required: true, whitespace: true, message: '请填写调整依据' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={busy}>
            登记
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}
