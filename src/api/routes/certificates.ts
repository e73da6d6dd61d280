// The certificate registry (docs/certificates.md; §4.0 R1/R13, §5.6): issuers and their approvals and
// the 专项职业能力 specifications (the city keeps them), certificates issued by form or by .xlsx file, the
// registry's date in force, each claim's check with the office's 说明, and the public verification.
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
import { verifyCertificate } from '../../services/certificates/verify-certificate.ts';
import { XLSX_MIME } from '../../services/classes/sheet-file.ts';
import { bytesText, limits } from '../../services/limits.ts';
import { idParam, ZFile } from './fields.types.ts';
import { allow, run, who } from './route-access.ts';
import { acceptXlsxBodies, sendXlsx } from './uploads.ts';
import {
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
  ZIssuerViewPage,
  ZCreateIssuerResult,
  ZRecordIssuerApprovalResult,
  ZSpecificationViewPage,
  ZAddAbilitySpecificationResult,
  ZRegistryCertificateViewPage,
  ZIssueCertificateResult,
  ZImportCertificatesResult,
  ZRegistryInForceFromResult,
  ZSetRegistryInForceResult,
  ZCertificateHoldViewPage,
  ZGetClaimCertificateCheckResult,
  ZExplainClaimCertificateResult,
  ZVerifyAnswer,
} from './certificates.types.ts';
import type { Assert, Conforms } from './conforms.ts';

const tags = ['certificates'];
const OFFICES = ['city', 'county'] as const;
const RECORDERS = ['city', 'county', 'enterprise'] as const;

export const certificateRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  acceptXlsxBodies(app);

  app.get(
    '/certificate-issuers',
    {
      schema: {
        tags,
        summary: '发证机构（评价机构、自主评价企业）及其评价批准',
        description: who(...OFFICES),
        querystring: ZListIssuersQuery,
        response: { 200: ZIssuerViewPage },
      },
      ...allow(...OFFICES),
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
        response: { 200: ZSpecificationViewPage },
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
        summary: '证书库中的证书',
        description: who(...RECORDERS),
        querystring: ZListRegistryQuery,
        response: { 200: ZRegistryCertificateViewPage },
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
        response: { 200: ZIssueCertificateResult },
      },
      ...allow(...RECORDERS),
    },
    (req) => run(db, (tx) => issueCertificate(tx, req.actor, req.body)),
  );
  app.get(
    '/registry-certificates/template',
    {
      schema: { tags, summary: '下载证书导入模板（.xlsx，含表头和一行示例）', description: who(...RECORDERS), response: { 200: ZFile } },
      ...allow(...RECORDERS),
    },
    async (_req, reply) => sendXlsx(reply, '证书导入模板.xlsx', await certificateTemplate()),
  );
  app.post(
    '/registry-certificates/import',
    {
      schema: {
        tags,
        summary: '上传 Excel 导入证书（整表校验通过才导入；已登记的相同证书不重复写入）',
        description: `${who(...RECORDERS)}。请求体为 .xlsx 文件本身（Content-Type: ${XLSX_MIME}，不超过 ${bytesText(limits().xlsxBytes)}）；有错误时 400，details 列出每处的行、列和原因，不写入任何数据`,
        response: { 200: ZImportCertificatesResult },
      },
      ...allow(...RECORDERS),
    },
    (req) => importCertificates(db, req.actor, req.body),
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
        response: { 200: ZCertificateHoldViewPage },
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
        response: { 200: ZGetClaimCertificateCheckResult },
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
        response: { 200: ZGetClaimCertificateCheckResult },
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
        summary: '证书查验（公开）：证书编号与持证人姓名，答复有效或未找到',
        querystring: ZVerifyQuery,
        response: { 200: ZVerifyAnswer },
      },
    },
    (req) => verifyCertificate(db, req.ip, req.query),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof listCertificateIssuers, typeof ZIssuerViewPage>>, // GET /certificate-issuers
  Assert<Conforms<typeof createIssuer, typeof ZCreateIssuerResult>>, // POST /certificate-issuers
  Assert<Conforms<typeof recordIssuerApproval, typeof ZRecordIssuerApprovalResult>>, // POST /certificate-issuers/:id/approvals
  Assert<Conforms<typeof listAbilitySpecifications, typeof ZSpecificationViewPage>>, // GET /ability-specifications
  Assert<Conforms<typeof addAbilitySpecification, typeof ZAddAbilitySpecificationResult>>, // POST /ability-specifications
  Assert<Conforms<typeof listRegistryCertificates, typeof ZRegistryCertificateViewPage>>, // GET /registry-certificates
  Assert<Conforms<typeof issueCertificate, typeof ZIssueCertificateResult>>, // POST /registry-certificates
  Assert<Conforms<typeof importCertificates, typeof ZImportCertificatesResult>>, // POST /registry-certificates/import
  Assert<Conforms<typeof setRegistryInForce, typeof ZSetRegistryInForceResult>>, // PUT /certificate-registry
  Assert<Conforms<typeof listCertificateHolds, typeof ZCertificateHoldViewPage>>, // GET /certificate-holds
  Assert<Conforms<typeof getClaimCertificateCheck, typeof ZGetClaimCertificateCheckResult>>, // GET /claims/:id/certificate-check
  Assert<Conforms<typeof recheckClaimCertificate, typeof ZGetClaimCertificateCheckResult>>, // POST /claims/:id/certificate-check
  Assert<Conforms<typeof explainClaimCertificate, typeof ZExplainClaimCertificateResult>>, // POST /claims/:id/certificate-explanation
  Assert<Conforms<typeof verifyCertificate, typeof ZVerifyAnswer>>, // GET /public/certificates/verify
];
