// The certificate registry in a real browser (docs/certificates.md): anyone verifies a demo certificate
// on the public page — 有效 with what the certificate states and no personal data, 未找到 for a wrong
// name — and a county office finds the planted claim whose certificate is not in the registry
// (PLANT-CERT-MISSING) on its work list, reads why it is held out of payment, with the clause, on the
// claim's page, and lets it through with a written 说明. The evaluation body signs in with its own login
// (pingjia), revokes a certificate it issued with a reason, sees 已撤销 in its list, and the public page
// answers 已撤销 for it.
import { describe, expect, inject, it } from 'vitest';
import { DemoApi } from './api-client.ts';
import { browserPerFile, logIn, screenshot } from './browser.ts';

const { page } = browserPerFile({ timeoutMs: 20_000 });
const city = new DemoApi(inject('baseUrl'), 'city');
type Page_<T> = { items: T[]; total: number };
const COUNTY_LOGIN: Record<string, string> = {
  '510402': 'dongqu',
  '510403': 'xiqu',
  '510411': 'renhe',
  '510421': 'miyi',
  '510422': 'yanbian',
};

describe('Public verification (证书查验)', () => {
  it('a certificate number and the holder’s name give 有效 with the certificate’s own statements; a wrong name gives 未找到', async () => {
    const cert = (
      await city.call<Page_<{ number: string; name: string; residentId: string; typeName: string; issuerName: string; issuedOn: string }>>(
        'GET',
        '/registry-certificates?type=skill_level&pageSize=1',
      )
    ).items[0]!;
    await page.goto('/');
    await page.getByRole('link', { name: '证书查验' }).first().click();
    await page.getByRole('heading', { name: '证书查验' }).waitFor();
    await page.getByLabel('证书编号').fill(cert.number);
    await page.getByLabel('持证人姓名').fill(cert.name);
    await page.getByRole('button', { name: /查\s*验/ }).click();
    const result = page.getByTestId('verify-result');
    await result.getByText('有效：证书库中有这张证书').waitFor();
    const text = (await result.textContent()) ?? '';
    expect(text).toContain(cert.typeName);
    expect(text).toContain(cert.issuerName);
    expect(text).toContain(cert.issuedOn);
    expect(text).not.toContain(cert.residentId);
    await screenshot(page, 'certificates-public-verify');

    await page.getByLabel('持证人姓名').fill(`${cert.name}甲`);
    await page.getByRole('button', { name: /查\s*验/ }).click();
    await page.getByTestId('verify-result').getByText('未找到', { exact: true }).waitFor();
  });
});

describe('A claim held for a certificate not in the registry', () => {
  it('the county finds it on 证书库, reads why on the claim page with the clause, and lets it through with a 说明', async () => {
    const held = (
      await city.call<Page_<{ claimId: string; claimNumber: string; areaCode: string; status: string; reasons: string[] }>>(
        'GET',
        '/certificate-holds?status=not_found&pageSize=50',
      )
    ).items[0];
    if (!held) throw new Error('demo: no claim held for a certificate not in the registry (PLANT-CERT-MISSING)');
    await logIn(page, COUNTY_LOGIN[held.areaCode]!);
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.getByRole('link', { name: '证书库' }).first().click();
    await page.getByRole('heading', { name: '证书库' }).waitFor();
    await page
      .getByTestId('registry-in-force')
      .getByText(/证书库核验自 2020-01-14 起施行/)
      .waitFor();
    const row = page.getByTestId('certificate-holds').locator('.ant-table-row').filter({ hasText: held.claimNumber });
    await row.waitFor();
    expect(await row.textContent()).toContain('证书库中未找到');
    await screenshot(page, 'certificates-holds');
    await row.getByRole('link', { name: held.claimNumber }).click();

    const card = page.getByTestId('certificate-check');
    const hold = card.getByTestId('certificate-hold');
    await hold.waitFor();
    const why = (await hold.textContent()) ?? '';
    expect(why).toContain('暂缓支付');
    expect(why).toContain('证书库中没有编号为');
    expect(why).toContain('§4.0');
    await screenshot(page, 'certificates-claim-held');

    await card.getByRole('button', { name: /证书说明/ }).click();
    const dialog = page.getByRole('dialog', { name: '证书说明' });
    await dialog.getByLabel('说明理由').fill('已调阅发证机构的原始登记记录，证书真实有效');
    await dialog.getByRole('button', { name: /确认说明/ }).click();
    await card.getByTestId('certificate-explanation').waitFor();
    expect(await card.getByTestId('certificate-hold').count()).toBe(0);
    const after = await city.call<{ heldFromPayment: boolean; explanation: { reason: string } | null }>(
      'GET',
      `/claims/${encodeURIComponent(held.claimId)}/certificate-check`,
    );
    expect(after.heldFromPayment).toBe(false);
    expect(after.explanation?.reason).toContain('原始登记记录');
  });
});

describe('The evaluation body revokes a certificate it issued', () => {
  it('signs in, revokes it with a reason after a confirmation, sees 已撤销 in its list, and the public page says 已撤销', async () => {
    // A certificate of its own issued just now (a 培训合格证书 to one of its holders), so that no demo claim
    // nor another file's test depends on it, whatever order the files run in.
    const body = new DemoApi(inject('baseUrl'), 'pingjia');
    const held = (
      await body.call<Page_<{ residentId: string; name: string; issuedOn: string }>>('GET', '/registry-certificates?state=valid&pageSize=1')
    ).items[0]!;
    const issuer = (await body.call<Page_<{ code: string }>>('GET', '/certificate-issuers')).items[0]!;
    const number = `E2E-REV-${Date.now().toString(36).toUpperCase()}`;
    await body.call('POST', '/registry-certificates', {
      issuerCode: issuer.code,
      number,
      type: 'training',
      residentId: held.residentId,
      name: held.name,
      issuedOn: held.issuedOn,
    });

    await logIn(page, 'pingjia');
    await page.getByRole('link', { name: '证书登记' }).first().click();
    await page.getByRole('heading', { name: '证书登记' }).waitFor();
    await page.getByTestId('evaluator-issuer').getByText(issuer.code).waitFor();
    const filters = page.getByRole('form', { name: '筛选条件' });
    await filters.getByLabel('证书编号').fill(number);
    await filters.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.getByTestId('registry-certificates').locator('.ant-table-row').filter({ hasText: number });
    await row.getByText('有效').waitFor();
    await row.getByRole('button', { name: `撤销证书 ${number}` }).click();
    const dialog = page.getByRole('dialog', { name: '撤销证书' });
    await dialog.getByText('撤销后不能恢复').waitFor();
    await dialog.getByRole('button', { name: /确认撤销/ }).click();
    await dialog.getByText('请写明撤销原因').waitFor(); // the reason is required
    await dialog.getByLabel('撤销原因').fill('错发：持证人未参加该次考核');
    await dialog.getByRole('button', { name: /确认撤销/ }).click();
    await row.getByText('已撤销').waitFor();
    expect(await row.textContent()).toContain('错发：持证人未参加该次考核');
    expect(await row.getByRole('button', { name: `撤销证书 ${number}` }).count()).toBe(0);
    await screenshot(page, 'certificates-evaluator-revoked');

    await page.goto('/certificates/verify');
    await page.getByRole('heading', { name: '证书查验' }).waitFor();
    await page.getByLabel('证书编号').fill(number);
    await page.getByLabel('持证人姓名').fill(held.name);
    await page.getByRole('button', { name: /查\s*验/ }).click();
    const result = page.getByTestId('verify-result');
    await result.getByText('已撤销', { exact: true }).waitFor();
    expect((await result.textContent()) ?? '').not.toContain(held.residentId);
  });
});
