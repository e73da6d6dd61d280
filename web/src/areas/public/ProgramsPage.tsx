// 培训项目 (public, no login): the eight class programs, what each subsidises and who is paid, worded
// from the governing policy package on a date, with the program's clause and every parameter it reads.
import { Form, Space, Table, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { LoadError } from '../../components.tsx';
import { formatDate } from '../../format.ts';
import { ListFilters, ExportButton, useServerList, type ExportColumn } from '../../list.tsx';
import type { TProgramView as ProgramView } from '../../../../src/api/routes/public-info.types.ts';
import { DateInput } from '../../date-input.tsx';

const FILTERS = ['onDate'] as const;
const EXPORT: ExportColumn<ProgramView>[] = [
  { title: '培训项目', value: (p) => p.name, width: 24 },
  { title: '条款', value: (p) => `${p.clause} ${p.clauseHeading}`, width: 30 },
  { title: '补贴内容', value: (p) => p.subsidises, width: 80 },
  { title: '支付对象', value: (p) => p.payee, width: 24 },
  { title: '施行期限', value: (p) => (p.inForce ? `${p.inForce.from} 至 ${p.inForce.to}` : ''), width: 26 },
];
const show = (v: unknown) => (Array.isArray(v) ? `${v.length} 项` : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

export default function ProgramsPage() {
  const list = useServerList<ProgramView>('/public/programs', FILTERS);
  const [form] = Form.useForm();
  const columns: TableProps<ProgramView>['columns'] = [
    {
      title: '培训项目',
      dataIndex: 'name',
      key: 'name',
      width: 170,
      render: (n: string, p) => (
        <>
          <div>
            <b>{n}</b>
          </div>
          <Typography.Text type="secondary">
            {p.clause} {p.clauseHeading}
          </Typography.Text>
        </>
      ),
    },
    { title: '补贴内容', dataIndex: 'subsidises', key: 'subsidises', width: 440 },
    { title: '支付对象', dataIndex: 'payee', key: 'payee', width: 150 },
    {
      title: '施行期限',
      key: 'inForce',
      width: 200,
      render: (_: unknown, p) => (p.inForce ? `${formatDate(p.inForce.from)} 至 ${formatDate(p.inForce.to)}` : '—'),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          培训项目及补贴政策
        </Typography.Title>
        <ExportButton path="/public/programs" query={list.query} columns={EXPORT} fileName="培训项目及补贴政策" />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        依据《攀枝花市职业技能提升行动实施方案（2020—2021年）》（攀办发〔2020〕2
        号）第四部分；金额与条件取自现行政策包，按培训开始日期适用。
      </Typography.Paragraph>
      <ListFilters
        form={form}
        list={list}
        name="programs-1"
        toForm={(f) => ({ onDate: f.onDate ? dayjs(f.onDate) : undefined })}
        fromForm={(v: { onDate?: dayjs.Dayjs | null }) => ({ onDate: v.onDate ? v.onDate.format('YYYY-MM-DD') : undefined })}
      >
        <Form.Item label="适用日期" name="onDate">
          <DateInput style={{ width: 160 }} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="培训项目" onRetry={list.reload} />
      ) : (
        <Table<ProgramView>
          rowKey="program"
          size="middle"
          {...list.tableProps}
          pagination={false}
          columns={columns}
          tableLayout="fixed"
          scroll={{ x: 960 }}
          expandable={{
            expandedRowRender: (p) => (
              <Table
                size="small"
                rowKey="name"
                pagination={false}
                dataSource={p.parameters}
                aria-label="所依据的参数"
                columns={[
                  { title: '参数', dataIndex: 'description' },
                  { title: '条款', dataIndex: 'clause', width: 80 },
                  { title: '取值', dataIndex: 'value', render: show, width: 160 },
                  {
                    title: '有效期',
                    key: 'd',
                    width: 240,
                    render: (_: unknown, x: ProgramView['parameters'][number]) =>
                      `${formatDate(x.from)} 至 ${x.to ? formatDate(x.to) : '政策期满'}`,
                  },
                ]}
              />
            ),
          }}
        />
      )}
    </Space>
  );
}
