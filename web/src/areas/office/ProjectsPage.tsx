// 项目制培训 (§4.9): the contracts the offices bought by 公开招标 or 比选 — provider, per-trainee price,
// trainee count, contract total — registered here (the figures checked like the API: the total cannot
// exceed price × count), each with its advance; the trainees' claims settle the advance as they are
// approved (see 资金与台账 for the movements).
import { Button, Form, Input, InputNumber, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import type { TProjectView as ProjectView } from '../../../../src/api/routes/projects.types.ts';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { formatDateTime, formatMoney, withCode } from '../../format.ts';
import { areaName, LEVEL_NAMES, nameOf } from '../../labels.ts';
import { AreaFilter, ExportButton, ListFilters, useServerList, type ExportColumn } from '../../list.tsx';
import { ListHeader, options, RequireRole } from '../trainee/party-ui.tsx';
import { areaOptions } from './PeoplePage.tsx';
import { AdvanceDialog } from './PlansQueuePage.tsx';
import { FormDialog, requiredText, yuanToFen } from './shared.tsx';

const SELECTION_NAMES: Record<string, string> = { open_tender: '公开招标', comparison: '比选' };
const FILTERS = ['q', 'areaCode', 'providerId'] as const;
const SORTABLE = { number: 'number', name: 'name', createdAt: 'createdAt', totalFen: 'totalFen' };
const EXPORT: ExportColumn<ProjectView>[] = [
  { title: '项目编号', value: (p) => p.number, width: 24 },
  { title: '项目名称', value: (p) => p.name, width: 36 },
  { title: '培训机构', value: (p) => withCode(p.providerName, p.providerId), width: 30 },
  { title: '地区', value: (p) => areaName(p.areaCode) },
  { title: '确定方式', value: (p) => nameOf(SELECTION_NAMES, p.selection) },
  { title: '单价（元）', value: (p) => p.perTraineeFen / 100, width: 12 },
  { title: '人数', value: (p) => p.traineeCount },
  { title: '合同总额（元）', value: (p) => p.totalFen / 100, width: 16 },
];

export default function ProjectsPage() {
  return (
    <RequireRole roles={['city', 'county']}>
      <Projects />
    </RequireRole>
  );
}

interface ProjectForm {
  name: string;
  providerId: string;
  areaCode: string;
  selection: string;
  perTraineeYuan: number;
  traineeCount: number;
  totalYuan: number;
  occupationCode?: string;
  level?: string;
}

function Projects() {
  const { me } = useAuth();
  const list = useServerList<ProjectView>('/projects', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const [dialog] = Form.useForm<ProjectForm>();
  const [open, setOpen] = useState(false);
  const [advance, setAdvance] = useState<ProjectView | null>(null);
  const columns: TableProps<ProjectView>['columns'] = [
    {
      title: '项目编号',
      dataIndex: 'number',
      key: 'number',
      width: 190,
      sorter: true,
      sortOrder: list.sortOrder('number'),
      render: (n: string) => <span style={{ fontFamily: 'monospace' }}>{n}</span>,
    },
    { title: '项目名称', dataIndex: 'name', key: 'name', sorter: true, sortOrder: list.sortOrder('name') },
    {
      title: '培训机构',
      dataIndex: 'providerId',
      key: 'providerId',
      width: 200,
      render: (id: string, p) => withCode(p.providerName, id),
    },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 80, render: areaName },
    {
      title: '确定方式',
      dataIndex: 'selection',
      key: 'selection',
      width: 100,
      render: (s: string) => <Tag>{nameOf(SELECTION_NAMES, s)}</Tag>,
    },
    { title: '单价', dataIndex: 'perTraineeFen', key: 'perTraineeFen', width: 110, align: 'right', render: formatMoney },
    { title: '人数', dataIndex: 'traineeCount', key: 'traineeCount', width: 70, align: 'right' },
    {
      title: '合同总额',
      dataIndex: 'totalFen',
      key: 'totalFen',
      width: 130,
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrder('totalFen'),
      render: formatMoney,
    },
    {
      title: '登记时间',
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 160,
      sorter: true,
      sortOrder: list.sortOrder('createdAt'),
      render: formatDateTime,
    },
    {
      title: '操作',
      key: 'act',
      width: 90,
      render: (_: unknown, p) => (
        <Button size="small" onClick={() => setAdvance(p)}>
          预付
        </Button>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="项目制培训">
        <Button type="primary" onClick={() => setOpen(true)}>
          登记项目合同
        </Button>
        <ExportButton path="/projects" query={list.query} columns={EXPORT} fileName="项目制培训" />
      </ListHeader>
      <ListFilters form={form} list={list}>
        <Form.Item label="编号或名称" name="q">
          <Input allowClear maxLength={40} placeholder="如 XM-2021-510402-000001" style={{ width: 240 }} />
        </Form.Item>
        <AreaFilter city />
        <Form.Item label="培训机构编号" name="providerId">
          <Input allowClear maxLength={40} style={{ width: 140 }} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="项目" onRetry={list.reload} />
      ) : (
        <Table<ProjectView> rowKey="id" size="middle" {...list.tableProps} columns={columns} scroll={{ x: 1400 }} />
      )}
      <FormDialog<ProjectForm>
        form={dialog}
        open={open}
        title="登记项目制培训合同（§4.9）"
        name="createProject"
        width={640}
        onClose={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          list.reload();
        }}
        initialValues={{ areaCode: me?.role === 'county' ? (me.areaCode ?? undefined) : undefined }}
        fields={{
          name: 'name',
          providerId: 'providerId',
          areaCode: 'areaCode',
          selection: 'selection',
          perTraineeFen: 'perTraineeYuan',
          traineeCount: 'traineeCount',
          totalFen: 'totalYuan',
          occupationCode: 'occupationCode',
          level: 'level',
        }}
        submit={(v) =>
          api('/projects', {
            method: 'POST',
            body: {
              name: v.name.trim(),
              providerId: v.providerId.trim(),
              areaCode: v.areaCode,
              selection: v.selection,
              perTraineeFen: yuanToFen(v.perTraineeYuan),
              traineeCount: v.traineeCount,
              totalFen: yuanToFen(v.totalYuan),
              occupationCode: v.occupationCode?.trim() || null,
              level: v.level ?? null,
            },
          })
        }
      >
        <Form.Item label="项目名称" name="name" rules={requiredText('项目名称', 200)}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item
            label="中标（入选）培训机构编号"
            name="providerId"
            rules={[
              { required: true, whitespace: true, message: '请填写培训机构编号' },
              { pattern: /^[A-Za-z0-9_.-]+$/, message: '编号只能包含字母、数字和 - _ .' },
            ]}
          >
            <Input maxLength={40} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="地区" name="areaCode" rules={[{ required: true, message: '请选择地区' }]}>
            <Select options={areaOptions(me)} style={{ width: 160 }} placeholder="请选择" />
          </Form.Item>
          <Form.Item label="确定方式" name="selection" rules={[{ required: true, message: '请选择公开招标或比选' }]}>
            <Select options={options(SELECTION_NAMES)} style={{ width: 140 }} placeholder="请选择" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item label="每人单价（元）" name="perTraineeYuan" rules={[{ required: true, message: '请填写单价' }]}>
            <InputNumber min={0.01} precision={2} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label="培训人数" name="traineeCount" rules={[{ required: true, message: '请填写人数' }]}>
            <InputNumber min={1} max={100000} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            label="合同总额（元）"
            name="totalYuan"
            dependencies={['perTraineeYuan', 'traineeCount']}
            rules={[
              { required: true, message: '请填写合同总额' },
              ({ getFieldValue }) => ({
                validator: (_: unknown, v?: number) => {
                  const per = getFieldValue('perTraineeYuan') as number | undefined;
                  const n = getFieldValue('traineeCount') as number | undefined;
                  return v != null && per != null && n != null && yuanToFen(v) > yuanToFen(per) * n
                    ? Promise.reject(new Error('合同总额不能超过单价 × 人数'))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <InputNumber min={0.01} precision={2} style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item label="职业（工种）代码（可不填）" name="occupationCode">
            <Input maxLength={40} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="等级（可不填）" name="level">
            <Select allowClear options={options(LEVEL_NAMES as Record<string, string>)} style={{ width: 180 }} />
          </Form.Item>
        </Space>
      </FormDialog>
      <AdvanceDialog
        kind="project"
        subjectId={advance?.id ?? null}
        title={`项目制培训预付资金：${advance ? `${advance.number} ${advance.name}` : ''}`}
        onClose={() => setAdvance(null)}
        onDone={() => setAdvance(null)}
      />
    </Space>
  );
}
