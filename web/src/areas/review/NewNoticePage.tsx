// 发布公示: reviewed claims of one area (filtered on the server) are selected and published for N
// working days; the end date is shown before publishing, counted on the 2020–2021 working-day
// calendar with its 调休 days (the same pure module the server uses). A notice starts no earlier than
// the business date (the server's today, which is also the default); publishing asks for confirmation
// with the count and the total, since a published notice cannot be withdrawn.
import type { TNoticeResponse } from '../../../../src/api/routes/publicity.types.ts';
import { Alert, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Typography, type TableProps } from 'antd';
import { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState, type Key } from 'react';
import { Link, useNavigate } from 'react-router';
import { addDays } from '../../../../src/policy/dates.ts';
import { addWorkingDays } from '../../../../src/policy/working-calendar.ts';
import { useAuth } from '../../auth.tsx';
import { useBusinessDate } from '../../business-date.tsx';
import { LoadError, OutcomeTag } from '../../components.tsx';
import { useUnsavedGuard } from '../../unsaved-guard.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { areaName, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { AreaFilter, ExportButton, ListFilters, useServerList, type ExportColumn } from '../../list.tsx';
import { CLAIM_COLUMNS as C } from '../../claim-export.ts';
import type { Claim } from '../../types.ts';
import { options, post, reviewPage, useAction } from './shared.tsx';
import { DateInput } from '../../date-input.tsx';

const FILTERS = ['areaCode', 'program', 'providerId'] as const;
const DEFAULT_WORKING_DAYS = 5;

const EXPORT: ExportColumn<Claim>[] = [C.id, C.program, C.residentId, C.area, C.amount];

/** The last day of a notice of `days` working days from `from` (inclusive), or null outside the calendar. */
function endsOn(from: string, days: number): string | null {
  try {
    return addWorkingDays(addDays(from, -1), days);
  } catch {
    return null;
  }
}

interface NoticeForm {
  title: string;
  startsOn: Dayjs;
  workingDays: number;
}

function NewNotice() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const area = me?.role === 'county' ? (me.areaCode ?? undefined) : undefined;
  const list = useServerList<Claim>('/claims', FILTERS, {}, { status: 'reviewed', ...(area ? { areaCode: area } : {}) });
  const { state, error, reload } = list;
  const [filterForm] = Form.useForm();
  const [form] = Form.useForm<NoticeForm>();
  const guard = useUnsavedGuard(form);
  const [selected, setSelected] = useState<string[]>([]);
  // The amounts of the selected claims, kept across pages (the selection is), for the confirmation.
  const [amounts, setAmounts] = useState<Map<string, number | null>>(new Map());
  const action = useAction(form);
  const businessDate = useBusinessDate();
  const areaCode = area ?? state.filters.areaCode;
  useEffect(() => {
    setSelected([]);
  }, [areaCode]);
  const onSelect = (keys: Key[], rows: (Claim | undefined)[]) => {
    setSelected(keys.map(String));
    setAmounts((m) => {
      const next = new Map(m);
      for (const r of rows) if (r) next.set(r.id, r.amountFen);
      return next;
    });
  };
  const totalFen = selected.reduce((sum, id) => sum + (amounts.get(id) ?? 0), 0);

  const startsOn = Form.useWatch('startsOn', form);
  const workingDays = Form.useWatch('workingDays', form);
  const end = useMemo(() => (startsOn && workingDays ? endsOn(startsOn.format('YYYY-MM-DD'), workingDays) : null), [startsOn, workingDays]);

  const columns: TableProps<Claim>['columns'] = [
    {
      title: '申领编号',
      dataIndex: 'number',
      key: 'number',
      width: 200,
      render: (number: string, c) => <Link to={`/claims/${encodeURIComponent(c.id)}`}>{number}</Link>,
    },
    { title: '培训项目', dataIndex: 'program', key: 'program', width: 150, render: (p: string) => nameOf(PROGRAM_NAMES, p) },
    { title: '身份证号', dataIndex: 'residentId', key: 'residentId', width: 170 },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 80, render: areaName },
    { title: '判定结果', dataIndex: 'outcome', key: 'outcome', width: 100, render: (o: string | null) => <OutcomeTag outcome={o} /> },
    { title: '核定金额', dataIndex: 'amountFen', key: 'amountFen', width: 116, align: 'right', render: formatMoney },
  ];

  const publish = (v: NoticeForm) => {
    if (!areaCode) return;
    void action.run(
      'publish',
      () =>
        post<TNoticeResponse>('/publicity-notices', {
          areaCode,
          title: v.title.trim(),
          startsOn: v.startsOn.format('YYYY-MM-DD'),
          workingDays: v.workingDays,
          claimIds: selected,
        }),
      (r) => {
        guard.saved();
        navigate(`/review/publicity/${encodeURIComponent(r.id)}`);
        return `公示已发布，${formatDate(r.endsOn)}结束`;
      },
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/review/publicity">← 返回公示管理</Link>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          发布公示
        </Typography.Title>
        <ExportButton path="/claims" query={list.query} columns={EXPORT} fileName="待公示申领" />
      </Space>
      <Card size="small" title="选择已审核的申领">
        <ListFilters form={filterForm} list={list} bare reset={false} style={{ marginBottom: 12 }}>
          {me?.role === 'city' && <AreaFilter city placeholder="请选择" />}
          <Form.Item label="培训项目" name="program">
            <Select allowClear placeholder="全部" style={{ width: 200 }} options={options(PROGRAM_NAMES)} />
          </Form.Item>
          <Form.Item label="培训机构编号" name="providerId">
            <Input allowClear maxLength={80} style={{ width: 120 }} />
          </Form.Item>
        </ListFilters>
        {!areaCode && <Alert type="info" showIcon title="公示按地区发布：请先选择地区" style={{ marginBottom: 12 }} />}
        {error ? (
          <LoadError error={error} what="申领" onRetry={reload} />
        ) : (
          <Table<Claim>
            rowKey="id"
            size="small"
            {...list.tableProps}
            columns={columns}
            tableLayout="fixed"
            scroll={{ x: 790 }}
            rowSelection={areaCode ? { selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: onSelect } : undefined}
          />
        )}
      </Card>
      <Card size="small" title="公示信息">
        <Form
          form={form}
          layout="vertical"
          onFinish={publish}
          initialValues={{ workingDays: DEFAULT_WORKING_DAYS, startsOn: businessDate.day() }}
          disabled={action.running !== null}
          style={{ maxWidth: 640 }}
        >
          <Form.Item
            label="公示标题"
            name="title"
            rules={[
              { required: true, whitespace: true, message: '请填写公示标题' },
              { max: 200, message: '标题不超过 200 字' },
            ]}
          >
            <Input maxLength={200} placeholder={`${areaName(areaCode)}职业技能提升补贴公示`} />
          </Form.Item>
          <Space wrap size="large">
            <Form.Item
              label="公示开始日期"
              name="startsOn"
              rules={[{ required: true, message: '请选择公示开始日期' }]}
              extra={`不早于发布当天（${formatDate(businessDate.today)}）`}
            >
              <DateInput allowClear={false} disabledDate={businessDate.beforeToday} />
            </Form.Item>
            <Form.Item label="公示工作日数" name="workingDays" rules={[{ required: true, message: '请填写工作日数' }]}>
              <InputNumber min={1} max={60} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item>
            <Typography.Text data-testid="notice-end">
              {end
                ? `公示期至 ${formatDate(end)}（${workingDays} 个工作日，按法定节假日和调休计算）`
                : '公示期：开始日期须在 2020—2021 年工作日历范围内'}
            </Typography.Text>
          </Form.Item>
          <Space>
            {/* Not a submit button: Enter in a field (e.g. after typing the date) must not publish. It asks first:
                a published notice cannot be withdrawn. */}
            <Popconfirm
              title={`发布公示：${selected.length} 笔申领，合计 ${formatMoney(totalFen)}`}
              description={
                <span data-testid="publish-confirm">{`${areaName(areaCode)}，${end ? `${formatDate(startsOn?.format('YYYY-MM-DD'))}至${formatDate(end)}（${workingDays} 个工作日）` : '公示期待定'}。发布后向社会公开，不能撤回。`}</span>
              }
              okText="确认发布"
              cancelText="取消"
              disabled={!areaCode || selected.length === 0}
              onConfirm={() =>
                form.validateFields().then(
                  () => form.submit(),
                  () => undefined,
                )
              }
            >
              <Button type="primary" loading={action.running === 'publish'} disabled={!areaCode || selected.length === 0}>
                发布公示（{selected.length} 笔）
              </Button>
            </Popconfirm>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}

export default reviewPage(NewNotice);
