// 本领域人员 (§5.7): the people a group-keeping department watches (the veterans bureau its veterans,
// the disabled persons' federation disabled people), read-only, resident IDs masked by the server.
import { Form, Input, Space, Table, type TableProps } from 'antd';
import type { TPerson as PersonView } from '../../../../src/api/routes/people.types.ts';
import { LoadError } from '../../components.tsx';
import { areaName } from '../../labels.ts';
import { ListFilters, AreaFilter, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { ListHeader, RequireRole } from '../trainee/party-ui.tsx';

const FILTERS = ['name', 'areaCode'] as const;
const SORTABLE = { name: 'name', areaCode: 'areaCode' };
const EXPORT: ExportColumn<PersonView>[] = [
  { title: '姓名', value: (p) => p.name },
  { title: '身份证号', value: (p) => p.residentId, width: 22 },
  { title: '地区', value: (p) => areaName(p.areaCode) },
];

export default function DeptPeoplePage() {
  return (
    <RequireRole roles={['department']}>
      <DeptPeople />
    </RequireRole>
  );
}

function DeptPeople() {
  const list = useServerList<PersonView>('/people', FILTERS, SORTABLE);
  const [form] = Form.useForm();
  const columns: TableProps<PersonView>['columns'] = [
    { title: '姓名', dataIndex: 'name', key: 'name', width: 160, sorter: true, sortOrder: list.sortOrder('name') },
    {
      title: '身份证号',
      dataIndex: 'residentId',
      key: 'residentId',
      width: 200,
      render: (r: string) => <span style={{ fontFamily: 'monospace' }}>{r}</span>,
    },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', sorter: true, sortOrder: list.sortOrder('areaCode'), render: areaName },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="本领域人员">
        <ExportButton path="/people" query={list.query} columns={EXPORT} fileName="本领域人员" />
      </ListHeader>
      <ListFilters form={form} list={list}>
        <Form.Item label="姓名" name="name">
          <Input allowClear maxLength={50} style={{ width: 160 }} />
        </Form.Item>
        <AreaFilter />
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="人员" onRetry={list.reload} />
      ) : (
        <Table<PersonView>
          rowKey="residentId"
          size="middle"
          {...list.tableProps}
          columns={columns}
          locale={{ emptyText: '本部门不掌握人员名单（仅退役军人事务局、残联可查看本领域人员）' }}
        />
      )}
    </Space>
  );
}
