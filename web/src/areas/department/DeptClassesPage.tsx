// 本领域培训班 (§5.7): the classes of the department's slice, read-only, with comments and flags.
import { Drawer, Form, Select, Space, Table } from 'antd';
import { useState } from 'react';
import type { TClassSummary as ClassRow } from '../../../../src/api/routes/classes.types.ts';
import { LoadError } from '../../components.tsx';
import { CLASS_STATUS_NAMES, PROGRAM_NAMES } from '../../labels.ts';
import { ListFilters, AreaFilter, ExportButton, useServerList } from '../../list.tsx';
import { ListHeader, options, RequireRole } from '../trainee/party-ui.tsx';
import { CLASS_EXPORT, classColumns } from '../trainee/TrainingsPage.tsx';
import { ClassSummary } from './ClassSummary.tsx';
import { OversightNotesPanel } from './OversightNotesPanel.tsx';

const FILTERS = ['status', 'program', 'areaCode'] as const;
const SORTABLE = { startDate: 'startDate', status: 'status' };

export default function DeptClassesPage() {
  return (
    <RequireRole roles={['department']}>
      <DeptClasses />
    </RequireRole>
  );
}

function DeptClasses() {
  const list = useServerList<ClassRow>('/classes', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="本领域培训班">
        <ExportButton path="/classes" query={list.query} columns={CLASS_EXPORT} fileName="本领域培训班" />
      </ListHeader>
      <ListFilters form={form} list={list}>
        <Form.Item label="培训项目" name="program">
          <Select allowClear placeholder="全部" style={{ width: 200 }} options={options(PROGRAM_NAMES)} />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 160 }} options={options(CLASS_STATUS_NAMES)} />
        </Form.Item>
        <AreaFilter />
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="培训班" onRetry={list.reload} />
      ) : (
        <Table<ClassRow>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          columns={classColumns(list, setOpenId)}
          scroll={{ x: 980 }}
          locale={{ emptyText: '本领域暂无培训班' }}
        />
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
