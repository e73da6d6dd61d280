// Pieces the provider's screens share: the class status tag, a problem with its clause heading, and
// the list of a file's problems by row and column.
import { Alert, List, Tag, Typography } from 'antd';
import { clauseHeading } from '../../format.ts';
import { CLASS_STATUS_NAMES, nameOf } from '../../labels.ts';
import type { Problem, RowIssue } from './types.ts';

const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'cyan',
  returned: 'error',
  running: 'gold',
  assessed: 'purple',
  closed: 'success',
};

export function ClassStatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{nameOf(CLASS_STATUS_NAMES, status)}</Tag>;
}

/** "§4.3 四（三）短期岗位技能培训" as a small tag with the heading as its tooltip. */
export function ClauseTag({ clause }: { clause: string | null }) {
  if (!clause) return null;
  return (
    <Tag title={clauseHeading(clause)} style={{ marginInlineStart: 4 }}>
      {clause} {clauseHeading(clause)}
    </Tag>
  );
}

export function ProblemLine({ problem, who }: { problem: Problem; who?: string }) {
  return (
    <span>
      <Tag color={problem.severity === 'blocking' ? 'error' : 'warning'}>{problem.severity === 'blocking' ? '不予通过' : '待核实'}</Tag>
      {who ? <Typography.Text strong>{who}：</Typography.Text> : null}
      {problem.message}
      <ClauseTag clause={problem.clause} />
    </span>
  );
}

/** A refused Excel file: every problem by row and column; nothing was imported. */
export function RowIssues({ title, issues }: { title: string; issues: RowIssue[] }) {
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={
        <List
          size="small"
          aria-label="文件错误"
          dataSource={issues}
          pagination={issues.length > 20 ? { pageSize: 20, size: 'small' } : false}
          renderItem={(i) => <List.Item data-testid="row-issue">{i.text}</List.Item>}
        />
      }
    />
  );
}
