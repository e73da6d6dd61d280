// 数据交换 (docs/registry-exchange.md; §5.2 实名制 and data sharing): the city imports the other
// departments' registers as files — choose the source and the data date, pick the file, confirm —
// and reads the reconciliation report (people matched, IDs not on record, names that differ, facts
// added, conflicts with other sources, claims re-decided, cases raised); past imports keep their
// reports; the exports to social insurance, the employment service and the public-credit platform
// are downloaded by period. City only.
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
  message,
  type TableProps,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type {
  TExportLayout,
  TImportDetail,
  TImportResult,
  TImportView,
  TReport,
  TSource,
} from '../../../../src/api/routes/registry-exchange.types.ts';
import { api } from '../../api.ts';
import { useBusinessDate } from '../../business-date.tsx';
import { LoadError } from '../../components.tsx';
import { DateInput, DateRangeInput } from '../../date-input.tsx';
import { formatDate, formatDateTime, formatMoney } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { CLAIM_STATUS_NAMES, nameOf, OUTCOME_NAMES, PROGRAM_NAMES } from '../../labels.ts';
import { useServerList } from '../../list.tsx';
import { FileRefused, uploadXlsx, XLSX_MIME } from '../provider/files.ts';
import { RowIssues } from '../provider/parts.tsx';
import type { RowIssue } from '../provider/types.ts';
import { DownloadButton } from '../supervision/shared.tsx';
import { ListHeader, RequireRole } from '../trainee/party-ui.tsx';
import { FormDialog } from './shared.tsx';

export default function ExchangePage() {
  return (
    <RequireRole roles={['city']}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <ListHeader title="数据交换" />
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          导入社保、扶贫、民政、残联、退役军人、就业服务等部门的登记数据，写入带来源和日期的人员属性，并据此重新判定受影响的申领；向社保、就业服务和公共信用信息平台导出数据。
        </Typography.Paragraph>
        <Tabs
          items={[
            { key: 'import', label: '导入登记数据', children: <ImportPanel /> },
            { key: 'history', label: '导入记录', children: <History /> },
            { key: 'export', label: '数据导出', children: <Exports /> },
          ]}
        />
      </Space>
    </RequireRole>
  );
}

const yesNo = (v: boolean) => (v ? '是' : '否');
const decision = (o: { outcome: string; amountFen: number }) =>
  `${nameOf(OUTCOME_NAMES, o.outcome)}${o.outcome === 'undecided' ? '' : `，${formatMoney(o.amountFen)}`}`;
const CSV_MIME = 'text/csv';

interface ImportForm {
  source: string;
  extractDate: Dayjs;
}

function ImportPanel() {
  const today = useBusinessDate();
  const sources = useApi<TSource[]>('/registry-exchange/sources');
  const [form] = Form.useForm<ImportForm>();
  const chosen = Form.useWatch('source', form);
  const source = sources.data?.find((s) => s.key === chosen);
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [refused, setRefused] = useState<{ message: string; issues: RowIssue[] } | null>(null);
  const [result, setResult] = useState<TImportResult | null>(null);
  const [modal, modalHolder] = Modal.useModal();
  const running = useRef(false);

  const send = async (values: ImportForm) => {
    if (running.current || !file || !source) return;
    running.current = true;
    setRefused(null);
    setResult(null);
    setPercent(0);
    const extractDate = values.extractDate.format('YYYY-MM-DD');
    const csv = /\.csv$/i.test(file.name);
    try {
      const query = new URLSearchParams({ source: source.key, extractDate, fileName: file.name });
      setResult(await uploadXlsx<TImportResult>(`/registry-exchange/imports?${query}`, file, setPercent, csv ? CSV_MIME : XLSX_MIME));
    } catch (e) {
      if (e instanceof FileRefused) setRefused({ message: e.message, issues: e.rows });
      else setRefused({ message: e instanceof Error ? e.message : String(e), issues: [] });
    } finally {
      running.current = false;
      setPercent(null);
    }
  };
  const confirm = (values: ImportForm) => {
    if (!file) {
      void message.warning('请先选择要导入的文件');
      return;
    }
    void modal.confirm({
      title: '确认导入',
      okText: '确认导入',
      cancelText: '取消',
      content: (
        <Space orientation="vertical" size={4}>
          <span>
            来源：{source?.name}；数据日期：{formatDate(values.extractDate.format('YYYY-MM-DD'))}；文件：{file.name}
          </span>
          <span>导入后将写入人员属性，重新判定受影响的待审核申领，并为已公示、已批准或已支付的申领提出待处理事项。导入不能撤销。</span>
        </Space>
      ),
      onOk: () => send(values),
    });
  };

  if (sources.error) return <LoadError error={sources.error} what="数据来源" onRetry={sources.reload} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {modalHolder}
      <Card size="small" title="导入">
        <Form<ImportForm> form={form} layout="inline" onFinish={confirm} initialValues={{ extractDate: today.day() }}>
          <Form.Item label="数据来源" name="source" rules={[{ required: true, message: '请选择数据来源' }]}>
            <Select
              style={{ width: 240 }}
              placeholder="请选择"
              loading={sources.loading}
              options={(sources.data ?? []).map((s) => ({ value: s.key, label: s.name }))}
              onChange={() => {
                setResult(null);
                setRefused(null);
              }}
            />
          </Form.Item>
          <Form.Item
            label="数据日期"
            name="extractDate"
            rules={[{ required: true, message: '请选择数据日期' }]}
            tooltip="部门导出这份数据的日期（数据截至日期）"
          >
            <DateInput disabledDate={today.afterToday} />
          </Form.Item>
          <Form.Item label="文件">
            <Upload
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              maxCount={1}
              fileList={file ? [{ uid: 'f', name: file.name, status: 'done' }] : []}
              onRemove={() => setFile(null)}
              beforeUpload={(f) => {
                setFile(f);
                setResult(null);
                setRefused(null);
                return false;
              }}
            >
              <Button>选择文件（Excel 或 CSV）</Button>
            </Upload>
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={percent !== null} disabled={percent !== null}>
              导入
            </Button>
          </Form.Item>
        </Form>
        {percent !== null && (
          <Progress
            percent={percent}
            size="small"
            aria-label="上传进度"
            status="active"
            style={{ marginTop: 12 }}
            format={(p) => (p === 100 ? '核对中' : `${p}%`)}
          />
        )}
        {refused &&
          (refused.issues.length ? (
            <div style={{ marginTop: 12 }}>
              <RowIssues title={refused.message.split('。')[0] ?? refused.message} issues={refused.issues} />
            </div>
          ) : (
            <Alert type="error" showIcon title="导入失败" description={refused.message} style={{ marginTop: 12 }} />
          ))}
      </Card>
      {result && (
        <Card size="small" title={`第 ${result.id} 次导入的核对报告`} data-testid="import-result">
          {result.alreadyImported && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="already-imported"
              title={`这个文件已于 ${formatDateTime(result.importedAt)} 导入（第 ${result.id} 次导入），本次没有任何变化。以下是当时的核对报告。`}
            />
          )}
          <ReportView report={result.report} />
        </Card>
      )}
      {source && <Layout source={source} />}
    </Space>
  );
}

/** The chosen source's layout, its template and a sample built from the people on record. */
function Layout({ source }: { source: TSource }) {
  return (
    <Card size="small" title={`${source.name}（${source.holder}）的文件格式`}>
      <Typography.Paragraph type="secondary">
        第 1 行为表头，数据从第 2 行起；Excel（.xlsx）或 CSV（UTF-8 或 GB18030 编码）均可。写入的属性：
        {source.facts.map((f) => f.factName).join('、')}。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="header"
        pagination={false}
        dataSource={source.columns}
        columns={[
          { title: '列', dataIndex: 'header', key: 'header', width: 200 },
          { title: '必填', dataIndex: 'required', key: 'required', width: 70, render: (v: boolean) => (v ? '是' : '否') },
          { title: '含义', dataIndex: 'meaning', key: 'meaning' },
        ]}
      />
      <Space wrap style={{ marginTop: 12 }}>
        <DownloadButton
          path={`/registry-exchange/sources/${source.key}/template`}
          query={{ format: 'xlsx' }}
          label="下载模板（Excel）"
          fileName={`${source.name}导入模板.xlsx`}
        />
        <DownloadButton
          path={`/registry-exchange/sources/${source.key}/template`}
          query={{ format: 'csv' }}
          label="下载模板（CSV）"
          fileName={`${source.name}导入模板.csv`}
        />
        <DownloadButton
          path={`/registry-exchange/sources/${source.key}/sample`}
          query={{ format: 'xlsx' }}
          label="下载示例数据"
          fileName={`${source.name}示例数据.xlsx`}
        />
      </Space>
    </Card>
  );
}

function ClaimLink({ number }: { number: string }) {
  return <Link to={`/records/${encodeURIComponent(number)}`}>{number}</Link>;
}

/** The reconciliation report: the counts, then each list that has something in it. */
export function ReportView({ report, onConflictClosed }: { report: TReport; onConflictClosed?: () => void }) {
  const [closing, setClosing] = useState<{ id: number } | null>(null);
  const person: TableProps<{ row: number; residentId: string; name: string }>['columns'] = [
    { title: '行', dataIndex: 'row', key: 'row', width: 60 },
    { title: '身份证号', dataIndex: 'residentId', key: 'residentId', width: 190 },
    { title: '姓名', dataIndex: 'name', key: 'name', width: 110 },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="reconciliation-report">
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="数据行">{report.rows}</Descriptions.Item>
        <Descriptions.Item label="涉及人员">{report.people}</Descriptions.Item>
        <Descriptions.Item label="匹配人员">{report.matched}</Descriptions.Item>
        <Descriptions.Item label="未登记的身份证号">{report.unknownIds.length}</Descriptions.Item>
        <Descriptions.Item label="姓名不符">{report.nameMismatches.length}</Descriptions.Item>
        <Descriptions.Item label="新增属性">{report.factsAdded.length}</Descriptions.Item>
        <Descriptions.Item label="已有相同属性（未变）">{report.factsUnchanged}</Descriptions.Item>
        <Descriptions.Item label="数据冲突">{report.conflicts.length + report.enterpriseConflicts.length}</Descriptions.Item>
        <Descriptions.Item label="重新判定的申领">{report.redecided.length}</Descriptions.Item>
        <Descriptions.Item label="提出的待处理事项">{report.cases.length}</Descriptions.Item>
        {report.spellsAdded + report.spellsUnchanged > 0 && (
          <Descriptions.Item label="参保记录（新增 / 已有）">
            {report.spellsAdded} / {report.spellsUnchanged}
          </Descriptions.Item>
        )}
        {report.spellsAdded + report.spellsUnchanged > 0 && (
          <Descriptions.Item label="单位参保状态（新增 / 已有）">
            {report.enterpriseFactsAdded.length} / {report.enterpriseFactsUnchanged}
          </Descriptions.Item>
        )}
      </Descriptions>
      {report.redecided.length > 0 && (
        <Section title="重新判定的申领（待审核的申领已按新事实改判，须重新审核）">
          <Table
            size="small"
            rowKey="claimNumber"
            pagination={report.redecided.length > 20 ? { pageSize: 20 } : false}
            dataSource={report.redecided}
            data-testid="report-redecided"
            columns={[
              { title: '申领', dataIndex: 'claimNumber', key: 'claimNumber', width: 200, render: (n: string) => <ClaimLink number={n} /> },
              { title: '人员', key: 'who', width: 130, render: (_: unknown, c) => c.name },
              { title: '项目', dataIndex: 'program', key: 'program', width: 170, render: (p: string) => nameOf(PROGRAM_NAMES, p) },
              { title: '原判定', key: 'before', width: 170, render: (_: unknown, c) => decision(c.before) },
              { title: '新判定', key: 'after', width: 170, render: (_: unknown, c) => decision(c.after) },
              { title: '理由', key: 'reasons', render: (_: unknown, c) => c.after.reasons.join('；') },
            ]}
          />
        </Section>
      )}
      {report.cases.length > 0 && (
        <Section
          title={
            <>
              已公示、已批准或已支付的申领（未改判，已提出<Link to="/office/fact-cases?status=open">属性变更待处理</Link>事项）
            </>
          }
        >
          <Table
            size="small"
            rowKey="claimNumber"
            pagination={report.cases.length > 20 ? { pageSize: 20 } : false}
            dataSource={report.cases}
            data-testid="report-cases"
            columns={[
              { title: '申领', dataIndex: 'claimNumber', key: 'claimNumber', width: 200, render: (n: string) => <ClaimLink number={n} /> },
              { title: '人员', key: 'who', width: 130, render: (_: unknown, c) => c.name },
              {
                title: '状态',
                dataIndex: 'claimStatus',
                key: 'claimStatus',
                width: 90,
                render: (s: string) => nameOf(CLAIM_STATUS_NAMES, s),
              },
              { title: '原判定', key: 'before', width: 170, render: (_: unknown, c) => decision(c.before) },
              { title: '按新事实的判定', key: 'after', render: (_: unknown, c) => decision(c.after) },
            ]}
          />
        </Section>
      )}
      {report.conflicts.length > 0 && (
        <Section title="数据冲突（两个来源说法不同；均已保留，请核实后在人员页更正，再办结）">
          <Table
            size="small"
            rowKey="id"
            pagination={report.conflicts.length > 20 ? { pageSize: 20 } : false}
            dataSource={report.conflicts}
            data-testid="report-conflicts"
            columns={[
              ...(person as TableProps<TReport['conflicts'][number]>['columns'])!,
              { title: '属性', dataIndex: 'factName', key: 'factName', width: 170 },
              { title: '自', dataIndex: 'onDate', key: 'onDate', width: 120, render: formatDate },
              { title: '本来源', dataIndex: 'value', key: 'value', width: 80, render: yesNo },
              {
                title: '另一来源',
                key: 'other',
                render: (_: unknown, c) => `${c.otherSourceName}：${yesNo(c.otherValue)}（${c.otherDetail}）`,
              },
              {
                title: '处理',
                key: 'status',
                width: 200,
                render: (_: unknown, c) =>
                  c.status === 'closed' ? (
                    <Space orientation="vertical" size={0}>
                      <Tag color="success">已办结</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {c.resolution}
                      </Typography.Text>
                    </Space>
                  ) : onConflictClosed ? (
                    <Space>
                      <Link to={`/office/people/${encodeURIComponent(c.residentId)}`}>人员页</Link>
                      <Button size="small" onClick={() => setClosing(c)}>
                        办结
                      </Button>
                    </Space>
                  ) : (
                    <Link to={`/office/people/${encodeURIComponent(c.residentId)}`}>人员页</Link>
                  ),
              },
            ]}
          />
        </Section>
      )}
      {report.enterpriseConflicts.length > 0 && (
        <Section title="单位参保状态冲突（社保记录与人工登记说法不同；均已保留，请核实后在企业页更正，再办结）">
          <Table
            size="small"
            rowKey="id"
            pagination={report.enterpriseConflicts.length > 20 ? { pageSize: 20 } : false}
            dataSource={report.enterpriseConflicts}
            data-testid="report-enterprise-conflicts"
            columns={[
              { title: '行', dataIndex: 'row', key: 'row', width: 60 },
              { title: '单位', dataIndex: 'name', key: 'name', width: 200 },
              { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc', width: 190 },
              { title: '自', dataIndex: 'onDate', key: 'onDate', width: 120, render: formatDate },
              { title: '社保记录', dataIndex: 'value', key: 'value', width: 80, render: (v: boolean) => (v ? '参保' : '未参保') },
              {
                title: '另一来源',
                key: 'other',
                render: (_: unknown, c) => `${c.otherSourceName}：${yesNo(c.otherValue)}（${c.otherDetail}）`,
              },
              {
                title: '处理',
                key: 'status',
                width: 200,
                render: (_: unknown, c) =>
                  c.status === 'closed' ? (
                    <Space orientation="vertical" size={0}>
                      <Tag color="success">已办结</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {c.resolution}
                      </Typography.Text>
                    </Space>
                  ) : (
                    <Space>
                      <Link to={`/office/enterprises/${encodeURIComponent(c.uscc)}`}>企业页</Link>
                      {onConflictClosed && (
                        <Button size="small" onClick={() => setClosing(c)}>
                          办结
                        </Button>
                      )}
                    </Space>
                  ),
              },
            ]}
          />
        </Section>
      )}
      {report.nameMismatches.length > 0 && (
        <Section title="姓名与登记不符（未写入，请核实实名信息）">
          <Table
            size="small"
            rowKey="row"
            pagination={report.nameMismatches.length > 20 ? { pageSize: 20 } : false}
            dataSource={report.nameMismatches}
            data-testid="report-name-mismatches"
            columns={[
              ...(person as TableProps<TReport['nameMismatches'][number]>['columns'])!,
              { title: '登记的姓名', dataIndex: 'nameOnRecord', key: 'nameOnRecord' },
            ]}
          />
        </Section>
      )}
      {report.unknownIds.length > 0 && (
        <Section title="本系统未登记的身份证号（未写入）">
          <Table
            size="small"
            rowKey="row"
            pagination={report.unknownIds.length > 20 ? { pageSize: 20 } : false}
            dataSource={report.unknownIds}
            data-testid="report-unknown-ids"
            columns={person}
          />
        </Section>
      )}
      {report.insuredMonthMismatches.length > 0 && (
        <Section title="以工代训申领的参保月数多于社保记录（§4.8，请核实）">
          <Table
            size="small"
            rowKey="claimNumber"
            pagination={false}
            dataSource={report.insuredMonthMismatches}
            columns={[
              { title: '申领', dataIndex: 'claimNumber', key: 'claimNumber', render: (n: string) => <ClaimLink number={n} /> },
              { title: '人员', dataIndex: 'name', key: 'name' },
              { title: '单位', dataIndex: 'uscc', key: 'uscc' },
              { title: '申领的参保月数', dataIndex: 'claimedMonths', key: 'claimedMonths' },
              { title: '社保记录的月数', dataIndex: 'registryMonths', key: 'registryMonths' },
            ]}
          />
        </Section>
      )}
      {report.factsAdded.length > 0 && (
        <Section title="新增的人员属性">
          <Table
            size="small"
            rowKey={(f) => `${f.row}-${f.fact}-${f.asOf}-${String(f.value)}`}
            pagination={report.factsAdded.length > 20 ? { pageSize: 20 } : false}
            dataSource={report.factsAdded}
            data-testid="report-facts"
            columns={[
              ...(person as TableProps<TReport['factsAdded'][number]>['columns'])!,
              { title: '属性', dataIndex: 'factName', key: 'factName', width: 180 },
              { title: '值', dataIndex: 'value', key: 'value', width: 60, render: yesNo },
              { title: '自', dataIndex: 'asOf', key: 'asOf', render: formatDate },
            ]}
          />
        </Section>
      )}
      {report.enterpriseFactsAdded.length > 0 && (
        <Section title="由参保记录得出的单位参保状态（§4.8：自该月起参保缴费；未列出的月份不视为未参保）">
          <Table
            size="small"
            rowKey={(f) => `${f.uscc}-${f.asOf}`}
            pagination={report.enterpriseFactsAdded.length > 20 ? { pageSize: 20 } : false}
            dataSource={report.enterpriseFactsAdded}
            data-testid="report-enterprise-facts"
            columns={[
              { title: '行', dataIndex: 'row', key: 'row', width: 60 },
              {
                title: '单位',
                dataIndex: 'name',
                key: 'name',
                render: (n: string, f) => <Link to={`/office/enterprises/${encodeURIComponent(f.uscc)}`}>{n}</Link>,
              },
              { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc', width: 190 },
              { title: '参保缴费自', dataIndex: 'asOf', key: 'asOf', width: 140, render: formatDate },
            ]}
          />
        </Section>
      )}
      {report.unknownEmployers.length > 0 && (
        <Section title="本系统未登记的参保单位（其参保状态未写入）">
          <Table
            size="small"
            rowKey="uscc"
            pagination={report.unknownEmployers.length > 20 ? { pageSize: 20 } : false}
            dataSource={report.unknownEmployers}
            data-testid="report-unknown-employers"
            columns={[
              { title: '行', dataIndex: 'row', key: 'row', width: 60 },
              { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc', width: 190 },
              { title: '单位名称', dataIndex: 'name', key: 'name' },
            ]}
          />
        </Section>
      )}
      <FormDialog<{ resolution: string }>
        open={closing !== null}
        title="办结数据冲突"
        okText="确认办结"
        name="close-conflict"
        onClose={() => setClosing(null)}
        submit={(v) => api(`/registry-exchange/conflicts/${closing!.id}/close`, { method: 'POST', body: v })}
        onDone={() => {
          void message.success('已办结');
          setClosing(null);
          onConflictClosed?.();
        }}
      >
        <Form.Item label="处理结果" name="resolution" rules={[{ required: true, whitespace: true, message: '请写明处理结果' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </FormDialog>
    </Space>
  );
}

function Section({ title, children }: { title: React.ReactNode; children: React.ReactNode }) {
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}

function History() {
  const sources = useApi<TSource[]>('/registry-exchange/sources');
  const list = useServerList<TImportView>('/registry-exchange/imports', ['source']);
  const [form] = Form.useForm();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form form={form} layout="inline" onValuesChange={(_, v) => list.setFilters(v as Record<string, unknown>)}>
        <Form.Item label="数据来源" name="source">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 240 }}
            options={(sources.data ?? []).map((s) => ({ value: s.key, label: s.name }))}
          />
        </Form.Item>
      </Form>
      {list.error ? (
        <LoadError error={list.error} what="导入记录" onRetry={list.reload} />
      ) : (
        <Table<TImportView>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          data-testid="import-history"
          columns={[
            { title: '导入', dataIndex: 'id', key: 'id', width: 100, render: (id: number) => `第 ${id} 次` },
            { title: '数据来源', dataIndex: 'sourceName', key: 'sourceName', width: 200 },
            { title: '数据日期', dataIndex: 'extractDate', key: 'extractDate', width: 130, render: formatDate },
            { title: '文件', dataIndex: 'fileName', key: 'fileName', render: (n: string | null) => n ?? '—' },
            { title: '行数', dataIndex: 'rows', key: 'rows', width: 70 },
            { title: '新增属性', dataIndex: 'factsAdded', key: 'factsAdded', width: 90 },
            { title: '冲突', dataIndex: 'conflicts', key: 'conflicts', width: 70 },
            { title: '重新判定', dataIndex: 'redecided', key: 'redecided', width: 90 },
            { title: '待处理事项', dataIndex: 'cases', key: 'cases', width: 100 },
            { title: '导入时间', dataIndex: 'importedAt', key: 'importedAt', width: 160, render: formatDateTime },
            {
              title: '',
              key: 'act',
              width: 100,
              render: (_: unknown, i) => (
                <Button size="small" onClick={() => setOpen(i.id)}>
                  查看报告
                </Button>
              ),
            },
          ]}
        />
      )}
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size="large"
        title={open ? `第 ${open} 次导入的核对报告` : ''}
        destroyOnHidden
      >
        {open !== null && <ImportDetail id={open} />}
      </Drawer>
    </Space>
  );
}

function ImportDetail({ id }: { id: number }) {
  const detail = useApi<TImportDetail>(`/registry-exchange/imports/${id}`);
  if (detail.error) return <LoadError error={detail.error} what="核对报告" onRetry={detail.reload} />;
  if (!detail.data) return null;
  const d = detail.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {d.sourceName}，数据日期 {formatDate(d.extractDate)}，{d.fileName ?? '（未记录文件名）'}，{formatDateTime(d.importedAt)} 由{' '}
        {d.importedBy} 导入
      </Typography.Text>
      <ReportView report={d.report} onConflictClosed={detail.reload} />
    </Space>
  );
}

function Exports() {
  const layouts = useApi<TExportLayout[]>('/registry-exchange/exports');
  const today = useBusinessDate();
  const [period, setPeriod] = useState<[Dayjs, Dayjs] | null>(null);
  if (layouts.error) return <LoadError error={layouts.error} what="导出格式" onRetry={layouts.reload} />;
  const query = period ? { from: period[0].format('YYYY-MM-DD'), to: period[1].format('YYYY-MM-DD') } : null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <span>期间：</span>
        <DateRangeInput
          value={period}
          onChange={(v) => setPeriod(v && v[0] && v[1] ? [v[0], v[1]] : null)}
          disabledDate={today.afterToday}
          aria-label="导出期间"
        />
      </Space>
      <Alert
        type="warning"
        showIcon
        title="导出文件含完整身份证号和姓名（接收系统按身份证号归集），仅限报送接收单位；每次导出记入审计日志（操作人、期间、行数、文件摘要）。"
      />
      {(layouts.data ?? []).map((l) => (
        <Card key={l.kind} size="small" title={`${l.name}（报送：${l.receiver}）`} data-testid={`export-${l.kind}`}>
          <Typography.Paragraph type="secondary">
            {l.kind === 'subsidised' ? '期间内支付的补贴，按支付日期。' : '期间内作出的查处决定，按处理日期。'}列：{l.columns.join('、')}。
          </Typography.Paragraph>
          {query ? (
            <Space>
              <DownloadButton
                path={`/registry-exchange/exports/${l.kind}`}
                query={{ ...query, format: 'xlsx' }}
                label="导出 Excel"
                fileName={`${l.name}.xlsx`}
                type="primary"
              />
              <DownloadButton
                path={`/registry-exchange/exports/${l.kind}`}
                query={{ ...query, format: 'csv' }}
                label="导出 CSV"
                fileName={`${l.name}.csv`}
              />
            </Space>
          ) : (
            <Typography.Text type="secondary">请先选择期间</Typography.Text>
          )}
        </Card>
      ))}
    </Space>
  );
}
