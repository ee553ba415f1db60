// A fault ticket in Debian's Chromium, from the report to the signed service report: the hospital
// reports it, the vendor acknowledges, restores, resolves and submits the report file, the
// hospital signs; each step through its form on the ticket page.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { FAULT_STATUS_LABELS, type Role } from '@luyue/domain';
import { demoContractId } from '../helpers/e2e-auth';
import { launchBrowser, loginAs, pastBrowserChecks, screenshot } from '../helpers/e2e-browser';

let browser: Browser;
const sessions = new Map<Role, { context: BrowserContext; page: Page }>();

async function as(role: Role): Promise<Page> {
  let s = sessions.get(role);
  if (!s) {
    s = await loginAs(browser, role);
    await s.page.goto(`/fault-tickets?contract=${await demoContractId()}`);
    sessions.set(role, s);
  }
  return s.page;
}

/** A control by its label, whether or not it is marked required (` *`). */
const labelled = (text: string): RegExp => new RegExp(`^${text}( \\*)?$`);

async function submit(page: Page, button: Locator): Promise<void> {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

/** Takes the step whose form has this id, after filling it. */
async function step(page: Page, action: string, label: string, fill: Record<string, string> = {}) {
  const form = page.locator(`#action-${action}`);
  for (const [field, text] of Object.entries(fill)) {
    await form.getByLabel(labelled(field)).fill(text);
  }
  await submit(page, form.getByRole('button', { name: label }));
  await expect(page.locator('.flash').textContent()).resolves.toContain(label);
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const s of sessions.values()) await s.context.close();
  await browser?.close();
});

describe('a fault ticket in a browser', () => {
  let ticketUrl = '';

  it('lets the hospital report a fault from the list', async () => {
    const page = await as('hospital_staff');
    await expect(page.locator('h1').textContent()).resolves.toBe('故障工单');
    await submit(page, page.getByRole('link', { name: '报告故障' }));
    const form = page.locator('#report-fault');
    await form.getByLabel(labelled('系统')).selectOption('HIS');
    await form.getByLabel(labelled('故障级别')).selectOption('level_3');
    await form.getByLabel(labelled('故障现象')).fill('门诊医生站打印处方失败');
    await form.getByLabel(labelled('详细描述')).fill('三楼诊区全部打印机');
    await Promise.all([
      page.waitForURL(/\/fault-tickets\/[0-9a-f-]{36}$/),
      form.getByRole('button', { name: '报告故障' }).click(),
    ]);
    ticketUrl = new URL(page.url()).pathname;
    await expect(page.locator('#ticket-status').textContent()).resolves.toContain(
      FAULT_STATUS_LABELS.reported,
    );
    await expect(page.locator('#fault-clocks tr.clock-response').textContent()).resolves.toMatch(
      /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
    );
  });

  it('lets the vendor acknowledge, restore, resolve and submit the report file', async () => {
    const page = await as('vendor_pm');
    await page.goto(ticketUrl);
    await step(page, 'acknowledge', '响应', { 说明: '已电话联系，远程排查' });
    await step(page, 'restore', '恢复服务', { 说明: '已重装打印驱动' });
    await step(page, 'resolve', '处理完成', {
      故障原因: '系统补丁更新了打印驱动',
      处理措施: '回退驱动并锁定版本',
    });
    const report = page.locator('#action-submit-report');
    await expect(pastBrowserChecks(report)).resolves.toEqual(['submit-report-files']);
    await submit(page, report.getByRole('button', { name: '提交报告' }));
    await expect(page.locator('#submit-report-files-error').textContent()).resolves.toBe(
      '请选择要上传的文件',
    );
    await page.locator('#submit-report-files').setInputFiles({
      name: '故障处理报告.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n'),
    });
    await submit(
      page,
      page.locator('#action-submit-report').getByRole('button', { name: '提交报告' }),
    );
    await expect(page.getByRole('link', { name: '故障处理报告.pdf' }).count()).resolves.toBe(1);
    await expect(page.locator('#fault-clocks tr.clock-report').textContent()).resolves.toContain(
      '达标',
    );
  });

  it('lets the hospital sign the service report, closing the ticket', async () => {
    const page = await as('hospital_staff');
    await page.goto(ticketUrl);
    await step(page, 'sign', '签字确认', { 说明: '已确认恢复' });
    await expect(page.locator('#ticket-status').textContent()).resolves.toContain(
      FAULT_STATUS_LABELS.closed,
    );
    await expect(page.locator('.action-form').count()).resolves.toBe(0);
    await expect(page.locator('#fault-history').textContent()).resolves.toContain('提交报告');
    await screenshot(page, 'fault-ticket');
  });
});
