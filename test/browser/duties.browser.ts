// A scheduled duty in Debian's Chromium: the hospital manager makes a plan, the vendor records
// the inspection with an abnormal item and reports a fault for it, the manager signs in the
// console and the user department from its mailed link; then the figures and the printed report.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DUTY_STATUS_LABELS, shanghaiDate, type Role } from '@luyue/domain';
import { demoContractId, demoCredential } from '../helpers/e2e-auth';
import { launchBrowser, loginAs, newContext, screenshot } from '../helpers/e2e-browser';
import { eventually, receivedMail } from '../helpers/e2e-stack';

let browser: Browser;
const sessions = new Map<Role, { context: BrowserContext; page: Page }>();
const title = `机房巡检 ${Date.now()}`;

async function as(role: Role): Promise<Page> {
  let s = sessions.get(role);
  if (!s) {
    s = await loginAs(browser, role);
    await s.page.goto(`/duties?contract=${await demoContractId()}`);
    sessions.set(role, s);
  }
  return s.page;
}

const labelled = (text: string): RegExp => new RegExp(`^${text}( \\*)?$`);

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

describe('a scheduled duty in a browser', () => {
  let dutyUrl = '';

  it('lets the hospital manager plan an inspection signed by two roles', async () => {
    const page = await as('hospital_manager');
    await page.goto('/duties/plans');
    const form = page.locator('#new-plan');
    await form.getByLabel(labelled('类别')).selectOption('inspection');
    await form.getByLabel(labelled('名称')).fill(title);
    await form.getByRole('checkbox', { name: 'HIS' }).check();
    await form.getByLabel(labelled('周期')).selectOption('dates');
    await form.getByLabel(/^指定日期/).fill(shanghaiDate(new Date()));
    await form.getByLabel(/^可提前执行天数/).fill('7');
    await form.getByLabel(/^检查项/).fill('UPS 电池 | 正常\n机房温度 | 低于 25℃');
    await form.getByRole('checkbox', { name: '使用科室' }).check();
    await submit(page, form.getByRole('button', { name: '新建运维计划' }));
    await expect(page.locator('.flash').textContent()).resolves.toContain('生成 1 个运维任务');
  });

  it('lets the vendor record it with an abnormal item and report a fault for that item', async () => {
    const page = await as('vendor_pm');
    await page.goto('/duties');
    await submit(page, page.getByRole('row', { name: new RegExp(title) }).getByRole('link'));
    dutyUrl = new URL(page.url()).pathname;
    const form = page.locator('#action-record');
    await form.getByLabel(labelled('UPS 电池（期望：正常）')).selectOption('abnormal');
    await form.getByLabel(/^UPS 电池 · 说明/).fill('2 号电池组鼓包');
    await form.getByLabel(labelled('机房温度（期望：低于 25℃）')).selectOption('normal');
    await page.locator('#record-files').setInputFiles({
      name: '巡检报告.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n'),
    });
    await submit(page, form.getByRole('button', { name: '提交记录' }));
    await expect(page.locator('#duty-status').textContent()).resolves.toBe(
      DUTY_STATUS_LABELS.recorded,
    );
    const fault = page.locator('#fault-item1');
    await fault.getByLabel(labelled('故障级别')).selectOption('level_3');
    await submit(page, fault.getByRole('button', { name: '报故障' }));
    await expect(page.getByRole('link', { name: '已报故障' }).count()).resolves.toBe(1);
  });

  it('takes the manager’s signature in the console and the department’s from its mail', async () => {
    const page = await as('hospital_manager');
    await page.goto(dutyUrl);
    await submit(page, page.locator('#action-sign').getByRole('button', { name: '签字确认' }));
    await expect(page.locator('#duty-signatures').textContent()).resolves.toContain('控制台');
    const staff = demoCredential('hospital_staff').email;
    const mail = await eventually(
      () => receivedMail(staff),
      (all) => all.some((m) => m.subject.includes(title)),
    );
    const text = mail.find((m) => m.subject.includes(title))!.text!;
    const link = /\/duty-signatures\/\S+/.exec(text)![0];
    const context = await newContext(browser);
    const linkPage = await context.newPage();
    await linkPage.goto(link);
    await submit(
      linkPage,
      linkPage.locator('#link-sign').getByRole('button', { name: '签字确认' }),
    );
    await expect(linkPage.locator('#duty-status').textContent()).resolves.toBe(
      DUTY_STATUS_LABELS.signed,
    );
    await context.close();
  });

  it('shows the printed report with both signatures and the year’s figures', async () => {
    const page = await as('hospital_manager');
    await page.goto(`${dutyUrl}/report`);
    const block = await page.locator('#duty-signatures').textContent();
    expect(block).toContain('控制台');
    expect(block).toContain('邮件链接');
    await screenshot(page, 'duty-report');
    await page.goto('/duties/figures');
    await expect(page.locator('#duty-figures').textContent()).resolves.toContain('巡检');
  });
});
