// What a supporting document may be, checked on its bytes before any transaction: PDF, JPEG, PNG,
// Word (.docx) or Excel (.xlsx), recognised by their leading bytes (a renamed executable is refused
// whatever its extension says), the extension agreeing with the content, within the size limit. Word
// and Excel files are zip archives: only the archive's directory is read (never inflated), enough to
// tell a document from a workbook and to refuse one carrying macros or a password.
import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import { AppError } from '../app-error.ts';
import { bytesText, limits } from '../limits.ts';

export interface FileType {
  contentType: string;
  extensions: readonly string[];
  name: string;
}

export const FILE_TYPES = {
  pdf: { contentType: 'application/pdf', extensions: ['.pdf'], name: 'PDF' },
  jpeg: { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'], name: 'JPEG 图片' },
  png: { contentType: 'image/png', extensions: ['.png'], name: 'PNG 图片' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
    name: 'Word 文档（.docx）',
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
    name: 'Excel 表格（.xlsx）',
  },
} as const satisfies Record<string, FileType>;
type TypeKey = keyof typeof FILE_TYPES;

/** Every content type an upload may be sent as (the browser's guess is not trusted: the bytes decide). */
export const UPLOAD_CONTENT_TYPES = [...Object.values(FILE_TYPES).map((t) => t.contentType), 'application/octet-stream'];

export const ACCEPTED_TEXT = 'PDF、JPEG、PNG、Word（.docx）或 Excel（.xlsx）';

export interface CheckedFile {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
}

const fileError = (message: string) => new AppError('invalid_input', message, 'file');
const MAX_NAME_CHARS = 120;

/** The name as shown and offered on download: no folders, no control characters, not empty. */
export function cleanFileName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const name = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!name || name === '.' || name === '..')
    throw new AppError('invalid_input', '请提供文件名（含扩展名，如 教学计划.pdf）', 'query.name');
  if ([...name].length > MAX_NAME_CHARS) throw new AppError('invalid_input', `文件名不超过 ${MAX_NAME_CHARS} 个字符`, 'query.name');
  return name;
}

const startsWith = (b: Buffer, bytes: number[]) => b.length >= bytes.length && bytes.every((x, i) => b[i] === x);

async function officeKind(body: Buffer): Promise<'docx' | 'xlsx' | null> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(body, { lazyEntries: true, strictFileNames: false, decodeStrings: true });
  } catch {
    return null;
  }
  try {
    if (zip.entryCount > limits().xlsxEntries) throw fileError(`文件包含 ${zip.entryCount} 个部件，不是正常的 Word 或 Excel 文件`);
    const names = new Set<string>();
    try {
      for await (const e of zip.eachEntry()) {
        if (e.isEncrypted()) throw fileError('文件已加密，请取消密码保护后上传');
        names.add(e.fileName);
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      return null;
    }
    if (!names.has('[Content_Types].xml')) return null;
    if ([...names].some((n) => /vbaProject\.bin$/i.test(n))) throw fileError('文件含有宏，请另存为不含宏的 .docx 或 .xlsx 后上传');
    if (names.has('word/document.xml')) return 'docx';
    if (names.has('xl/workbook.xml')) return 'xlsx';
    return null;
  } finally {
    zip.close();
  }
}

/** The type the bytes are, or null when they are none of the accepted ones. */
export async function sniffFileType(body: Buffer): Promise<TypeKey | null> {
  if (startsWith(body, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(body, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(body, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(body, [0x50, 0x4b, 0x03, 0x04])) return officeKind(body); // PK: a zip
  return null;
}

export async function checkAttachmentFile(body: unknown, rawName: string): Promise<CheckedFile> {
  const fileName = cleanFileName(rawName);
  if (!Buffer.isBuffer(body) || body.length === 0) throw fileError(`请上传文件本身（${ACCEPTED_TEXT}），文件不能为空`);
  const max = limits().attachmentBytes;
  if (body.length > max) throw fileError(`文件大小 ${bytesText(body.length)}，超过 ${bytesText(max)} 的上限`);
  const key = await sniffFileType(body);
  if (!key) throw fileError(`“${fileName}”不是可接受的文件类型：只接受 ${ACCEPTED_TEXT}（按文件内容识别，不看扩展名）`);
  const type: FileType = FILE_TYPES[key];
  const ext = /\.[^.]+$/.exec(fileName)?.[0].toLowerCase() ?? '';
  if (!type.extensions.includes(ext)) {
    throw fileError(`“${fileName}”的内容是 ${type.name}，扩展名应为 ${type.extensions.join(' 或 ')}`);
  }
  return {
    fileName,
    contentType: type.contentType,
    sizeBytes: body.length,
    sha256: createHash('sha256').update(body).digest('hex'),
    content: body,
  };
}
