// 附件: a record's supporting documents (docs/attachments.md) — what the record must carry and whether it
// does, every file with its uploader, time and checksum (replaced files kept and marked), a download
// link, and, when the server says this viewer may add documents now, an upload of the file's own bytes
// with its progress. The server decides the file's type from its content; the screen only says what it
// accepts.
import { Alert, App as AntApp, Button, Card, Progress, Select, Space, Table, Tag, Typography, Upload, type TableProps } from 'antd';
import { useState } from 'react';
import { ApiError } from './api.ts';
import type { TAttachment, TRecordAttachments } from '../../src/api/routes/attachments.types.ts';
import { formatDateTime } from './format.ts';
import { useApi } from './hooks.ts';
import { LoadError } from './components.tsx';

/** Sends the file's bytes as the body; the server answers with the stored document or a Chinese error. */
function sendFile<T>(url: string, file: Blob, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', '无法连接服务器，请检查网络后重试'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const err = (data as { error?: { code?: string; message?: string; field?: string | null } } | null)?.error;
      reject(new ApiError(xhr.status, err?.code ?? 'http_error', err?.message ?? `上传失败（HTTP ${xhr.status}）`, err?.field ?? null));
    };
    xhr.send(file);
  });
}

const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} 字节`;

/**
 * The 附件 card of a record: `record` is its API path, e.g. `/classes/<id>`. Its own antd App: the pages
 * it sits on do not all provide one, and without it the upload's success message would throw.
 */
export function AttachmentsCard(props: { record: string; title?: string }) {
  return (
    <AntApp component={false}>
      <Attachments {...props} />
    </AntApp>
  );
}

function Attachments({ record, title = '附件' }: { record: string; title?: string }) {
  const { message } = AntApp.useApp();
  const loaded = useApi<TRecordAttachments>(`${record}/attachments`);
  const [kind, setKind] = useState<string | undefined>();
  const [replacing, setReplacing] = useState<TAttachment | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (loaded.error) return <LoadError error={loaded.error} what="附件" onRetry={loaded.reload} />;
  const data = loaded.data;

  const send = async (file: File) => {
    const chosen = replacing?.kind ?? kind;
    if (!chosen) {
      setError('请先选择附件类别');
      return;
    }
    setError(null);
    setProgress(0);
    const query = new URLSearchParams({ kind: chosen, name: file.name });
    if (replacing) query.set('replaces', replacing.id);
    try {
      await sendFile<TAttachment>(`/api/v1${record}/attachments?${query.toString()}`, file, setProgress);
      void message.success(replacing ? `已替换为“${file.name}”，原文件保留` : `已上传“${file.name}”`);
      setReplacing(null);
      loaded.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  };

  const columns: TableProps<TAttachment>['columns'] = [
    { title: '类别', dataIndex: 'kindName', width: 110 },
    {
      title: '文件',
      dataIndex: 'fileName',
      render: (name: string, a) => (
        <a href={`/api/v1/attachments/${encodeURIComponent(a.id)}`} download={name} aria-label={`下载 ${name}`}>
          {name}
        </a>
      ),
    },
    { title: '大小', dataIndex: 'sizeBytes', width: 90, render: (n: number) => sizeText(n) },
    { title: '上传人', dataIndex: 'uploadedBy', width: 150 },
    { title: '上传时间', dataIndex: 'uploadedAt', width: 160, render: (t: string) => formatDateTime(t) },
    {
      title: '状态',
      key: 'state',
      width: 150,
      render: (_: unknown, a) => (a.replacedBy ? <Tag>已于 {formatDateTime(a.replacedAt)} 被替换</Tag> : <Tag color="green">现行</Tag>),
    },
    {
      title: 'SHA-256',
      dataIndex: 'sha256',
      width: 130,
      render: (h: string) => (
        <Typography.Text copyable={{ text: h }} title={h} style={{ fontFamily: 'monospace' }}>
          {h.slice(0, 10)}…
        </Typography.Text>
      ),
    },
    ...(data?.canUpload
      ? [
          {
            title: '操作',
            key: 'act',
            width: 80,
            render: (_: unknown, a: TAttachment) =>
              a.replacedBy ? null : (
                <Button size="small" onClick={() => setReplacing(a)}>
                  替换
                </Button>
              ),
          },
        ]
      : []),
  ];

  const required = data?.kinds.filter((k) => k.required) ?? [];
  return (
    <Card size="small" title={title} data-testid="attachments">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {required.length > 0 && (
          <Space wrap aria-label="应附材料">
            <span>应附材料：</span>
            {required.map((k) => (
              <Tag key={k.kind} color={k.present ? 'green' : 'orange'}>
                {k.name}
                {k.present ? ' ✓ 已附' : ' 未附'}
              </Tag>
            ))}
          </Space>
        )}
        <Table<TAttachment>
          rowKey="id"
          size="small"
          loading={loaded.loading}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '尚无附件' }}
          scroll={{ x: 'max-content' }}
        />
        {data && !data.canUpload && data.uploadRefusal && <Typography.Text type="secondary">{data.uploadRefusal}</Typography.Text>}
        {data?.canUpload && (
          <Space wrap align="center">
            {replacing ? (
              <Alert
                type="info"
                showIcon
                title={`替换“${replacing.fileName}”（${replacing.kindName}）：原文件保留，标为已被替换`}
                action={
                  <Button size="small" onClick={() => setReplacing(null)}>
                    取消替换
                  </Button>
                }
              />
            ) : (
              <Select
                aria-label="附件类别"
                placeholder="选择附件类别"
                style={{ width: 180 }}
                value={kind}
                onChange={setKind}
                options={data.kinds.map((k) => ({ value: k.kind, label: k.required ? `${k.name}（应附）` : k.name }))}
              />
            )}
            <Upload
              accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                void send(file);
                return false;
              }}
            >
              <Button type="primary" disabled={progress !== null}>
                {replacing ? '选择新文件' : '上传附件'}
              </Button>
            </Upload>
            <Typography.Text type="secondary">
              {data.accepted}，单个文件不超过 {data.maxBytesText}
            </Typography.Text>
          </Space>
        )}
        {progress !== null && <Progress percent={progress} size="small" aria-label="上传进度" />}
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Space>
    </Card>
  );
}
