// Change requests in Debian's Chromium: the vendor PM proposes with an attachment, the hospital
// manager replies on the change page, the supervisor replies from the mailed link on a phone.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Role } from '@luyue/domain';
import { replyLinkMails, replyLinkOf } from '../helpers/e2e-changes';
import { demoCredential } from '../helpers/e2e-auth';
import { launchBrowser, pastBrowserChecks, loginAs, screenshot } from '../helpers/e2e-browser';
import { e2eStack } from '../helpers/e2e-stack';

let browser: Browser;
const sessions = new Map<Role, { context: BrowserContext; page: Page }>();

async function as(role: Role): Promise<Page> {
  let s = sessions.get(role);
  if (!s) {
    s = await loginAs(browser, role);
    sessions.set(role, s);
  }
  return s.page;
}

async function submit(page: Page, button: Locator): Promise<void> {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const s of sessions.values()) await s.context.close();
  await browser?.close();
});

describe('change requests in a browser', () => {
  const title = `门诊自助机增加医保电子凭证支付 ${Date.now()}`;
  let id = '';

  it('lets the vendor PM propose a change with an attachment; an empty field is shown beside it', async () => {
    const page = await as('vendor_pm');
    await page.goto('/change-requests');
    await submit(page, page.getByRole('link', { name: '提出变更' }));
    await page.getByLabel('变更名称').fill(title);
    await page.getByLabel('变更类型').selectOption('add');
    await page.getByLabel('变更内容').fill('在门诊自助机上增加医保电子凭证扫码支付。');
    await page.getByLabel('对范围的影响').fill('门诊自助机');
    await page.getByLabel('对进度的影响').fill('顺延 10 个工作日');
    await expect(pastBrowserChecks(page.locator('#propose'))).resolves.toEqual(['new-impactCost']);
    await submit(page, page.getByRole('button', { name: '提出变更' }));
    await expect(page.locator('#new-impactCost-error').textContent()).resolves.toBe('此项必填');
    await page.getByLabel('对费用的影响').fill('不增加费用');
    await page.locator('#new-attachments').setInputFiles({
      name: '变更说明.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('变更说明：新增医保电子凭证支付通道。\n'),
    });
    await screenshot(page, 'change-request-new');
    await submit(page, page.getByRole('button', { name: '提出变更' }));
    const match = /^\/change-requests\/(CHG-\d{4}-\d{4})$/.exec(new URL(page.url()).pathname);
    expect(match).not.toBeNull();
    id = match![1];
    await expect(page.locator('.flash').textContent()).resolves.toContain(id);
    await expect(page.getByRole('link', { name: '变更说明.txt' }).count()).resolves.toBe(1);
    await screenshot(page, 'change-request-proposed');
  });

  it('lets the hospital manager see it on 工作台 and reply on the page', async () => {
    const page = await as('hospital_manager');
    await page.goto('/');
    // 工作台 has a tab per kind: the change waits for his reply under 变更.
    await page.locator('.queue-tab', { hasText: '变更' }).click();
    await expect(page.locator('table.todo').textContent()).resolves.toContain(id);
    await page.goto(`/change-requests/${id}`);
    const form = page.locator('#action-reply');
    await form.getByLabel('答复').selectOption('disagree');
    await submit(page, form.getByRole('button', { name: '书面答复' }));
    await expect(page.locator('#reply-comment-error').count()).resolves.toBe(1);
    await page.locator('#action-reply').getByLabel('答复').selectOption('agree');
    await page.locator('#action-reply').getByLabel('意见').fill('同意，请按期实施');
    await submit(page, page.locator('#action-reply').getByRole('button', { name: '书面答复' }));
    await expect(page.locator('.flash').textContent()).resolves.toContain('书面答复');
    await expect(page.locator('#action-reply').count()).resolves.toBe(0);
    await screenshot(page, 'change-request-replied');
  });

  it('lets the supervisor, who never logs in, agree from the mailed link at phone width', async () => {
    const [mail] = await replyLinkMails(demoCredential('supervisor').email, id);
    const context = await browser.newContext({
      baseURL: e2eStack().api,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    try {
      const page = await context.newPage();
      await page.goto(replyLinkOf(mail));
      await expect(page.locator('h1').textContent()).resolves.toBe('项目变更书面答复');
      await expect(page.locator('.topbar').count()).resolves.toBe(0);
      const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
      expect(width).toBeLessThanOrEqual(390);
      await screenshot(page, 'change-reply-link-phone');
      await page.getByLabel('答复').selectOption('agree');
      await submit(page, page.getByRole('button', { name: '提交书面答复' }));
      await expect(page.locator('.flash').textContent()).resolves.toContain('已记录');
      await expect(page.locator('#link-reply').count()).resolves.toBe(0);
      await screenshot(page, 'change-reply-link-done');
    } finally {
      await context.close();
    }
    const pm = await as('vendor_pm');
    await pm.goto(`/change-requests/${id}`);
    await expect(pm.locator('.badge').first().textContent()).resolves.toBe('三方同意');
    await submit(pm, pm.locator('#action-confirm').getByRole('button', { name: '书面确认' }));
    await submit(pm, pm.getByRole('link', { name: '变更确认单（可打印）' }));
    await expect(pm.locator('h1').textContent()).resolves.toBe('项目变更确认单');
    await expect(pm.locator('body').textContent()).resolves.toContain('邮件链接');
    await screenshot(pm, 'change-confirmation');
  });
});
