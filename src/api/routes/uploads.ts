// The file plumbing the routes share: an upload is the file's own bytes as the request body (no
// multipart: the one file of a request is its body, so a client sends it with a plain POST and its
// size is the body limit), and a download names the file for the browser's save dialog in both the
// ASCII fallback and RFC 5987's UTF-8 form (Chinese names survive).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { XLSX_MIME } from '../../services/classes/sheet-file.ts';
import { limits } from '../../services/limits.ts';

/** Takes request bodies of these content types as raw bytes (a Buffer in req.body), up to bodyLimit. */
export function acceptFileBodies(app: FastifyInstance, contentTypes: readonly string[], bodyLimit: number): void {
  for (const type of contentTypes) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));
  }
}

/** The .xlsx uploads (rosters, attendance, certificates) within their limit (docs/imports.md). */
export function acceptXlsxBodies(app: FastifyInstance): void {
  acceptFileBodies(app, [XLSX_MIME], limits().xlsxBytes);
}

/** `attachment; filename="…"; filename*=UTF-8''…`: the fallback keeps ASCII letters and the extension. */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function sendFile(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; body: Buffer },
  disposition: 'attachment' | 'inline' = 'attachment',
) {
  return reply
    .type(file.contentType)
    .header('content-disposition', contentDisposition(file.fileName, disposition))
    .header('cache-control', 'no-store')
    .send(file.body);
}

export function sendXlsx(reply: FastifyReply, fileName: string, body: Buffer) {
  return sendFile(reply, { fileName, contentType: XLSX_MIME, body });
}
