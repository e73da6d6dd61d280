// The certificates recorded in a trainee's name (R13 evidence of completion), with the class each
// came from.
import { requireRole, type Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import type { Tx } from '../../store/transaction.ts';

export const CERTIFICATE_SORTS = { issuedOn: 'certificates.issued_on', type: 'certificates.type' } as const;

export interface MyCertificate {
  id: number;
  type: string;
  number: string;
  classId: string | null;
  program: string | null;
  occupationCode: string | null;
  level: string | null;
  issuedOn: string;
  issuer: string | null;
}

export async function listMyCertificates(
  tx: Tx,
  actor: Actor | null,
  input: PageQuery<keyof typeof CERTIFICATE_SORTS>,
): Promise<Page<MyCertificate>> {
  const a = requireRole(actor, 'trainee');
  const q = tx
    .selectFrom('certificates')
    .leftJoin('classes', 'classes.id', 'certificates.class_id')
    .select([
      'certificates.id',
      'certificates.type',
      'certificates.number',
      'certificates.class_id',
      'classes.program',
      'certificates.occupation_code',
      'certificates.level',
      'certificates.issued_on',
      'certificates.issuer',
    ])
    .where('certificates.resident_id', '=', a.residentId ?? '');
  const page = await readPage(q, { order: 'desc', ...input }, CERTIFICATE_SORTS, 'issuedOn', 'certificates.id');
  return {
    ...page,
    items: page.items.map((c) => ({
      id: Number(c.id),
      type: c.type,
      number: c.number,
      classId: c.class_id,
      program: c.program,
      occupationCode: c.occupation_code,
      level: c.level,
      issuedOn: c.issued_on,
      issuer: c.issuer,
    })),
  };
}
