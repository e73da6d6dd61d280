// Issuing a printed document: the record read in the reader's slice, the issue audited (who, which
// document of which record, on which business date) in the same transaction, then the PDF drawn outside
// it so the drawing never holds the store's one PGlite connection.
import { actorLabel, type Actor } from '../access.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Db } from '../../store/database.ts';
import { inTransaction } from '../../store/transaction.ts';
import { documentPdf } from './document-pdfs.ts';
import { batchSignatureList, classReviewRecord, decisionLetter, noticeDocument, type OfficeDocument } from './document-views.ts';

export type DocumentKind = OfficeDocument['kind'];

const READERS: Record<
  DocumentKind,
  { entity: string; read: (tx: Parameters<typeof noticeDocument>[0], a: Actor | null, id: string) => Promise<OfficeDocument> }
> = {
  notice: { entity: 'publicity_notice', read: noticeDocument },
  decision: { entity: 'claim', read: decisionLetter },
  batch: { entity: 'payment_batch', read: batchSignatureList },
  class_review: { entity: 'class', read: classReviewRecord },
};

/** A file name without characters a file system or a header refuses. */
const safeName = (s: string) =>
  [...s]
    .map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .slice(0, 80);

function fileNameOf(d: OfficeDocument): string {
  switch (d.kind) {
    case 'notice':
      return `${d.title}-${safeName(d.noticeTitle)}.pdf`;
    case 'decision':
      return `${d.title}-${safeName(d.applicantName)}-${d.program}.pdf`;
    case 'batch':
      return `${d.title}-${d.areaName}-${d.fundName}-${d.builtOn}.pdf`;
    case 'class_review':
      return `${d.title}-${safeName(d.providerName)}-${d.program}-${d.startDate}.pdf`;
  }
}

export async function issueDocument(
  db: Db,
  actor: Actor | null,
  kind: DocumentKind,
  id: string,
): Promise<{ view: OfficeDocument; fileName: string; body: Buffer }> {
  const r = READERS[kind];
  const view = await inTransaction(db, async (tx) => {
    const v = await r.read(tx, actor, id);
    await appendAudit(tx, {
      actor: actorLabel(actor),
      action: 'document.issue',
      entity: r.entity,
      entityId: id,
      data: { document: kind, title: v.title, businessDate: v.businessDate },
    });
    return v;
  });
  return { view, fileName: fileNameOf(view), body: await documentPdf(view) };
}
