// A finding's evidence rows, in Chinese: scalar fields as a description list, lists of rows as small
// tables (one column per key), nested objects as their own description list.
import { Descriptions, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { EVIDENCE_LABELS, evidenceValue } from './risk-labels.ts';

const label = (k: string) => EVIDENCE_LABELS[k] ?? k;

function Cell({ k, v }: { k: string; v: unknown }) {
  // The server gives the claims and classes of the evidence by their numbers (SQ-…, BJ-…).
  if ((k === 'claimId' || k === 'classId') && typeof v === 'string') return <Link to={`/records/${encodeURIComponent(v)}`}>{v}</Link>;
  if (Array.isArray(v))
    return v.every((x) => typeof x !== 'object' || x === null) ? (
      <>{v.map((x) => evidenceValue(k, x)).join('、') || '—'}</>
    ) : (
      <Rows k={k} rows={v as Record<string, unknown>[]} />
    );
  if (v && typeof v === 'object') return <Evidence value={v} nested />;
  return <>{evidenceValue(k, v)}</>;
}

function Rows({ k, rows }: { k: string; rows: Record<string, unknown>[] }) {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <Table
      size="small"
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
      rowKey={(_, i) => String(i)}
      aria-label={label(k)}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={keys.map((c) => ({ title: label(c), key: c, render: (_: unknown, r: Record<string, unknown>) => <Cell k={c} v={r[c]} /> }))}
    />
  );
}

export function Evidence({ value, nested = false }: { value: unknown; nested?: boolean }) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return <Typography.Text>{evidenceValue('', value)}</Typography.Text>;
  const entries = Object.entries(value as Record<string, unknown>);
  const scalars = entries.filter(([, v]) => !Array.isArray(v) || v.every((x) => typeof x !== 'object' || x === null));
  const lists = entries.filter(([, v]) => Array.isArray(v) && v.some((x) => typeof x === 'object' && x !== null));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {scalars.length > 0 && (
        <Descriptions
          size="small"
          bordered={!nested}
          column={nested ? 1 : { xs: 1, md: 2 }}
          items={scalars.map(([k, v]) => ({ key: k, label: label(k), children: <Cell k={k} v={v} /> }))}
        />
      )}
      {lists.map(([k, v]) => (
        <div key={k}>
          <Typography.Text strong>{label(k)}</Typography.Text>
          <Rows k={k} rows={v as Record<string, unknown>[]} />
        </div>
      ))}
    </div>
  );
}
