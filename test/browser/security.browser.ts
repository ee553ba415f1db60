// The security pages in Debian's Chromium: the hospital manager issues a rectification notice,
// uploads a real Nessus export and an 等保 sheet, watches the import finish, reads the tasks.
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, loginAs, screenshot } from '../helpers/e2e-browser';

const NESSUS = resolve(
  __dirname,
  '../../..',
  'shared',
  'scan-samples',
  'python-libnessus',
  'nessus_report_local2.nessus',
);

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await loginAs(browser, 'hospital_manager'));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

async function mlpsSheet(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('问题清单');
  sheet.addRow([
    '安全层面',
    '控制点',
    '测评项',
    '测评对象',
    '测评结果',
    '符合程度',
    '风险等级',
    '整改建议',
  ]);
  sheet.addRow([
    '安全计算环境',
    '身份鉴别',
    '应对登录的用户进行身份标识和鉴别',
    'HIS 数据库服务器',
    '存在弱口令',
    '不符合',
    '高',
    '设置强口令',
  ]);
  sheet.addRow([
    '安全区域边界',
    '访问控制',
    '应在网络边界设置访问控制规则',
    '核心防火墙',
    '策略过宽',
    '部分符合',
    '中',
    '收紧策略',
  ]);
  const file = join(mkdtempSync(join(tmpdir(), 'luyue-mlps-')), '等保问题清单.xlsx');
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

async function uploadAndWait(file: string): Promise<void> {
  await page.locator('#report-file').setInputFiles(file);
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: '上传并导入' }).click(),
  ]);
  await expect(page.locator('.flash').textContent()).resolves.toContain('报告已上传');
  await expect(page.locator('table.reports progress').count()).resolves.toBeGreaterThan(0);
}

describe('security findings in the console', () => {
  it('issues a notice, imports a Nessus file and an 等保 sheet, shows the tasks', async () => {
    await page.goto('/security');
    await expect(page.locator('h1').textContent()).resolves.toBe('安全整改');
    const number = `AQZG-B-${Date.now()}`;
    await page.getByLabel('通知单编号').fill(number);
    await page.getByLabel('标题').fill('2026 年度漏洞扫描整改');
    await page.getByLabel('来源').selectOption('vuln_scan');
    await page.getByLabel('测评/扫描机构').fill('XX 测评中心');
    await page.getByLabel('下发日期').fill('2026-12-01');
    await screenshot(page, 'security-notices');
    await Promise.all([
      page.waitForURL(/\/security\/notices\/[0-9a-f-]{36}$/),
      page.getByRole('button', { name: '下发通知单' }).click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toContain(number);

    await uploadAndWait(NESSUS);
    await screenshot(page, 'security-import-running');
    // The page refreshes itself until the import is done; no script involved.
    await page.waitForSelector('table.reports tr[data-status="done"]', { timeout: 45_000 });
    await expect(
      page.locator('table.reports progress').first().getAttribute('value'),
    ).resolves.toBe('100');
    // One medium finding is issued; the 60 informational ones are kept, listed apart.
    await expect(page.locator('[data-count="tasks"]').textContent()).resolves.toBe('1');
    await expect(page.locator('table.tasks tr').count()).resolves.toBe(1 + 1);
    await expect(page.locator('[data-count="informational"]').textContent()).resolves.toBe('60');
    await expect(page.locator('table.informational-findings tr').count()).resolves.toBeGreaterThan(
      1,
    );

    await uploadAndWait(await mlpsSheet());
    await page.waitForSelector('table.reports tr[data-status="done"] + tr[data-status="done"]', {
      timeout: 45_000,
    });
    await expect(page.locator('[data-count="tasks"]').textContent()).resolves.toBe('3');
    await expect(page.locator('table.tasks').textContent()).resolves.toContain(
      '安全计算环境 / 身份鉴别',
    );
    await expect(page.locator('table.tasks .badge.sev-medium').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('table.tasks').textContent()).resolves.toMatch(/\d{4}-\d{2}-\d{2}/);
    await expect(page.locator('meta[http-equiv="refresh"]').count()).resolves.toBe(0);
    await screenshot(page, 'security-notice');

    await Promise.all([
      page.waitForURL(/\/security\/tasks\//),
      page.locator('table.tasks a').first().click(),
    ]);
    await expect(page.locator('.asset-line').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'security-task');
  });

  it('the same file again is recognised, not imported twice', async () => {
    await page.goBack();
    await page.locator('#report-file').setInputFiles(NESSUS);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: '上传并导入' }).click(),
    ]);
    await expect(page.locator('.flash').textContent()).resolves.toContain('已导入过');
    await expect(page.locator('table.reports tr[data-import]').count()).resolves.toBe(2);
  });

  it('lists notices with counts by severity and state, and filters the tasks', async () => {
    const noticeUrl = page.url().replace(/^https?:\/\/[^/]+/, '');
    const noticeId = noticeUrl.split('/').pop()!;
    await page.goto('/security');
    const row = page.locator(`tr[data-notice="${noticeId}"]`);
    const counts = async (cell: string, attr: string) =>
      Object.fromEntries(
        (await row
          .locator(`.${cell} a`)
          .evaluateAll(
            (links, a) => links.map((l) => [l.getAttribute(a), l.textContent]),
            attr,
          )) as Array<[string, string]>,
      );
    const bySeverity = await counts('by-severity', 'data-severity');
    const total = Object.values(bySeverity).reduce((n, t) => n + Number(t.split(' ').pop()), 0);
    expect(total).toBe(3);
    expect(bySeverity.medium).toMatch(/^中 \d+$/);
    await expect(counts('by-state', 'data-state')).resolves.toEqual({ open: '待整改 3' });
    await screenshot(page, 'security-notices-counts');

    // A severity count opens the task list filtered to it, on the notice.
    const mediums = Number(bySeverity.medium.split(' ').pop());
    await Promise.all([
      page.waitForURL(/\/security\/tasks\?notice=.*&severity=medium$/),
      row.locator('a[data-severity="medium"]').click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toBe('整改任务');
    await expect(page.locator('table.tasks tr').count()).resolves.toBe(mediums + 1);
    await expect(page.locator('table.tasks .badge.sev-medium').count()).resolves.toBe(mediums);
    await expect(page.locator('p.meta').textContent()).resolves.toContain(`共 ${mediums} 项`);

    // The form keeps the filters and adds others: 等保 rows by their 测评对象 and source.
    await page.getByLabel('风险等级').selectOption('');
    await page.getByLabel('主机/测评对象').fill('核心防火墙');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: '筛选' }).click(),
    ]);
    await expect(page.locator('table.tasks tr').count()).resolves.toBe(2);
    await expect(page.locator('table.tasks').textContent()).resolves.toContain('访问控制');
    await page.getByLabel('状态').selectOption('verified');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: '筛选' }).click(),
    ]);
    await expect(page.locator('table.tasks').textContent()).resolves.toContain('没有符合条件');
    await screenshot(page, 'security-tasks');

    // The notice page links to its full list.
    await page.goto(noticeUrl);
    await Promise.all([
      page.waitForURL(new RegExp(`/security/tasks\\?notice=${noticeId}$`)),
      page.getByRole('link', { name: '筛选任务' }).click(),
    ]);
    await expect(page.locator('table.tasks tr').count()).resolves.toBe(3 + 1);
  });
});
