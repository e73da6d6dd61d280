// 证书库 (docs/certificates.md; §4.0 R1/R13, §5.6): the certificates issued into the registry, by form
// or by the Excel template (all-or-nothing, every problem by row and column); the issuers the city keeps
// (evaluation bodies, enterprises approved for self-evaluation) with their approvals; the local
// 专项职业能力 specifications; and the date from which a claim's certificate must be found here before
// it is paid. City and county offices; the city keeps the issuers, approvals and specifications. The
// certificate list (shared with the enterprise's and the evaluation body's screens) shows each
// certificate's state and lets its issuer or the city revoke it, with a reason, after a confirmation.
import type { TRegistryInForceFrom } from '../../../../src/api/routes/certificates.types.ts';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
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
import type { TCertificateHold as CertificateHoldView } from '../../../../src/api/routes/certificates.types.ts';
import type { TIssuerView as IssuerView } from '../../../../src/api/routes/certificates.types.ts';
import type { TSpecificationView as SpecificationView } from '../../../../src/api/routes/certificates.types.ts';
import type { TRegistryCertificate as RegistryCertificateView } from '../../../../src/api/routes/certificates.types.ts';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { LoadError } from '../../components.tsx';
import { DateInput } from '../../date-input.tsx';
import { useApi } from '../../hooks.ts';
import { areaName, CLAIM_STATUS_NAMES, nameOf, PROGRAM_NAMES } from '../../labels.ts';
import { AreaFilter, ExportButton, ListFilters, useServerList, type ExportColumn } from '../../list.tsx';
import { FileRefused, uploadXlsx, XLSX_MIME } from '../provider/files.ts';
import { RowIssues } from '../provider/parts.tsx';
import type { RowIssue } from '../provider/types.ts';
import { DownloadButton } from '../supervision/shared.tsx';
import { ListHeader, RequireRole } from '../trainee/party-ui.tsx';
import { areaOptions } from './PeoplePage.tsx';
import { FormDialog, mono, requiredText, residentIdRule, usccRule } from './shared.tsx';

const TYPE_OPTIONS = [
  { value: 'skill_level', label: '职业技能等级证书' },
  { value: 'vocational_qualification', label: '职业资格证书' },
  { value: 'special_ability', label: '专项职业能力证书' },
  { value: 'training', label: '培训合格证书' },
];
const LEVEL_OPTIONS = [
  { value: '5', label: '五级/初级工' },
  { value: '4', label: '四级/中级工' },
  { value: '3', label: '三级/高级工' },
  { value: '2', label: '二级/技师' },
  { value: '1', label: '一级/高级技师' },
];
const KIND_OPTIONS = [
  { value: 'evaluation_body', label: '评价机构' },
  { value: 'enterprise', label: '自主评价企业' },
];

export default function CertificatesPage() {
  return (
    <RequireRole roles={['city', 'county']}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <ListHeader title="证书库" />
        <RegistrySetting />
        <Tabs
          items={[
            { key: 'holds', label: '未通过核验的申领', children: <Holds /> },
            { key: 'certificates', label: '证书', children: <Certificates /> },
            { key: 'issuers', label: '发证机构与评价批准', children: <Issuers /> },
            { key: 'specifications', label: '专项职业能力规范', children: <Specifications /> },
          ]}
        />
      </Space>
    </RequireRole>
  );
}

/** The date from which the check holds claims out of payment; the city sets it, with a confirmation. */
function RegistrySetting() {
  const { me } = useAuth();
  const setting = useApi<TRegistryInForceFrom>('/certificate-registry');
  const [open, setOpen] = useState(false);
  const from = setting.data?.inForceFrom ?? null;
  return (
    <>
      <Alert
        type={from ? 'info' : 'warning'}
        showIcon
        data-testid="registry-in-force"
        title={
          from
            ? `证书库核验自 ${from} 起施行：此后结业的申领，其证书须在证书库中查到且与申领一致（或经人社部门说明），才能编入支付批次（§4.0）。`
            : '证书库核验尚未施行：申领的证书暂不因证书库而暂缓支付。'
        }
        action={
          me?.role === 'city' ? (
            <Button size="small" onClick={() => setOpen(true)}>
              {from ? '更改施行日期' : '设定施行日期'}
            </Button>
          ) : undefined
        }
      />
      <FormDialog<{ inForceFrom: Dayjs }>
        open={open}
        title="设定证书库核验的施行日期"
        okText="确认施行"
        name="registryInForce"
        onClose={() => setOpen(false)}
        onDone={(r) => {
          setOpen(false);
          const x = r as { checked: number; cases: number };
          void message.success(
            `已核验 ${x.checked} 笔申领${x.cases ? `；${x.cases} 笔已批准或已支付的申领证书未通过核验，已列入“属性变更待处理”` : ''}`,
          );
          setting.reload();
        }}
        fields={{ inForceFrom: 'inForceFrom' }}
        submit={(v) => api('/certificate-registry', { method: 'PUT', body: { inForceFrom: v.inForceFrom.format('YYYY-MM-DD') } })}
      >
        <Typography.Paragraph>
          施行后，结业日期在此日期及以后的申领都将在证书库中核验；未查到、与申领不符或企业向非本企业职工颁发的证书，申领暂缓支付。已批准、已支付的申领不会被改动，未通过核验的列入“属性变更待处理”。
        </Typography.Paragraph>
        <Form.Item label="施行日期" name="inForceFrom" rules={[{ required: true, message: '请选择施行日期' }]}>
          <DateInput />
        </Form.Item>
      </FormDialog>
    </>
  );
}

const CERT_EXPORT: ExportColumn<RegistryCertificateView>[] = [
  { title: '证书编号', value: (c) => c.number, width: 22 },
  { title: '证书类型', value: (c) => c.typeName, width: 18 },
  { title: '姓名', value: (c) => c.name },
  { title: '身份证号', value: (c) => c.residentId, width: 22 },
  { title: '职业（工种）代码', value: (c) => c.occupationCode ?? c.specificationCode ?? '', width: 20 },
  { title: '等级', value: (c) => c.levelName ?? '' },
  { title: '发证日期', value: (c) => c.issuedOn },
  { title: '发证机构', value: (c) => c.issuerName, width: 30 },
  { title: '状态', value: (c) => c.stateName },
  { title: '撤销日期', value: (c) => c.revokedOn ?? '' },
  { title: '撤销原因', value: (c) => c.revokedReason ?? '', width: 40 },
];
const STATE_OPTIONS = [
  { value: 'valid', label: '有效' },
  { value: 'revoked', label: '已撤销' },
];

interface IssueForm {
  issuerCode: string;
  number: string;
  type: string;
  residentId: string;
  name: string;
  occupationCode?: string;
  level?: string;
  specificationCode?: string;
  issuedOn: Dayjs;
}

/** The registry's certificates with the form and the Excel import; an enterprise sees and records its own. */
export function Certificates({ issuerCode }: { issuerCode?: string } = {}) {
  const [form] = Form.useForm();
  const list = useServerList<RegistryCertificateView>('/registry-certificates', ['number', 'residentId', 'type', 'state'], {
    issuedOn: 'issuedOn',
    number: 'number',
  });
  const [open, setOpen] = useState(false);
  const [revoking, setRevoking] = useState<RegistryCertificateView | null>(null);
  const [issue] = Form.useForm<IssueForm>();
  const type = Form.useWatch('type', issue);
  const columns: TableProps<RegistryCertificateView>['columns'] = [
    { title: '证书编号', dataIndex: 'number', key: 'number', sorter: true, sortOrder: list.sortOrder('number'), render: mono },
    { title: '证书类型', dataIndex: 'typeName', key: 'typeName', width: 150 },
    { title: '持证人', key: 'holder', width: 220, render: (_: unknown, c) => `${c.name} ${c.residentId}` },
    {
      title: '职业（工种）/规范',
      key: 'occupation',
      width: 200,
      render: (_: unknown, c) =>
        c.specificationCode ? `专项：${c.specificationCode}` : [c.occupationCode, c.levelName].filter(Boolean).join(' '),
    },
    { title: '发证日期', dataIndex: 'issuedOn', key: 'issuedOn', width: 120, sorter: true, sortOrder: list.sortOrder('issuedOn') },
    { title: '发证机构', dataIndex: 'issuerName', key: 'issuerName', width: 200 },
    {
      title: '状态',
      key: 'state',
      width: 200,
      render: (_: unknown, c) =>
        c.revokedOn ? (
          <Space orientation="vertical" size={0}>
            <Tag color="red">已撤销</Tag>
            <Typography.Text type="secondary">
              {c.revokedOn}：{c.revokedReason}
            </Typography.Text>
          </Space>
        ) : (
          <Tag color="green">有效</Tag>
        ),
    },
    {
      title: '操作',
      key: 'acts',
      width: 90,
      render: (_: unknown, c) =>
        c.canRevoke ? (
          <Button size="small" danger onClick={() => setRevoking(c)} aria-label={`撤销证书 ${c.number}`}>
            撤销
          </Button>
        ) : null,
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setOpen(true)}>
          登记证书
        </Button>
        <ExportButton path="/registry-certificates" query={list.query} columns={CERT_EXPORT} fileName="证书库" />
      </Space>
      <CertificateImport onImported={list.reload} />
      <ListFilters form={form} list={list}>
        <Form.Item label="证书编号" name="number">
          <Input allowClear maxLength={64} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label="身份证号" name="residentId">
          <Input allowClear maxLength={18} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="证书类型" name="type">
          <Select allowClear placeholder="全部" style={{ width: 170 }} options={TYPE_OPTIONS} />
        </Form.Item>
        <Form.Item label="状态" name="state">
          <Select allowClear placeholder="全部" style={{ width: 110 }} options={STATE_OPTIONS} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="证书" onRetry={list.reload} />
      ) : (
        <Table<RegistryCertificateView>
          rowKey="id"
          size="middle"
          {...list.tableProps}
          columns={columns}
          data-testid="registry-certificates"
        />
      )}
      {revoking && (
        <FormDialog<{ reason: string }>
          open
          title="撤销证书"
          okText="确认撤销"
          name="revokeCertificate"
          onClose={() => setRevoking(null)}
          onDone={(r) => {
            const held = (r as { claimsHeld: number }).claimsHeld;
            setRevoking(null);
            void message.success(held > 0 ? `已撤销；引用该证书的 ${held} 笔申领暂缓支付` : '已撤销');
            list.reload();
          }}
          fields={['reason']}
          submit={(v) => api(`/registry-certificates/${revoking.id}/revocation`, { method: 'POST', body: { reason: v.reason.trim() } })}
        >
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`撤销 ${revoking.typeName} ${revoking.number}（${revoking.name}）`}
            description="撤销后不能恢复：证书仍留在证书库中并标为已撤销，公开查验显示“已撤销”，引用它的申领不予支付（已纳入支付批次而未支付的也暂缓）。"
          />
          <Form.Item
            label="撤销原因"
            name="reason"
            rules={[
              { required: true, whitespace: true, message: '请写明撤销原因' },
              { min: 5, max: 500, message: '撤销原因为 5–500 字' },
            ]}
            extra="用中文写明，如“错发：持证人未参加考核”或“以欺诈手段取得”"
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </FormDialog>
      )}
      <FormDialog<IssueForm>
        open={open}
        form={issue}
        title="登记证书"
        name="issueCertificate"
        width={640}
        onClose={() => setOpen(false)}
        onDone={(r) => {
          setOpen(false);
          void message.success((r as { unchanged: boolean }).unchanged ? '该证书已在证书库中，未重复登记' : '已登记到证书库');
          list.reload();
        }}
        initialValues={{ type: 'skill_level', issuerCode }}
        fields={['issuerCode', 'number', 'type', 'residentId', 'name', 'occupationCode', 'level', 'specificationCode', 'issuedOn']}
        submit={(v) =>
          api('/registry-certificates', {
            method: 'POST',
            body: {
              issuerCode: v.issuerCode.trim().toUpperCase(),
              number: v.number.trim(),
              type: v.type,
              residentId: v.residentId.trim().toUpperCase(),
              name: v.name.trim(),
              occupationCode: v.type === 'special_ability' ? null : v.occupationCode?.trim() || null,
              level: v.type === 'special_ability' ? null : (v.level ?? null),
              specificationCode: v.type === 'special_ability' ? v.specificationCode?.trim() || null : null,
              issuedOn: v.issuedOn.format('YYYY-MM-DD'),
            },
          })
        }
      >
        <Form.Item
          label="发证机构统一社会信用代码"
          name="issuerCode"
          rules={[{ required: true, message: '请填写发证机构的统一社会信用代码' }, usccRule]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Space wrap>
          <Form.Item label="证书类型" name="type" rules={[{ required: true, message: '请选择证书类型' }]}>
            <Select style={{ width: 200 }} options={TYPE_OPTIONS} />
          </Form.Item>
          <Form.Item label="证书编号" name="number" rules={requiredText('证书编号', 64)}>
            <Input maxLength={64} style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item label="持证人身份证号" name="residentId" rules={[{ required: true, message: '请填写身份证号' }, residentIdRule]}>
            <Input maxLength={18} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label="姓名" name="name" rules={requiredText('姓名', 50)} extra="与人员登记一致（实名制）">
            <Input maxLength={50} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        {type === 'special_ability' ? (
          <Form.Item label="专项职业能力规范代码" name="specificationCode" rules={requiredText('规范代码', 40)}>
            <Input maxLength={40} />
          </Form.Item>
        ) : (
          <Space wrap>
            <Form.Item
              label="职业（工种）代码"
              name="occupationCode"
              rules={type === 'training' ? [] : requiredText('职业（工种）代码', 40)}
              extra="补贴目录中的代码，如 6-16-01-03"
            >
              <Input maxLength={40} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label="等级" name="level" rules={type === 'training' ? [] : [{ required: true, message: '请选择等级' }]}>
              <Select allowClear style={{ width: 160 }} options={LEVEL_OPTIONS} />
            </Form.Item>
          </Space>
        )}
        <Form.Item label="发证日期" name="issuedOn" rules={[{ required: true, message: '请选择发证日期' }]}>
          <DateInput />
        </Form.Item>
      </FormDialog>
    </Space>
  );
}

/** The Excel path: the template, then the upload (all-or-nothing; the same file twice changes nothing). */
function CertificateImport({ onImported }: { onImported(): void }) {
  const [percent, setPercent] = useState<number | null>(null);
  const [refused, setRefused] = useState<{ message: string; issues: RowIssue[] } | null>(null);
  const [done, setDone] = useState<{ rows: number; added: number; unchanged: number } | null>(null);
  const running = useRef(false);
  const send = async (file: File) => {
    if (running.current) return;
    running.current = true;
    setRefused(null);
    setDone(null);
    setPercent(0);
    try {
      const csv = /\.csv$/i.test(file.name);
      setDone(await uploadXlsx('/registry-certificates/import', file, setPercent, csv ? 'text/csv' : XLSX_MIME));
      onImported();
    } catch (e) {
      if (e instanceof FileRefused) setRefused({ message: e.message, issues: e.rows });
      else setRefused({ message: e instanceof Error ? e.message : String(e), issues: [] });
    } finally {
      running.current = false;
      setPercent(null);
    }
  };
  return (
    <Card size="small" title="批量导入（Excel 或 CSV）">
      <Typography.Paragraph type="secondary">
        下载模板，每行一张证书；整表校验（发证机构及其评价批准、实名核验、职业与等级或专项职业能力规范、编号不重复），有任何错误都不导入，并按行、列列出。已登记的相同证书不会重复写入。CSV
        文件与模板列相同，可为 UTF-8 或 GB18030 编码。
      </Typography.Paragraph>
      <Space wrap align="start">
        <DownloadButton path="/registry-certificates/template" query={{}} label="下载导入模板" fileName="证书导入模板.xlsx" />
        <DownloadButton
          path="/registry-certificates/template"
          query={{ format: 'csv' }}
          label="下载 CSV 模板"
          fileName="证书导入模板.csv"
        />
        <Upload
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          showUploadList={false}
          disabled={percent !== null}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button loading={percent !== null} disabled={percent !== null}>
            上传并导入
          </Button>
        </Upload>
      </Space>
      {percent !== null && <Progress percent={percent} size="small" aria-label="上传进度" status="active" />}
      {done && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="certificate-import-result"
          title={`已导入 ${done.rows} 行：新登记 ${done.added}，与已登记相同 ${done.unchanged}`}
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
  );
}

interface IssuerForm {
  kind: 'evaluation_body' | 'enterprise';
  name: string;
  code: string;
  areaCode: string;
}
interface ApprovalForm {
  document: string;
  occupations: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
  outsiders?: boolean;
}

function Issuers() {
  const { me } = useAuth();
  const city = me?.role === 'city';
  const [form] = Form.useForm();
  const list = useServerList<IssuerView>('/certificate-issuers', ['kind', 'q'], { name: 'name' });
  const [open, setOpen] = useState(false);
  const [approving, setApproving] = useState<IssuerView | null>(null);
  const columns: TableProps<IssuerView>['columns'] = [
    { title: '名称', dataIndex: 'name', key: 'name', sorter: true, sortOrder: list.sortOrder('name') },
    { title: '类别', dataIndex: 'kindName', key: 'kindName', width: 120 },
    { title: '统一社会信用代码', dataIndex: 'code', key: 'code', width: 200, render: mono },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 90, render: areaName },
    {
      title: '评价批准',
      key: 'approvals',
      render: (_: unknown, i) =>
        i.approvals.length === 0 ? (
          <Typography.Text type="warning">无（不能发证）</Typography.Text>
        ) : (
          <Space orientation="vertical" size={0}>
            {i.approvals.map((p) => (
              <span key={p.id}>
                <Tag color={p.inForce ? 'green' : 'default'}>{p.inForce ? '有效' : '不在有效期'}</Tag>
                {p.document}：{p.occupations.join('、')}（{p.validFrom} 至 {p.validTo ?? '长期'}）
                {i.kind === 'enterprise' && (p.outsiders ? '，可面向社会评价' : '，仅限本企业职工')}
              </span>
            ))}
          </Space>
        ),
    },
    { title: '已登记证书', dataIndex: 'certificates', key: 'certificates', width: 110 },
    ...(city
      ? [
          {
            title: '操作',
            key: 'act',
            width: 120,
            render: (_: unknown, i: IssuerView) => (
              <Button size="small" onClick={() => setApproving(i)}>
                登记评价批准
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {city && (
        <Space>
          <Button type="primary" onClick={() => setOpen(true)}>
            登记发证机构
          </Button>
        </Space>
      )}
      <ListFilters form={form} list={list}>
        <Form.Item label="名称或代码" name="q">
          <Input allowClear maxLength={100} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="类别" name="kind">
          <Select allowClear placeholder="全部" style={{ width: 140 }} options={KIND_OPTIONS} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="发证机构" onRetry={list.reload} />
      ) : (
        <Table<IssuerView> rowKey="id" size="middle" {...list.tableProps} columns={columns} data-testid="certificate-issuers" />
      )}
      <FormDialog<IssuerForm>
        open={open}
        title="登记发证机构"
        name="createIssuer"
        onClose={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          list.reload();
        }}
        initialValues={{ kind: 'evaluation_body' }}
        fields={['kind', 'name', 'code', 'areaCode']}
        submit={(v) =>
          api('/certificate-issuers', { method: 'POST', body: { ...v, name: v.name.trim(), code: v.code.trim().toUpperCase() } })
        }
      >
        <Form.Item label="类别" name="kind" rules={[{ required: true }]} extra="自主评价企业须已在企业登记中登记（§5.6）">
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item label="名称" name="name" rules={requiredText('名称', 100)}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="统一社会信用代码" name="code" rules={[{ required: true, message: '请填写统一社会信用代码' }, usccRule]}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item label="地区" name="areaCode" rules={[{ required: true, message: '请选择地区' }]}>
          <Select options={areaOptions(me ?? null)} />
        </Form.Item>
      </FormDialog>
      <FormDialog<ApprovalForm>
        open={approving !== null}
        title={`登记评价批准：${approving?.name ?? ''}`}
        name="issuerApproval"
        onClose={() => setApproving(null)}
        onDone={() => {
          setApproving(null);
          list.reload();
        }}
        fields={{ document: 'document', occupations: 'occupations', validFrom: 'validFrom', validTo: 'validTo', outsiders: 'outsiders' }}
        submit={(v) =>
          api(`/certificate-issuers/${encodeURIComponent(approving!.id)}/approvals`, {
            method: 'POST',
            body: {
              document: v.document.trim(),
              occupations: v.occupations.split(/[\s,，、]+/).filter(Boolean),
              validFrom: v.validFrom.format('YYYY-MM-DD'),
              validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
              outsiders: approving?.kind === 'evaluation_body' ? true : v.outsiders === true,
            },
          })
        }
      >
        <Form.Item label="批准文号" name="document" rules={requiredText('批准文号', 100)}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          label="可评价的职业（工种）或专项职业能力规范代码"
          name="occupations"
          rules={[{ required: true, whitespace: true, message: '至少填写一个代码' }]}
          extra="以逗号、顿号或空格分隔，如 6-16-01-03、6-16-02-01"
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space wrap>
          <Form.Item label="有效期自" name="validFrom" rules={[{ required: true, message: '请选择起始日期' }]}>
            <DateInput />
          </Form.Item>
          <Form.Item label="有效期至（长期可不填）" name="validTo">
            <DateInput />
          </Form.Item>
        </Space>
        {approving?.kind === 'enterprise' && (
          <Form.Item
            name="outsiders"
            valuePropName="checked"
            extra="未经批准，企业只能评价本企业职工（§5.6）；向非本企业职工颁发的证书不能作为补贴凭证"
          >
            <Checkbox>经人社部门批准，可面向社会评价</Checkbox>
          </Form.Item>
        )}
      </FormDialog>
    </Space>
  );
}

function Specifications() {
  const { me } = useAuth();
  const [form] = Form.useForm();
  const list = useServerList<SpecificationView>('/ability-specifications', ['q', 'inForce'], { code: 'code', name: 'name' });
  const [open, setOpen] = useState(false);
  const columns: TableProps<SpecificationView>['columns'] = [
    { title: '规范代码', dataIndex: 'code', key: 'code', width: 200, sorter: true, sortOrder: list.sortOrder('code'), render: mono },
    { title: '名称', dataIndex: 'name', key: 'name', sorter: true, sortOrder: list.sortOrder('name') },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 100, render: areaName },
    { title: '有效期', key: 'valid', width: 240, render: (_: unknown, s) => `${s.validFrom} 至 ${s.validTo ?? '长期'}` },
    {
      title: '状态',
      dataIndex: 'inForce',
      key: 'inForce',
      width: 100,
      render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{v ? '有效' : '不在有效期'}</Tag>,
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {me?.role === 'city' && (
        <Space>
          <Button type="primary" onClick={() => setOpen(true)}>
            新增规范
          </Button>
        </Space>
      )}
      <ListFilters form={form} list={list}>
        <Form.Item label="名称或代码" name="q">
          <Input allowClear maxLength={100} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="状态" name="inForce">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={[{ value: 'true', label: '仅看有效' }]} />
        </Form.Item>
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="专项职业能力规范" onRetry={list.reload} />
      ) : (
        <Table<SpecificationView> rowKey="code" size="middle" {...list.tableProps} columns={columns} data-testid="ability-specifications" />
      )}
      <FormDialog<{ code: string; name: string; areaCode: string; validFrom: Dayjs; validTo?: Dayjs | null }>
        open={open}
        title="新增专项职业能力规范"
        name="addSpecification"
        onClose={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          list.reload();
        }}
        initialValues={{ areaCode: '510400' }}
        fields={['code', 'name', 'areaCode', 'validFrom', 'validTo']}
        submit={(v) =>
          api('/ability-specifications', {
            method: 'POST',
            body: {
              code: v.code.trim().toUpperCase(),
              name: v.name.trim(),
              areaCode: v.areaCode,
              validFrom: v.validFrom.format('YYYY-MM-DD'),
              validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
            },
          })
        }
      >
        <Form.Item
          label="规范代码"
          name="code"
          rules={requiredText('规范代码', 40)}
          extra="与补贴目录中专项职业能力的代码一致，如 S-4-03-02-01-01"
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label="名称" name="name" rules={requiredText('名称', 100)}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="地区" name="areaCode" rules={[{ required: true, message: '请选择地区' }]}>
          <Select options={areaOptions(me ?? null)} />
        </Form.Item>
        <Space wrap>
          <Form.Item label="有效期自" name="validFrom" rules={[{ required: true, message: '请选择起始日期' }]}>
            <DateInput />
          </Form.Item>
          <Form.Item label="有效期至（长期可不填）" name="validTo">
            <DateInput />
          </Form.Item>
        </Space>
      </FormDialog>
    </Space>
  );
}

const HOLD_STATUS_OPTIONS = [
  { value: 'not_found', label: '证书库中未找到' },
  { value: 'mismatch', label: '与证书库记录不符' },
  { value: 'outsider', label: '企业向非本企业职工颁发' },
];

/** The claims whose certificate is not evidence in the registry and not explained: the office's work list. */
function Holds() {
  const { me } = useAuth();
  const [form] = Form.useForm();
  const list = useServerList<CertificateHoldView>('/certificate-holds', ['status', 'areaCode'], { number: 'number' });
  const columns: TableProps<CertificateHoldView>['columns'] = [
    {
      title: '申领',
      key: 'claim',
      width: 230,
      sorter: true,
      sortOrder: list.sortOrder('number'),
      render: (_: unknown, h) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/claims/${encodeURIComponent(h.claimId)}`}>{h.claimNumber}</Link>
          <Typography.Text type="secondary">
            {nameOf(PROGRAM_NAMES, h.program)} · {nameOf(CLAIM_STATUS_NAMES, h.claimStatus)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '地区', dataIndex: 'areaCode', key: 'areaCode', width: 90, render: areaName },
    { title: '申领的证书', dataIndex: 'certificate', key: 'certificate', width: 240 },
    {
      title: '核验结果',
      key: 'status',
      render: (_: unknown, h) => (
        <Space orientation="vertical" size={0}>
          <Space>
            <Tag color="error">{h.statusName}</Tag>
            {h.inForce ? <Tag color="warning">暂缓支付</Tag> : <Typography.Text type="secondary">施行日期前结业，不暂缓</Typography.Text>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {h.reasons.join('；')}
          </Typography.Text>
        </Space>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        申领填写的证书未在证书库中查到、与证书库记录不符，或是企业向非本企业职工颁发（§5.6）。证书补登记后自动解除；未查到或无职工记录的，可在申领页核实后写明“证书说明”。
      </Typography.Paragraph>
      <ListFilters form={form} list={list}>
        <Form.Item label="核验结果" name="status">
          <Select allowClear placeholder="全部" style={{ width: 200 }} options={HOLD_STATUS_OPTIONS} />
        </Form.Item>
        {me?.role === 'city' && <AreaFilter />}
      </ListFilters>
      {list.error ? (
        <LoadError error={list.error} what="未通过核验的申领" onRetry={list.reload} />
      ) : (
        <Table<CertificateHoldView> rowKey="claimId" size="middle" {...list.tableProps} columns={columns} data-testid="certificate-holds" />
      )}
    </Space>
  );
}
