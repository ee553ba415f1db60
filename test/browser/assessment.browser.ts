// The yearly scorecard in Debian's Chromium: the hospital manager reads the year's indicators,
// lowers a target in the template form and sees the scorecard judge by it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoContractId } from '../helpers/e2e-auth';
import { launchBrowser, loginAs, screenshot } from '../helpers/e2e-browser';

let browser: Browser;
let session: { context: BrowserContext; page: Page };

beforeAll(async () => {
  browser = await launchBrowser();
  session = await loginAs(browser, 'hospital_manager');
});

afterAll(async () => {
  await session?.context.close();
  await browser?.close();
});

describe('the scorecard in a browser', () => {
  it('shows every indicator, and a target lowered in the template form', async () => {
    const { page } = session;
    await page.goto(`/assessment?contract=${await demoContractId()}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('年度考核');
    await expect(page.locator('#scorecard tr[id^="indicator-"]').count()).resolves.toBe(7);
    await expect(page.locator('#indicator-satisfaction').textContent()).resolves.toContain(
      '暂无数据',
    );
    await screenshot(page, 'assessment-scorecard');

    await Promise.all([page.waitForNavigation(), page.locator('#edit-template').click()]);
    await page.locator('#requirement_completion-target').fill('90');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: '保存' }).click(),
    ]);
    await expect(page.locator('.flash').textContent()).resolves.toContain('考核模板已保存');
    await page.goto('/assessment');
    await expect(
      page.locator('#indicator-requirement_completion').textContent(),
    ).resolves.toContain('不低于 90%');
  });
});
