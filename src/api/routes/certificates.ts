// The certificate registry (docs/certificates.md; §4.0 R1/R13, §5.6): issuers and their approvals and
// the 专项职业能力 specifications (the city keeps them), certificates issued by form or by .xlsx or CSV
// file and revoked by their issuer or the city, the registry's date in force, each claim's check with
// the office's 说明, and the public verification. An evaluation body's login ('evaluator') records,
// imports and revokes its own certificates.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addAbilitySpecification } from '../../services/certificates/add-ability-specification.ts';
import { createIssuer } from '../../services/certificates/create-issuer.ts';
import { explainClaimCertificate } from '../../services/certificates/explain-claim-certificate.ts';
import { getClaimCertificateCheck, recheckClaimCertificate } from '../../services/certificates/get-claim-certificate-check.ts';
import { certificateTemplate, importCertificates } from '../../services/certificates/import-certificates.ts';
import { issueCertificate } from '../../services/certificates/issue-certificates.ts';
import { listAbilitySpecifications } from '../../services/certificates/list-ability-specifications.ts';
import { listCertificateHolds } from '../../services/certificates/list-certificate-holds.ts';
import { listCertificateIssuers } from '../../services/certificates/list-certificate-issuers.ts';
import { listRegistryCertificates } from '../../services/certificates/list-registry-certificates.ts';
import { recordIssuerApproval } from '../../services/certificates/record-issuer-approval.ts';
import { registryInForceFrom, setRegistryInForce } from '../../services/certificates/set-registry-in-force.ts';
import { revokeCertificate } from '../../services/certificates/revoke-certificate.ts';
import { verifyCertificate } from '../../services/certificates/verify-certificate.ts';
import { CSV_MIME, XLSX_MIME } from '../../services/classes/sheet-file.ts';
import { bytesText, limits } from '../../services/limits.ts';
import { idParam, ZFile } from './fields.types.ts';
import { allow, run, who } from './route-access.ts';
import { acceptFileBodies, sendFile } from './uploads.ts';
import { z } from 'zod';
import type { Assert, Conforms } from './conforms.ts';
import {
  ZAddAbilitySpecificationResult,
  ZCreateIssuerResult,
  ZExplainClaimCertificateResult,
  ZRecordIssuerApprovalResult,
  ZRegistryInForceFromResult,
  ZSetRegistryInForceResult,
  ZCertificateIdParam,
  ZClaimCertificateCheck,
  ZHoldPage,
  ZImportCertificatesResponse,
  ZIssueCertificateResponse,
  ZIssuerPage,
  ZRegistryCertificatePage,
  ZRevokeRequest,
  ZRevokeResponse,
  ZSpecificationPage,
  ZVerifyResponse,
  ZCreateIssuerRequest,
  ZExplainRequest,
  ZIssueCertificateRequest,
  ZIssuerApprovalRequest,
  ZListHoldsQuery,
  ZListIssuersQuery,
  ZListRegistryQuery,
  ZListSpecificationsQuery,
  ZRegistrySettingRequest,
  ZSpecificationRequest,
  ZVerifyQuery,
} from './certificates.types.ts';

const tags = ['certificates'];
const OFFICES = ['city', 'county'] as const;
const RECORDERS = ['city', 'county', 'enterprise', 'evaluator'] as const;
/** Revocation is the issuer's own act (an approved enterprise, an evaluation body) or the city's. */
const REVOKERS = ['city', 'enterprise', 'evaluator'] as const;
const ISSUER_READERS = ['city', 'county', 'evaluator'] as const;

export const certificateRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  acceptFileBodies(app, [XLSX_MIME, CSV_MIME], limits().xlsxBytes);

  app.get(
    '/certificate-issuers',
    {
      schema: {
        tags,
        summary: '发证机构（评价机构、自主评价企业）及其评价批准',
        description: `${who(...ISSUER_READERS)}。评价机构账号只看到本机构`,
        querystring: ZListIssuersQuery,
        response: { 200: ZIssuerPage },
      },
      ...allow(...ISSUER_READERS),
    },
    (req) => run(db, (tx) => listCertificateIssuers(tx, req.actor, req.query)),
  );
  app.post(
    '/certificate-issuers',
    {
      schema: {
        tags,
        summary: '登记发证机构',
        description: who('city'),
        body: ZCreateIssuerRequest,
        response: { 200: ZCreateIssuerResult },
      },
      ...allow('city'),
    },
    (req) => run(db, (tx) => createIssuer(tx, req.actor, req.body)),
  );
  app.post(
    '/certificate-issuers/:id/approvals',
    {
      schema: {
        tags,
        summary: '登记发证机构的评价批准（职业、有效期、是否面向社会）',
        description: who('city'),
        params: idParam,
        body: ZIssuerApprovalRequest,
        response: { 200: ZRecordIssuerApprovalResult },
      },
      ...allow('city'),
    },
    (req) => run(db, (tx) => recordIssuerApproval(tx, req.actor, req.params.id, req.body)),
  );
  app.get(
    '/ability-specifications',
    {
      schema: {
        tags,
        summary: '本地专项职业能力规范目录',
        description: who(...RECORDERS),
        querystring: ZListSpecificationsQuery,
        response: { 200: ZSpecificationPage },
      },
      ...allow(...RECORDERS),
    },
    (req) => run(db, (tx) => listAbilitySpecifications(tx, req.actor, req.query)),
  );
  app.post(
    '/ability-specifications',
    {
      schema: {
        tags,
        summary: '新增专项职业能力规范',
        description: who('city'),
        body: ZSpecificationRequest,
        response: { 200: ZAddAbilitySpecificationResult },
      },
      ...allow('city'),
    },
    (req) => run(db, (tx) => addAbilitySpecification(tx, req.actor, req.body)),
  );
  app.get(
    '/registry-certificates',
    {
      schema: {
        tags,
        summary: '证书库中的证书（有效或已撤销）',
        description: `${who(...RECORDERS)}。企业和评价机构只看到本机构颁发的证书`,
        querystring: ZListRegistryQuery,
        response: { 200: ZRegistryCertificatePage },
      },
      ...allow(...RECORDERS),
    },
    (req) => run(db, (tx) => listRegistryCertificates(tx, req.actor, req.query)),
  );
  app.post(
    '/registry-certificates',
    {
      schema: {
        tags,
        summary: '登记一张证书到证书库',
        description: who(...RECORDERS),
        body: ZIssueCertificateRequest,
        response: { 200: ZIssueCertificateResponse },
      },
      ...allow(...RECORDERS),
    },
    (req) => run(db, (tx) => issueCertificate(tx, req.actor, req.body)),
  );
  app.get(
    '/registry-certificates/template',
    {
      schema: {
        tags,
        summary: '下载证书导入模板（Excel 或 CSV，含表头和一行示例）',
        description: `${who(...RECORDERS)}。format=csv 得到 UTF-8（带 BOM）的 CSV 模板，默认 .xlsx`,
        querystring: z.object({ format: z.enum(['xlsx', 'csv']).optional() }),
        response: { 200: ZFile },
      },
      ...allow(...RECORDERS),
    },
    async (req, reply) =>
      req.query.format === 'csv'
        ? sendFile(reply, {
            fileName: '证书导入模板.csv',
            contentType: `${CSV_MIME}; charset=utf-8`,
            body: await certificateTemplate('csv'),
          })
        : sendFile(reply, { fileName: '证书导入模板.xlsx', contentType: XLSX_MIME, body: await certificateTemplate('xlsx') }),
  );
  app.post(
    '/registry-certificates/import',
    {
      schema: {
        tags,
        summary: '上传 Excel 或 CSV 导入证书（整表校验通过才导入；已登记的相同证书不重复写入）',
        description: `${who(...RECORDERS)}。请求体为文件本身：.xlsx（Content-Type: ${XLSX_MIME}）或 CSV（Content-Type: ${CSV_MIME}，UTF-8（可带 BOM）或 GB18030），列与模板相同，不超过 ${bytesText(limits().xlsxBytes)}；有错误时 400，details 列出每处的行、列和原因，不写入任何数据`,
        response: { 200: ZImportCertificatesResponse },
      },
      ...allow(...RECORDERS),
    },
    (req) =>
      importCertificates(db, req.actor, req.body, null, String(req.headers['content-type'] ?? '').startsWith(CSV_MIME) ? 'csv' : 'xlsx'),
  );
  app.post(
    '/registry-certificates/:id/revocation',
    {
      schema: {
        tags,
        summary: '撤销证书（错发或以欺诈取得）：须写明原因；撤销后不能作为补贴凭证，引用它的申领暂缓支付，公开查验显示已撤销',
        description: `${who(...REVOKERS)}。企业和评价机构只能撤销本机构颁发的证书（其他证书 404）；已撤销的证书不能再撤销（409）`,
        params: ZCertificateIdParam,
        body: ZRevokeRequest,
        response: { 200: ZRevokeResponse },
      },
      ...allow(...REVOKERS),
    },
    (req) => run(db, (tx) => revokeCertificate(tx, req.actor, req.params.id, req.body)),
  );
  app.get(
    '/certificate-registry',
    {
      schema: { tags, summary: '证书库核验的施行日期', description: who(...OFFICES), response: { 200: ZRegistryInForceFromResult } },
      ...allow(...OFFICES),
    },
    (_req) => run(db, async (tx) => ({ inForceFrom: await registryInForceFrom(tx) })),
  );
  app.put(
    '/certificate-registry',
    {
      schema: {
        tags,
        summary: '设定证书库核验的施行日期（此后结业的申领须经证书库核验才能支付）',
        description: who('city'),
        body: ZRegistrySettingRequest,
        response: { 200: ZSetRegistryInForceResult },
      },
      ...allow('city'),
    },
    (req) => run(db, (tx) => setRegistryInForce(tx, req.actor, req.body)),
  );
  app.get(
    '/certificate-holds',
    {
      schema: {
        tags,
        summary: '证书未通过证书库核验的申领（未说明的，施行日期后结业的暂缓支付）',
        description: who(...OFFICES),
        querystring: ZListHoldsQuery,
        response: { 200: ZHoldPage },
      },
      ...allow(...OFFICES),
    },
    (req) => run(db, (tx) => listCertificateHolds(tx, req.actor, req.query)),
  );
  app.get(
    '/claims/:id/certificate-check',
    {
      schema: {
        tags,
        summary: '申领的证书在证书库中的核验结果',
        description: who(...OFFICES),
        params: idParam,
        response: { 200: ZClaimCertificateCheck },
      },
      ...allow(...OFFICES),
    },
    (req) => run(db, (tx) => getClaimCertificateCheck(tx, req.actor, req.params.id)),
  );
  app.post(
    '/claims/:id/certificate-check',
    {
      schema: {
        tags,
        summary: '重新在证书库中核验申领的证书',
        description: who(...OFFICES),
        params: idParam,
        response: { 200: ZClaimCertificateCheck },
      },
      ...allow(...OFFICES),
    },
    (req) => run(db, (tx) => recheckClaimCertificate(tx, req.actor, req.params.id)),
  );
  app.post(
    '/claims/:id/certificate-explanation',
    {
      schema: {
        tags,
        summary: '证书说明：证书库未查到或无职工记录的证书，经审核说明后准予支付',
        description: who(...OFFICES),
        params: idParam,
        body: ZExplainRequest,
        response: { 200: ZExplainClaimCertificateResult },
      },
      ...allow(...OFFICES),
    },
    (req) => run(db, (tx) => explainClaimCertificate(tx, req.actor, req.params.id, req.body)),
  );
  app.get(
    '/public/certificates/verify',
    {
      schema: {
        tags: ['public'],
        summary: '证书查验（公开）：证书编号与持证人姓名，答复有效、已撤销或未找到',
        querystring: ZVerifyQuery,
        response: { 200: ZVerifyResponse },
      },
    },
    (req) => verifyCertificate(db, req.ip, req.query),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
// ZFile is not tied: the registry template's bytes go out as they are, without the serializer.
export type ResponsesConform = [
  Assert<Conforms<typeof listCertificateIssuers, typeof ZIssuerPage>>, // GET /certificate-issuers
  Assert<Conforms<typeof createIssuer, typeof ZCreateIssuerResult>>, // POST /certificate-issuers
  Assert<Conforms<typeof recordIssuerApproval, typeof ZRecordIssuerApprovalResult>>, // POST /certificate-issuers/:id/approvals
  Assert<Conforms<typeof listAbilitySpecifications, typeof ZSpecificationPage>>, // GET /ability-specifications
  Assert<Conforms<typeof addAbilitySpecification, typeof ZAddAbilitySpecificationResult>>, // POST /ability-specifications
  Assert<Conforms<typeof listRegistryCertificates, typeof ZRegistryCertificatePage>>, // GET /registry-certificates
  Assert<Conforms<typeof issueCertificate, typeof ZIssueCertificateResponse>>, // POST /registry-certificates
  Assert<Conforms<typeof importCertificates, typeof ZImportCertificatesResponse>>, // POST /registry-certificates/import
  Assert<Conforms<typeof revokeCertificate, typeof ZRevokeResponse>>, // POST /registry-certificates/:id/revocation
  Assert<Conforms<{ inForceFrom: Awaited<ReturnType<typeof registryInForceFrom>> }, typeof ZRegistryInForceFromResult>>, // GET /certificate-registry
  Assert<Conforms<typeof setRegistryInForce, typeof ZSetRegistryInForceResult>>, // PUT /certificate-registry
  Assert<Conforms<typeof listCertificateHolds, typeof ZHoldPage>>, // GET /certificate-holds
  Assert<Conforms<typeof getClaimCertificateCheck, typeof ZClaimCertificateCheck>>, // GET /claims/:id/certificate-check
  Assert<Conforms<typeof recheckClaimCertificate, typeof ZClaimCertificateCheck>>, // POST /claims/:id/certificate-check
  Assert<Conforms<typeof explainClaimCertificate, typeof ZExplainClaimCertificateResult>>, // POST /claims/:id/certificate-explanation
  Assert<Conforms<typeof verifyCertificate, typeof ZVerifyResponse>>, // GET /public/certificates/verify
];
