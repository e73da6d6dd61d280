// The demo's class applications carry their documents (docs/attachments.md "The demo"): the opening
// review warns 开班附件 when an application lacks what its program requires, so a demo whose classes had
// none showed the warning on every review. Each class that goes to review gets, through the real upload
// use case, a small generated PDF of every kind its program requires (attachment-kinds.ts) — except the
// few left without on purpose, so the warning is still seen where it is true.
//
// Speed: each kind's PDF is built once per seeding (a document still costs tens of milliseconds: pdfkit
// subsets the CJK font for each) and uploaded to every class (its own row, its own file name). Without
// a CJK font the PDFs are written in a built-in Latin font and say so: the demo never fails for a font.
// Deterministic: a fixed creation date, and the rows' ids come from the demo's id source.
import PDFDocument from 'pdfkit';
import type { Actor } from '../services/access.ts';
import { ATTACHMENT_KIND_NAMES, requiredClassDocuments, type AttachmentKind } from '../services/attachments/attachment-kinds.ts';
import { checkAttachmentFile } from '../services/attachments/check-attachment-file.ts';
import { uploadAttachments } from '../services/attachments/upload-attachment.ts';
import { cjkFontInstalled, useCjkFont } from '../services/reports/report-files.ts';
import type { Tx } from '../store/transaction.ts';

const WHAT: Record<string, string[]> = {
  teaching_plan: [
    '一、培训目标：达到申报职业（工种）相应等级的知识和技能要求。',
    '二、课程安排：理论教学约占三成，实际操作训练约占七成；每次课程签到、签退。',
    '三、考核方式：结业考核与职业技能等级认定（专项职业能力考核）衔接。',
  ],
  teacher_qualifications: [
    '授课教师均具有相应职业资格证书或职业技能等级证书（技师、高级技师）或中级以上专业技术职称。',
    '附：教师资格证书、职业技能等级证书复印件（演示材料，不含真实证件）。',
  ],
  labour_contracts: [
    '参训人员与用人单位签订的劳动合同（演示材料，不含真实合同内容）。',
    '合同期限、岗位与本次培训申报的职业（工种）一致。',
  ],
  filing_materials: ['企业培训内容备案材料（§5.5：培训开始前备案）：培训计划、课程内容、课时安排。', '（演示材料）'],
};
const LATIN: Record<string, string> = {
  teaching_plan: 'Teaching plan',
  teacher_qualifications: 'Teachers qualifications',
  labour_contracts: 'Labour contracts',
  filing_materials: 'Training content filing',
};

/** One demo PDF of a kind (the same bytes on every run). */
function demoPdf(kind: AttachmentKind): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `${LATIN[kind] ?? kind} (demo)`, Producer: 'upskill demo', CreationDate: new Date('2020-01-01T00:00:00Z') },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (cjkFontInstalled()) {
    useCjkFont(doc);
    doc.fontSize(18).text(`${ATTACHMENT_KIND_NAMES[kind]}（演示）`, { align: 'center' });
    doc.moveDown();
    for (const line of WHAT[kind] ?? []) doc.fontSize(11).text(line).moveDown(0.5);
    doc.moveDown().fontSize(9).fillColor('#666').text('本文件由演示数据生成，内容均为虚构。');
  } else {
    doc.font('Helvetica');
    doc.fontSize(18).text(`${LATIN[kind] ?? kind} (demo)`, { align: 'center' });
    doc
      .moveDown()
      .fontSize(11)
      .text('A generated demo document. No CJK font is installed on this server, so it is written in Latin script.');
  }
  doc.end();
  return done;
}

export interface ClassForDocuments {
  id: string;
  program: string;
  /** Who uploads: the class's provider (or the office acting for it). */
  uploader: Actor;
}

/** Uploads every required document to each class (before it is submitted); returns how many. */
export async function attachClassDocuments(tx: Tx, classes: ClassForDocuments[]): Promise<number> {
  const pdfs = new Map<AttachmentKind, Buffer>();
  let uploaded = 0;
  for (const c of classes) {
    const number = (await tx.selectFrom('classes').select('number').where('id', '=', c.id).executeTakeFirstOrThrow()).number;
    const uploads = [];
    for (const kind of requiredClassDocuments(c.program)) {
      if (!pdfs.has(kind)) pdfs.set(kind, await demoPdf(kind));
      uploads.push({ kind, file: await checkAttachmentFile(pdfs.get(kind)!, `${ATTACHMENT_KIND_NAMES[kind]}-${number}.pdf`) });
    }
    // A class's documents in one call (uploadAttachments), in the order its program lists them.
    uploaded += (await uploadAttachments(tx, c.uploader, 'class', c.id, uploads)).length;
  }
  return uploaded;
}
