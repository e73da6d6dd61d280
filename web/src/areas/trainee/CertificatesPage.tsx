// 我的证书: the certificates recorded in the trainee's name and the class each came from.
import { Space, Table, type TableProps } from 'antd';
import type { TMyCertificate as MyCertificate } from '../../../../src/api/routes/my-records.types.ts';
import { LoadError } from '../../components.tsx';
import { formatDate } from '../../format.ts';
import { CERTIFICATE_NAMES, LEVEL_NAMES, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import { ListHeader, RequireRole } from './party-ui.tsx';

const SORTABLE = { issuedOn: 'issuedOn', type: 'type' };
const EXPORT: ExportColumn<MyCertificate>[] = [
  { title: '证书类型', value: (c) => nameOf(CERTIFICATE_NAMES, c.type), width: 20 },
  { title: '证书编号', value: (c) => c.number, width: 24 },
  { title: '职业（工种）', value: (c) => c.occupationCode, width: 18 },
  { title: '等级', value: (c) => nameOf(LEVEL_NAMES, c.level), width: 16 },
  { title: '培训项目', value: (c) => nameOf(PROGRAM_NAMES, c.program), width: 24 },
  { title: '发证日期', value: (c) => formatDate(c.issuedOn), width: 16 },
  { title: '发证机构', value: (c) => c.issuer, width: 30 },
];

export default function CertificatesPage() {
  return (
    <RequireRole roles={['trainee']}>
      <Certificates />
    </RequireRole>
  );
}

function Certificates() {
  const list = useServerList<MyCertificate>('/my/certificates', [], SORTABLE);
  const columns: TableProps<MyCertificate>['columns'] = [
    {
      title: '证书类型',
      dataIndex: 'type',
      key: 'type',
      width: 160,
      sorter: true,
      sortOrder: list.sortOrder('type'),
      render: (t: string) => nameOf(CERTIFICATE_NAMES, t),
    },
    { title: '证书编号', dataIndex: 'number', key: 'number', width: 180 },
    {
      title: '职业（工种）',
      dataIndex: 'occupationCode',
      key: 'occupationCode',
      width: 170,
      render: (o: string | null, c) => `${o ?? '—'} ${c.level ? nameOf(LEVEL_NAMES, c.level) : ''}`,
    },
    { title: '培训项目', dataIndex: 'program', key: 'program', width: 170, render: (p: string | null) => nameOf(PROGRAM_NAMES, p) },
    {
      title: '发证日期',
      dataIndex: 'issuedOn',
      key: 'issuedOn',
      width: 150,
      sorter: true,
      sortOrder: list.sortOrder('issuedOn'),
      render: formatDate,
    },
    { title: '发证机构', dataIndex: 'issuer', key: 'issuer', ellipsis: true },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title="我的证书">
        <ExportButton path="/my/certificates" query={list.query} columns={EXPORT} fileName="我的证书" />
      </ListHeader>
      {list.error ? (
        <LoadError error={list.error} what="证书" onRetry={list.reload} />
      ) : (
        <Table<MyCertificate>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          columns={columns}
          scroll={{ x: 1000 }}
          locale={{ emptyText: '暂无证书' }}
        />
      )}
    </Space>
  );
}
