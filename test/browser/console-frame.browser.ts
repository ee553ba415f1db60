// The console frame in Debian's Chromium: a deep link through the login form, logout, a phone
// width without sideways scrolling, and the 403 and 409 pages as a person sees them.
import type { Browser } from 'playwright-core';
import { demoContractId, demoCredential, loginDemo } from '../helpers/e2e-auth';
import { launchBrowser, loginAs, newContext, screenshot } from '../helpers/e2e-browser';
import { act, submitRequirement } from '../helpers/e2e-requirements';
import { issueNotice } from '../helpers/e2e-security';

let browser: Browser;
let id = '';

beforeAll(async () => {
  browser = await launchBrowser();
  const made = await submitRequirement(await loginDemo('hospital_staff'), await demoContractId());
  id = made.id as string;
});

afterAll(async () => {
  await browser?.close();
});

describe('the console frame in a browser', () => {
  it('takes a deep link without a session through /login and back to that page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/requirements/${id}`);
    const login = new URL(page.url());
    expect(login.pathname).toBe('/login');
    expect(login.searchParams.get('next')).toBe(`/requirements/${id}`);
    const { email, password } = demoCredential('vendor_pm');
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码').fill(password);
    await Promise.all([
      page.waitForURL((u) => u.pathname === `/requirements/${id}`),
      page.getByRole('button', { name: '登录' }).click(),
    ]);
    await expect(page.title()).resolves.toContain(id);
    await context.close();
  });

  it('logs out from the page: the session ends and pages send to /login again', async () => {
    const { context, page } = await loginAs(browser, 'hospital_staff');
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/'),
      page.getByRole('button', { name: '退出' }).click(),
    ]);
    await page.goto('/requirements');
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  it('shows the request page at 390 px without sideways scrolling', async () => {
    const { context, page } = await loginAs(browser, 'vendor_pm');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/requirements/${id}`);
    const scroll = Number(await page.evaluate('document.documentElement.scrollWidth'));
    const client = Number(await page.evaluate('document.documentElement.clientWidth'));
    expect(client).toBe(390);
    expect(scroll).toBeLessThanOrEqual(client);
    await screenshot(page, 'requirement-phone');
    await context.close();
  });

  it('keeps the phone header to one line and status words whole', async () => {
    const { context, page } = await loginAs(browser, 'vendor_pm');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/requirements');
    const header = await page.locator('header.topbar').boundingBox();
    // One line of links and buttons, not 45 % of the first screen.
    expect(header!.height).toBeLessThan(60);
    // The status word's own box (not the row's, which a long title makes tall) is one line.
    const [textHeight, lineHeight] = await page.evaluate<[number, number]>(`(() => {
      const td = document.querySelector('table.list td.word');
      const range = document.createRange();
      range.selectNodeContents(td);
      return [range.getBoundingClientRect().height, parseFloat(getComputedStyle(td).lineHeight)];
    })()`);
    expect(textHeight).toBeLessThan(lineHeight * 1.5);
    await screenshot(page, 'requirements-phone');
    await context.close();
  });

  it('keeps the retest checkbox beside its label on the notice page', async () => {
    const noticeId = await issueNotice(await loginDemo('hospital_manager'), await demoContractId());
    const { context, page } = await loginAs(browser, 'hospital_manager');
    await page.goto(`/security/notices/${noticeId}`);
    const checkbox = page.locator('.field input[type="checkbox"][name="retestOf"]');
    const label = checkbox.locator('xpath=..');
    const [box, text] = await Promise.all([checkbox.boundingBox(), label.boundingBox()]);
    expect(box!.width).toBeLessThan(40);
    expect(box!.y).toBeGreaterThanOrEqual(text!.y - 1);
    expect(box!.y + box!.height).toBeLessThanOrEqual(text!.y + text!.height + 1);
    await context.close();
  });

  it('shows the 403 page in zh-CN inside the frame', async () => {
    const { context, page } = await loginAs(browser, 'vendor_dev');
    const answer = await page.goto('/requirements/new');
    expect(answer?.status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toBe('没有权限');
    await expect(page.getByRole('button', { name: '退出' }).count()).resolves.toBe(1);
    await screenshot(page, 'error-403');
    await context.close();
  });

  it('shows the 409 page with the allowed steps when the request moved on meanwhile', async () => {
    const { context, page } = await loginAs(browser, 'vendor_pm');
    await page.goto(`/requirements/${id}`);
    const assess = page.locator('#action-assess');
    await act(await loginDemo('hospital_manager'), id, 'cancel', { reason: '需求取消' }).expect(
      200,
    );
    await assess.getByLabel('估算工作量（人天）').fill('2');
    await assess.getByLabel('技术方案').fill('方案');
    await assess.getByLabel('计划交付日期').fill('2099-01-01');
    await assess.getByLabel('需求类型').selectOption({ index: 1 });
    await assess.getByLabel('可行性').selectOption({ index: 1 });
    const [answer] = await Promise.all([
      page.waitForNavigation(),
      assess.getByRole('button', { name: /评估/ }).click(),
    ]);
    expect(answer?.status()).toBe(409);
    await expect(page.locator('h1').textContent()).resolves.toBe('当前状态下不能这样操作');
    await expect(page.getByText('已取消').count()).resolves.toBeGreaterThan(0);
    await expect(
      page.getByRole('link', { name: '返回需求页面查看最新状态' }).count(),
    ).resolves.toBe(1);
    await screenshot(page, 'error-409');
    await context.close();
  });
});
