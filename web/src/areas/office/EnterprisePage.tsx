// 企业详情: one enterprise — its insured status (§4.8); the employee-education fund year by year (R8,
// §5.2: 足额 / 未足额 / 未登记) with the claims each year's missing record leaves undecided, recorded here
// and those claims decided again; difficulty recognitions (§4.5); main-post headcounts by year (§1).
import { useUnsavedGuard } from '../../unsaved-guard.tsx';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TEducationFundResult, TEnterprise, TFactImpact } from '../../../../src/api/routes/enterprises.types.ts';
import type { TBulkClaimsResult } from '../../../../src/api/routes/claims.types.ts';
import type { THeadcountPage } from '../../../../src/api/routes/headcounts.types.ts';
import type { TEnterpriseR8Status } from '../../../../src/api/routes/my-records.types.ts';
import { api, ApiError } from '../../api.ts';
import { LoadError } from '../../components.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { areaName, INDUSTRY_NAMES, nameOf, OUTCOME_NAMES, PROGRAM_NAMES } from '../../labels.ts';
import { RequireRole } from '../trainee/party-ui.tsx';
import { FormDialog, mono, requiredText, yesNo } from './shared.tsx';
import { DateInput } from '../../date-input.tsx';
import { PayeeAccountCard } from '../../payee-account.tsx';

const PLAN_YEARS = [2020, 2021];

export default function EnterprisePage() {
  return (
    <RequireRole roles={['city', 'county']}>
      <AntApp component={false}>
        <Enterprise />
      </AntApp>
    </RequireRole>
  );
}

/** Decides again the claims a recorded fact was missing for; a claim the server already decided is not a failure. */
export async function redecideMany(claimIds: string[]): Promise<string> {
  if (claimIds.length === 0) return '';
  const counts = new Map<string, number>();
  for (let i = 0; i < claimIds.length; i += 200) {
    const r = await api<TBulkClaimsResult>('/claims/bulk', {
      method: 'POST',
      body: { action: 'decide', claimIds: claimIds.slice(i, i + 200) },
    });
    for (const x of r.results) {
      const k = x.ok
        ? nameOf(OUTCOME_NAMES, x.outcome ?? '')
        : x.error?.code === 'invalid_transition'
          ? '已由系统重新判定'
          : `未能判定（${x.error?.message ?? ''}）`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return `${claimIds.length} 笔待定申领已重新判定：${[...counts].map(([k, n]) => `${k} ${n} 笔`).join('，')}`;
}

/** What recording a fact changed (docs/facts-in-time.md): the server decides the waiting claims itself. */
type FactImpact = Partial<TFactImpact>;

/** The line shown after a fact is recorded: how many waiting claims the server decided again, by outcome. */
export function impactText(impact: FactImpact): string {
  const redecided = impact.redecided ?? [];
  if (redecided.length === 0) return '';
  const counts = new Map<string, number>();
  for (const r of redecided)
    counts.set(nameOf(OUTCOME_NAMES, r.after.outcome), (counts.get(nameOf(OUTCOME_NAMES, r.after.outcome)) ?? 0) + 1);
  const cases = impact.cases?.length ? `；另有 ${impact.cases.length} 笔已公示、批准或支付的申领判定会改变，已转为待处理案件` : '';
  return `${redecided.length} 笔待定申领已重新判定：${[...counts].map(([k, n]) => `${k} ${n} 笔`).join('，')}${cases}`;
}

interface FundForm {
  year: number;
  fullyUsed: boolean;
  source: string;
}
interface DifficultyForm {
  validFrom: Dayjs;
  validTo?: Dayjs | null;
  source: string;
}

function Enterprise() {
  const { id = '' } = useParams();
  const { message } = AntApp.useApp();
  const e = useApi<TEnterprise>(`/enterprises/${encodeURIComponent(id)}`);
  const r8 = useApi<TEnterpriseR8Status>(`/enterprises/${encodeURIComponent(id)}/r8-status`);
  const [fundYear, setFundYear] = useState<number | null>(null);
  const [difficulty, setDifficulty] = useState(false);
  const [insured, setInsured] = useState(false);
  const [redecided, setRedecided] = useState<string | null>(null);
  const lastImpact = useRef<FactImpact>({});
  const [hcYear, setHcYear] = useState(PLAN_YEARS[0]!);
  const hc = useApi<THeadcountPage>(e.data ? '/enterprise-headcounts' : null, { year: hcYear, name: e.data?.name, pageSize: 200 });
  const [hcForm] = Form.useForm<{ mainPostEmployees: number }>();
  const hcGuard = useUnsavedGuard(hcForm);
  const [hcSaving, setHcSaving] = useState(false);
  if (e.error) return <LoadError error={e.error} what="企业" onRetry={e.reload} />;
  const ent = e.data;
  const years = [...new Set([...PLAN_YEARS, ...(r8.data?.years.map((y) => y.year) ?? [])])].sort();
  const byYear = new Map((r8.data?.years ?? []).map((y) => [y.year, y]));
  const headcount = hc.data?.items.find((h) => h.uscc === id);

  const afterFund = async (year: number) => {
    setFundYear(null);
    const impact = lastImpact.current;
    lastImpact.current = {};
    // The server decided again what the record changed; any claim still waiting is decided here.
    const done = new Set((impact.redecided ?? []).map((r) => r.claimId));
    const waiting = (byYear.get(year)?.undecidedClaims.map((c) => c.id) ?? []).filter((c) => !done.has(c));
    try {
      const text = [impactText(impact), await redecideMany(waiting)].filter(Boolean).join('；');
      setRedecided(text || `已登记${year}年职工教育经费情况`);
    } catch (err) {
      setRedecided(`已登记，但重新判定失败：${err instanceof ApiError ? err.message : String(err)}`);
    }
    r8.reload();
    e.reload();
  };
  const saveHeadcount = async (v: { mainPostEmployees: number }) => {
    setHcSaving(true);
    try {
      await api(`/enterprises/${encodeURIComponent(id)}/headcounts/${hcYear}`, {
        method: 'PUT',
        body: { mainPostEmployees: v.mainPostEmployees },
      });
      hcGuard.saved();
      message.success(`已登记${hcYear}年主要岗位职工人数`);
      hc.reload();
    } catch (err) {
      message.error(err instanceof ApiError ? err.message.replace(/^[\w.]+: /, '') : String(err));
    } finally {
      setHcSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/office/enterprises">← 返回企业列表</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {ent?.name ?? '企业'}
      </Typography.Title>
      <Card size="small" title="登记信息" loading={!ent}>
        {ent && (
          <Descriptions
            size="small"
            column={3}
            bordered
            items={[
              { key: 'uscc', label: '统一社会信用代码', children: mono(ent.uscc) },
              { key: 'area', label: '地区', children: areaName(ent.areaCode) },
              { key: 'ind', label: '行业', children: nameOf(INDUSTRY_NAMES, ent.industry) },
              {
                key: 'ins',
                label: '参加社会保险（§4.8）',
                children: (
                  <Space>
                    {yesNo(ent.insured, '已参保', '未参保', '情况不明')}
                    <Button size="small" onClick={() => setInsured(true)}>
                      更正
                    </Button>
                  </Space>
                ),
              },
              { key: 'dm', label: '市直管', children: ent.directlyManaged ? '是' : '否' },
              { key: 'disp', label: '劳务派遣机构', children: ent.dispatchingAgencyUscc ?? '—' },
            ]}
          />
        )}
      </Card>
      {ent && <PayeeAccountCard payee="enterprise" payeeRef={ent.uscc} holderName={ent.name} />}
      <Card size="small" title="职工教育经费足额提取使用情况（R8，§5.2）">
        {redecided && (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => setRedecided(null)}
            title={redecided}
            style={{ marginBottom: 12 }}
            data-testid="r8-redecided"
          />
        )}
        <Typography.Paragraph type="secondary">
          未足额提取使用的年度，企业职工培训补贴按 80% 核定；未登记的年度，相关申领判定待定。
        </Typography.Paragraph>
        <Table<number>
          rowKey={(y) => y}
          size="small"
          pagination={false}
          dataSource={years}
          loading={r8.loading}
          aria-label="职工教育经费"
          columns={[
            { title: '年度', key: 'year', width: 80, render: (y: number) => `${y}年` },
            {
              title: '情况',
              key: 'fund',
              width: 140,
              render: (y: number) => {
                const f = byYear.get(y)?.educationFund.fullyUsed ?? ent?.educationFund.find((x) => x.year === y)?.fullyUsed ?? null;
                return f == null ? (
                  <Tag>未登记</Tag>
                ) : (
                  <Tag color={f ? 'green' : 'orange'}>{f ? '足额提取使用' : '未足额（补贴按80%）'}</Tag>
                );
              },
            },
            { title: '来源', key: 'source', render: (y: number) => byYear.get(y)?.educationFund.source ?? '—' },
            {
              title: '登记',
              key: 'by',
              width: 220,
              render: (y: number) => {
                const f = byYear.get(y)?.educationFund;
                return f?.recordedBy ? `${f.recordedBy}，${formatDateTime(f.recordedAt)}` : '—';
              },
            },
            {
              title: '因此待定的申领',
              key: 'waiting',
              width: 130,
              render: (y: number) => {
                const n = byYear.get(y)?.undecidedClaims.length ?? 0;
                return n ? <Tag color="warning">{n} 笔</Tag> : '—';
              },
            },
            {
              title: '操作',
              key: 'act',
              width: 100,
              render: (y: number) => (
                <Button size="small" onClick={() => setFundYear(y)}>
                  登记
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title="困难企业认定（§4.5）" extra={<Button onClick={() => setDifficulty(true)}>登记认定期间</Button>}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={ent?.difficulty ?? []}
          locale={{ emptyText: '未登记困难企业认定' }}
          columns={[
            {
              title: '认定期间',
              key: 'p',
              render: (_: unknown, d: TEnterprise['difficulty'][number]) =>
                `${formatDate(d.validFrom)} 至 ${d.validTo ? formatDate(d.validTo) : '未定'}`,
            },
            { title: '来源', dataIndex: 'source', key: 'source' },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="主要岗位职工人数（§1 轮训目标）"
        extra={
          <Select
            value={hcYear}
            onChange={setHcYear}
            options={PLAN_YEARS.map((y) => ({ value: y, label: `${y}年` }))}
            style={{ width: 100 }}
          />
        }
      >
        <Space wrap align="start">
          <span>
            {hcYear}年：{headcount?.mainPostEmployees == null ? <Tag>未登记</Tag> : `${headcount.mainPostEmployees} 人`}
            {headcount?.recordedBy ? `（${headcount.recordedBy}，${formatDateTime(headcount.recordedAt)}）` : ''}
          </span>
          <Form form={hcForm} layout="inline" onFinish={saveHeadcount} aria-label="登记主要岗位职工人数">
            <Form.Item name="mainPostEmployees" rules={[{ required: true, message: '请填写人数' }]}>
              <InputNumber min={0} precision={0} placeholder="人数" style={{ width: 140 }} />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit" loading={hcSaving}>
                登记或更正
              </Button>
            </Form.Item>
          </Form>
        </Space>
      </Card>
      <FormDialog<FundForm>
        open={fundYear !== null}
        title={`登记${fundYear ?? ''}年职工教育经费足额提取使用情况`}
        name="educationFund"
        onClose={() => setFundYear(null)}
        onDone={() => void afterFund(fundYear!)}
        initialValues={{ year: fundYear ?? undefined }}
        fields={{ year: 'year', fullyUsed: 'fullyUsed', source: 'source' }}
        submit={async (v) => {
          lastImpact.current = await api<TEducationFundResult>(`/enterprises/${encodeURIComponent(id)}/education-fund`, {
            method: 'POST',
            body: { year: fundYear, fullyUsed: v.fullyUsed, source: v.source.trim() },
          });
          return lastImpact.current;
        }}
      >
        {fundYear !== null && (byYear.get(fundYear)?.undecidedClaims.length ?? 0) > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`登记后，因缺少此项而待定的 ${byYear.get(fundYear)!.undecidedClaims.length} 笔申领将重新判定`}
            description={byYear
              .get(fundYear)!
              .undecidedClaims.slice(0, 5)
              .map((c) => `${c.number}（${nameOf(PROGRAM_NAMES, c.program)}）`)
              .join('、')}
          />
        )}
        <Form.Item label="情况" name="fullyUsed" rules={[{ required: true, message: '请选择' }]}>
          <Radio.Group
            options={[
              { value: true, label: '足额提取并使用' },
              { value: false, label: '未足额提取使用' },
            ]}
          />
        </Form.Item>
        <Form.Item label="来源" name="source" rules={requiredText('来源', 200)} extra="如：企业年度财务报表、税务部门数据">
          <Input maxLength={200} />
        </Form.Item>
      </FormDialog>
      <FormDialog<{ insured: 'yes' | 'no'; asOf: Dayjs; source: string }>
        open={insured}
        title="登记参加社会保险情况（§4.8，自某日起）"
        name="insured"
        onClose={() => setInsured(false)}
        onDone={() => {
          setInsured(false);
          message.success('已登记参保情况；读取它的待定申领已重新判定');
          e.reload();
        }}
        fields={{ value: 'insured', asOf: 'asOf', source: 'source' }}
        submit={(v) =>
          api(`/enterprises/${encodeURIComponent(id)}/insured`, {
            method: 'POST',
            body: { value: v.insured === 'yes', asOf: v.asOf.format('YYYY-MM-DD'), source: v.source.trim() },
          })
        }
      >
        <Form.Item label="参保情况" name="insured" rules={[{ required: true, message: '请选择' }]}>
          <Radio.Group
            options={[
              { value: 'yes', label: '已参保' },
              { value: 'no', label: '未参保' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="自何日起"
          name="asOf"
          rules={[{ required: true, message: '请选择这一情况开始的日期' }]}
          extra="申领按其开班日期读取当时的参保情况；同一日期再次登记即为更正"
        >
          <DateInput />
        </Form.Item>
        <Form.Item label="来源" name="source" rules={requiredText('来源', 200)} extra="如：社会保险经办机构核实">
          <Input maxLength={200} />
        </Form.Item>
      </FormDialog>
      <FormDialog<DifficultyForm>
        open={difficulty}
        title="登记困难企业认定期间（§4.5）"
        name="difficulty"
        onClose={() => setDifficulty(false)}
        onDone={() => {
          setDifficulty(false);
          e.reload();
        }}
        fields={{ validFrom: 'validFrom', validTo: 'validTo', source: 'source' }}
        submit={(v) =>
          api(`/enterprises/${encodeURIComponent(id)}/difficulty`, {
            method: 'POST',
            body: {
              validFrom: v.validFrom.format('YYYY-MM-DD'),
              validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
              source: v.source.trim(),
            },
          })
        }
      >
        <Space wrap>
          <Form.Item label="认定起始日期" name="validFrom" rules={[{ required: true, message: '请选择起始日期' }]}>
            <DateInput />
          </Form.Item>
          <Form.Item label="认定截止日期（未定可不填）" name="validTo">
            <DateInput />
          </Form.Item>
        </Space>
        <Form.Item label="来源（认定文件）" name="source" rules={requiredText('来源', 200)}>
          <Input maxLength={200} />
        </Form.Item>
      </FormDialog>
    </Space>
  );
}
