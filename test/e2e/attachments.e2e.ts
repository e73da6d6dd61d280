// Supporting documents in a real browser: a provider attaches a teaching plan to its class application
// (a draft or returned application of the demo, whichever provider still has one when this file runs),
// the 附件 card lists it as 教学计划 with its checksum, and the city's reviewer opens the application and
// downloads the file: the same bytes, under its Chinese name.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { browserPerFile, logIn, screenshot } from './browser.ts';
import { DemoApi } from './api-client.ts';

const baseUrl = inject('baseUrl');
const { page } = browserPerFile({ timeoutMs: 30_000 });
type Page_<T> = { items: T[]; total: number };
const fixture = { provider: '', classId: '', number: '' };
// A small but real PDF, named as a provider would name it; unique per run so the row is this test's.
const stamp = Date.now().toString(36);
const PLAN = Buffer.from(`%PDF-1.4\n% 教学计划 ${stamp}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const NAME = `教学计划-${stamp}.pdf`;

beforeAll(async () => {
  for (let n = 1; n <= 10 && !fixture.classId; n++) {
    const provider = `provider-p${String(n).padStart(3, '0')}`;
    const api = new DemoApi(baseUrl, provider);
    for (const status of ['draft', 'returned']) {
      const found = (await api.call<Page_<{ id: string; number: string }>>('GET', `/classes?status=${status}&pageSize=1`)).items[0];
      if (found) {
        Object.assign(fixture, { provider, classId: found.id, number: found.number });
        break;
      }
    }
  }
  if (!fixture.classId) throw new Error('demo: no provider has a draft or returned class application');
}, 120_000);

describe('附件 on a class application', () => {
  it(
    'the provider attaches a teaching plan; the card lists it with its kind and marks the required document present',
    { timeout: 180_000 },
    async () => {
      await logIn(page, fixture.provider);
      await page.getByRole('heading', { name: '我的待办' }).waitFor();
      await page.goto(`/provider/classes/${fixture.classId}`);
      const card = page.getByTestId('attachments');
      await card.waitFor();
      await card.getByLabel('附件类别').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '教学计划' }).click();
      await card.locator('input[type=file]').setInputFiles({ name: NAME, mimeType: 'application/pdf', buffer: PLAN });
      // The upload, then the list read again: on a loaded machine (load ~20 on 2 cores) this took over 30 s.
      await card.getByRole('link', { name: `下载 ${NAME}` }).waitFor({ timeout: 90_000 });
      const row = card.getByRole('row', { name: new RegExp(NAME) });
      expect(await row.textContent()).toMatch(/教学计划.*现行/);
      expect(await card.getByLabel('应附材料').textContent()).toMatch(/教学计划\s*✓ 已附/);
      await screenshot(page, 'attachments-provider');
    },
  );

  it('the reviewer opens the application and downloads the same file under its name', async () => {
    await logIn(page, 'city');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.goto(`/review/classes/${fixture.classId}`);
    const card = page.getByTestId('attachments');
    const link = card.getByRole('link', { name: `下载 ${NAME}` });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(NAME);
    const bytes = readFileSync((await download.path())!);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(PLAN).digest('hex'));
    await screenshot(page, 'attachments-reviewer');
  });
});
