// Excel files to and from the server: the upload sends the .xlsx bytes as they are (the server parses
// and validates them, the same for any client) and reports its progress; a refused file comes back as
// a FileRefused whose `rows` list every problem by row and column.
import { ApiError } from '../../api.ts';
import type { RowIssue } from './types.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class FileRefused extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly rows: RowIssue[],
  ) {
    super(status, code, message, 'file');
  }
}

export function uploadXlsx<T>(path: string, file: Blob, onProgress: (percent: number) => void, contentType = XLSX_MIME): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', contentType);
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
      const err = (data as { error?: { code?: string; message?: string; field?: string | null; issues?: unknown } } | null)?.error;
      const message = err?.message ?? `上传失败（HTTP ${xhr.status}）`;
      if (Array.isArray(err?.issues))
        return reject(new FileRefused(xhr.status, err?.code ?? 'invalid_input', message, err.issues as RowIssue[]));
      reject(new ApiError(xhr.status, err?.code ?? 'http_error', message, err?.field ?? null));
    };
    xhr.send(file);
  });
}
