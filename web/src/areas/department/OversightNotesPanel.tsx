// The departments' comments and flags on one claim or class (§5.7: departments watch their slice,
// comment and flag). Read-only for everyone who may see them; a department user also gets the form
// to add one; the reviewing office (county, city) clears a raised flag with a note.
// Review screens import it: <OversightNotesPanel subjectKind="claim" subjectId={claim.id} />.
import { useUnsavedGuard } from '../../unsaved-guard.tsx';
import { Alert, Button, Card, Empty, Form, Input, List, Radio, Space, Tag, Typography, message } from 'antd';
import { Dialog, DialogCancelButton } from '../../components.tsx';
import { useState } from 'react';
import type { TNoteView as NoteView } from '../../../../src/api/routes/oversight.types.ts';
import { api, type Page } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { formatDateTime } from '../../format.ts';
import { useApi } from '../../hooks.ts';
import { DEPARTMENT_NAMES, FLAG_STATUS_NAMES, nameOf, NOTE_KIND_NAMES } from '../../labels.ts';
import { applyServerError } from '../trainee/party-ui.tsx';

export interface OversightNotesPanelProps {
  subjectKind: 'claim' | 'class';
  subjectId: string;
  /** Called after a note is added or a flag cleared (e.g. to refresh a to-do count). */
  onChange?: () => void;
}

export function OversightNotesPanel({ subjectKind, subjectId, onChange }: OversightNotesPanelProps) {
  const { me } = useAuth();
  const notes = useApi<Page<NoteView>>('/oversight-notes', { subjectKind, subjectId, pageSize: 200, sort: 'createdAt', order: 'desc' });
  const [clearing, setClearing] = useState<NoteView | null>(null);
  const office = me?.role === 'city' || me?.role === 'county';
  const changed = () => {
    notes.reload();
    onChange?.();
  };
  const raised = (notes.data?.items ?? []).filter((n) => n.kind === 'flag' && n.status === 'raised').length;
  return (
    <Card size="small" title={`部门意见和标记${raised ? `（${raised} 个待处理标记）` : ''}`} data-testid="oversight-notes">
      {notes.error ? (
        <Alert type="error" showIcon title={`无法读取：${notes.error.message}`} />
      ) : (
        <List<NoteView>
          loading={notes.loading}
          dataSource={notes.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无部门意见或标记" /> }}
          renderItem={(n) => (
            <List.Item
              actions={
                office && n.kind === 'flag' && n.status === 'raised'
                  ? [
                      <Button key="clear" size="small" onClick={() => setClearing(n)}>
                        解除标记
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Tag color={n.kind === 'flag' ? (n.status === 'raised' ? 'red' : 'default') : 'blue'}>
                      {nameOf(NOTE_KIND_NAMES, n.kind)}
                      {n.status ? `·${nameOf(FLAG_STATUS_NAMES, n.status)}` : ''}
                    </Tag>
                    <span>{nameOf(DEPARTMENT_NAMES, n.department)}</span>
                    <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                  </Space>
                }
                description={
                  <>
                    <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.88)' }}>{n.text}</div>
                    {n.status === 'cleared' && (
                      <Typography.Text type="secondary">
                        {n.clearedBy} 于 {formatDateTime(n.clearedAt)} 解除：{n.clearNote}
                      </Typography.Text>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {me?.role === 'department' && <AddNoteForm subjectKind={subjectKind} subjectId={subjectId} onDone={changed} />}
      <ClearFlagModal
        note={clearing}
        onClose={() => setClearing(null)}
        onDone={() => {
          setClearing(null);
          changed();
        }}
      />
    </Card>
  );
}

function AddNoteForm({ subjectKind, subjectId, onDone }: { subjectKind: 'claim' | 'class'; subjectId: string; onDone(): void }) {
  const [form] = Form.useForm<{ kind: 'comment' | 'flag'; text: string }>();
  const guard = useUnsavedGuard(form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const submit = async (v: { kind: 'comment' | 'flag'; text: string }) => {
    setSaving(true);
    setError(null);
    try {
      await api('/oversight-notes', { method: 'POST', body: { subjectKind, subjectId, kind: v.kind, text: v.text } });
      form.resetFields();
      guard.saved();
      message.success(v.kind === 'flag' ? '已提出标记，受理部门将核查处理' : '意见已提交');
      onDone();
    } catch (e) {
      setError(applyServerError(form, e, ['kind', 'text']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form
      form={form}
      name="addNote"
      layout="vertical"
      onFinish={submit}
      initialValues={{ kind: 'comment' }}
      aria-label="提出意见或标记"
      style={{ marginTop: 16 }}
    >
      <Form.Item label="类型" name="kind">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'comment', label: '意见' },
            { value: 'flag', label: '标记（需受理部门处理）' },
          ]}
        />
      </Form.Item>
      <Form.Item
        label={kind === 'flag' ? '标记理由' : '意见内容'}
        name="text"
        rules={[
          { required: true, whitespace: true, message: kind === 'flag' ? '请填写标记理由' : '请填写意见内容' },
          { max: 2000, message: '不超过2000个字' },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={saving} disabled={saving}>
        {kind === 'flag' ? '提出标记' : '提交意见'}
      </Button>
    </Form>
  );
}

export function ClearFlagModal({ note, onClose, onDone }: { note: NoteView | null; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ note: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { note: string }) => {
    if (!note) return;
    setSaving(true);
    setError(null);
    try {
      await api(`/oversight-notes/${encodeURIComponent(note.id)}/clear`, { method: 'POST', body: v });
      form.resetFields();
      message.success('标记已解除');
      onDone();
    } catch (e) {
      setError(applyServerError(form, e, ['note']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog
      guard={form}
      open={note !== null}
      title="解除部门标记"
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      {note && (
        <Typography.Paragraph>
          {nameOf(DEPARTMENT_NAMES, note.department)}：{note.text}
        </Typography.Paragraph>
      )}
      <Form form={form} name="clearFlag" layout="vertical" onFinish={submit} aria-label="解除部门标记">
        <Form.Item
          label="核查情况说明"
          name="note"
          rules={[
            { required: true, whitespace: true, message: '请填写核查情况说明' },
            { max: 2000, message: '不超过2000个字' },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} disabled={saving}>
            解除标记
          </Button>
          <DialogCancelButton />
        </Space>
      </Form>
    </Dialog>
  );
}
