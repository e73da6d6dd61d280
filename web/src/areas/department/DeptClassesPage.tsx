// 本领域培训班 (§5.7): the classes of the department's slice, read-only, with comments and flags.
import { Button, Card, Drawer, Form, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { ClassSummary as ClassRow } from '../../../../src/services/classes/list-classes.ts';
import { LoadError } from '../../components.tsx';
import { AREA_NAMES, CLASS_STATUS_NAMES, PROGRAM_NAMES } from '../../labels.ts';
import { ExportButton, useServerList } from '../../list.tsx';
import { ListHeader, options, RequireRole } from '../trainee/party-ui.tsx';
import { CLASS_EXPORT, classColumns } from '../trainee/TrainingsPage.tsx';
import { ClassSummary } from './ClassSummary.tsx';
import { OversightNotesPanel } from './OversightNotesPanel.tsx';

const FILTERS = ['status', 'program', 'areaCode'] as const;
const SORTABLE = { startDate: 'startDate', status: 'status' };

export default function DeptClassesPage() {
  return <RequireRole roles={['department']}><DeptClasses /></RequireRole>;
}

function DeptClasses() {
  const list = useServerList<ClassRow>('/classes', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const [openId, setOpenId] = useState<string | null>(null);
  useEffect(() => { form.setFieldsValue(list.state.filters); }, [form, list.state.filters]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="本领域培训班"><ExportButton path="/classes" query={list.query} columns={CLASS_EXPORT} fileName="本领域培训班" /></ListHeader>
      <Card size="small">
        <Form form={form} layout="inline" aria-label="筛选条件" onFinish={list.setFilters} style={{ rowGap: 12 }}>
          <Form.Item label="培训项目" name="program"><Select allowClear placeholder="全部" style={{ width: 200 }} options={options(PROGRAM_NAMES)} /></Form.Item>
          <Form.Item label="状态" name="status"><Select allowClear placeholder="全部" style={{ width: 160 }} options={options(CLASS_STATUS_NAMES)} /></Form.Item>
          <Form.Item label="地区" name="areaCode"><Select allowClear placeholder="全部" style={{ width: 120 }} options={options(AREA_NAMES).filter((o) => o.value !== '510400')} /></Form.Item>
          <Form.Item><Space><Button type="primary" htmlType="submit">查询</Button><Button onClick={() => { form.resetFields(); list.clearFilters(); }}>重置</Button></Space></Form.Item>
        </Form>
      </Card>
      {list.error ? <LoadError error={list.error} what="培训班" onRetry={list.reload} /> : (
        <Table<ClassRow> rowKey="id" size="middle" {...list.tableProps} columns={classColumns(list, setOpenId)} scroll={{ x: 980 }} locale={{ emptyText: '本领域暂无培训班' }} />
      )}
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} title="培训班" size="large" destroyOnHidden>
        {openId && (
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <ClassSummary classId={openId} />
            <OversightNotesPanel subjectKind="class" subjectId={openId} />
          </Space>
        )}
      </Drawer>
    </Space>
  );
}
