// Remediation in Debian's Chromium: the vendor records a fix with proof and asks for a retest on
// the task page, the hospital manager verifies it there, and the figures show the rate.
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { REMEDIATION_STATUS_LABELS, type Role } from '@luyue/domain';
import { api, demoContractId, loginDemo } from '../helpers/e2e-auth';
import {
  focused,
  launchBrowser,
  pastBrowserChecks,
  loginAs,
  screenshot,
} from '../helpers/e2e-browser';
import { importReport, issueNotice, SAMPLES, WEAK_PASSWORDS } from '../helpers/e2e-security';
import { eventually } from '../helpers/e2e-stack';

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

describe('security remediation in a browser', () => {
  let taskId = '';
  let contractId = '';
  let noticeId = '';

  beforeAll(async () => {
    contractId = await demoContractId();
    const manager = await loginDemo('hospital_manager');
    noticeId = await issueNotice(manager, contractId);
    await importReport(manager, noticeId, resolve(SAMPLES, 'dradis-openvas/report_v24.xml'));
    const list = (
      await api()
        .get(`/api/contracts/${contractId}/security-tasks?notice=${noticeId}`)
        .set('Authorization', manager)
        .expect(200)
    ).body as { items: Array<{ id: string }> };
    taskId = list.items[0].id;
    await eventually(
      async () =>
        (await api().get(`/api/security-tasks/${taskId}/remediation`).set('Authorization', manager))
          .body as { remediation: unknown },
      (v) => v.remediation !== null,
      30_000,
    );
  });

  it('lets the vendor record the fix with proof and ask for a retest', async () => {
    const page = await as('vendor_dev');
    await page.goto(`/security/tasks/${taskId}`);
    await submit(page, page.locator('#action-start').getByRole('button', { name: '开始整改' }));
    const fix = page.locator('#action-fix');
    // The browser holds the empty form back on both controls; the server says the same at once.
    await expect(pastBrowserChecks(fix)).resolves.toEqual(['fix-note', 'fix-files']);
    await submit(page, fix.getByRole('button', { name: '提交整改证明' }));
    await expect(page.locator('#fix-note-error').textContent()).resolves.toBe('此项必填');
    await expect(page.locator('#fix-files-error').textContent()).resolves.toBe(
      '请选择要上传的文件',
    );
    // The summary at the form's top has the focus, so the page opens where the errors are.
    const summary = page.locator('#action-fix .error-summary');
    await expect(focused(page)).resolves.toBe('error-summary');
    await expect(
      summary
        .locator('a')
        .evaluateAll((links: Array<{ getAttribute(name: string): string | null }>) =>
          links.map((a) => a.getAttribute('href') ?? ''),
        ),
    ).resolves.toEqual(['#fix-note', '#fix-files']);
    await screenshot(page, 'remediation-fix-error-summary');
    await page.locator('#action-fix').getByLabel('整改说明').fill('已升级组件并关闭对外端口');
    await page.locator('#fix-files').setInputFiles({
      name: '补丁记录.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('2026-12-02 已安装厂商补丁\n'),
    });
    await submit(page, page.locator('#action-fix').getByRole('button', { name: '提交整改证明' }));
    await expect(page.getByRole('link', { name: '补丁记录.txt' }).count()).resolves.toBe(1);
    await submit(
      page,
      page.locator('#action-request-retest').getByRole('button', { name: '申请复验' }),
    );
    await expect(page.locator('.flash').textContent()).resolves.toContain('申请复验');
    await expect(page.locator('#action-verify').count()).resolves.toBe(0);
    await screenshot(page, 'security-task-fixed');
  });

  it('shows the manager the task under 工作台 › 整改, grouped by its notice', async () => {
    const page = await as('hospital_manager');
    await page.goto('/');
    await submit(page, page.locator('.queue-tab', { hasText: '整改' }));
    const group = page.locator(`table.groups a[href*="group=${noticeId}"]`);
    await expect(group.count()).resolves.toBe(1);
    await screenshot(page, 'dashboard-security-groups');
    await submit(page, group);
    await expect(
      page.locator(`table.todo a[href="/security/tasks/${taskId}"]`).count(),
    ).resolves.toBe(1);
    await screenshot(page, 'dashboard-security-notice');
  });

  it('fixes and verifies one asset line of a multi-line task, the other staying open', async () => {
    const manager = await loginDemo('hospital_manager');
    const noticeId = await issueNotice(manager, contractId);
    // Weak passwords on several hosts: tasks of more than one asset line.
    await importReport(manager, noticeId, WEAK_PASSWORDS);
    const list = (
      await api()
        .get(`/api/contracts/${contractId}/security-tasks?notice=${noticeId}&pageSize=100`)
        .set('Authorization', manager)
        .expect(200)
    ).body as { items: Array<{ id: string; assetLines: number }> };
    const multi = list.items.find((t) => t.assetLines >= 2)!.id;
    const lines = async () =>
      (
        await eventually(
          async () =>
            (
              await api()
                .get(`/api/security-tasks/${multi}/remediation`)
                .set('Authorization', manager)
            ).body as { remediation: { lines: Array<{ label: string; status: string }> } | null },
          (v) => v.remediation !== null,
          30_000,
        )
      ).remediation!.lines;
    const [first, second] = await lines();
    const proof = {
      name: '截图.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('端口已关闭\n'),
    };
    const vendor = await as('vendor_dev');
    await vendor.goto(`/security/tasks/${multi}`);
    await submit(vendor, vendor.locator('#action-start').getByRole('button', { name: '开始整改' }));
    // Only the first line: the second stays to fix.
    const fix = vendor.locator('#action-fix');
    await fix.getByLabel('整改说明').fill('已关闭第一台主机的端口');
    await fix.getByLabel(first.label, { exact: true }).check();
    await vendor.locator('#fix-files').setInputFiles(proof);
    await submit(vendor, fix.getByRole('button', { name: '提交整改证明' }));
    const once = await lines();
    expect(once.find((l) => l.label === first.label)!.status).toBe('fixed');
    expect(once.find((l) => l.label === second.label)!.status).toBe('open');
    // The second line's fix: the form now offers only what is still open, so no choice.
    await vendor.locator('#action-fix').getByLabel('整改说明').fill('已关闭第二台主机的端口');
    await vendor.locator('#fix-files').setInputFiles(proof);
    await submit(
      vendor,
      vendor.locator('#action-fix').getByRole('button', { name: '提交整改证明' }),
    );
    await submit(
      vendor,
      vendor.locator('#action-request-retest').getByRole('button', { name: '申请复验' }),
    );
    // The manager verifies the first line only; the task waits for the second.
    const page = await as('hospital_manager');
    await page.goto(`/security/tasks/${multi}`);
    const verify = page.locator('#action-verify');
    await verify.getByLabel(first.label, { exact: true }).check();
    await submit(page, verify.getByRole('button', { name: '复验通过' }));
    const after = await lines();
    expect(after.find((l) => l.label === first.label)!.status).toBe('verified');
    expect(after.find((l) => l.label === second.label)!.status).toBe('fixed');
    await expect(page.locator('h2 .badge').first().textContent()).resolves.toBe(
      REMEDIATION_STATUS_LABELS.retest_requested,
    );
    await screenshot(page, 'security-task-line-verified');
  });

  it('lets the hospital manager verify it, and the figures count it', async () => {
    const page = await as('hospital_manager');
    await page.goto(`/security/tasks/${taskId}`);
    await submit(page, page.locator('#action-verify').getByRole('button', { name: '复验通过' }));
    await expect(page.locator('h2 .badge').first().textContent()).resolves.toBe(
      REMEDIATION_STATUS_LABELS.verified,
    );
    await screenshot(page, 'security-task-verified');
    // The figures page shows the rate the item counts give.
    const stats = (
      await api()
        .get(`/api/contracts/${contractId}/security/stats`)
        .set('Authorization', await loginDemo('hospital_manager'))
        .expect(200)
    ).body as { issued: number; completed: number };
    expect(stats.completed).toBeGreaterThanOrEqual(1);
    await page.goto('/security/stats');
    const figure = (name: string) => page.locator(`[data-figure="${name}"]`).textContent();
    await expect(figure('issued')).resolves.toBe(String(stats.issued));
    await expect(figure('completed')).resolves.toBe(String(stats.completed));
    const rate = await figure('rate');
    expect(rate).toContain(`${((stats.completed / stats.issued) * 100).toFixed(1)}%`);
    await expect(page.locator('img.chart').first().getAttribute('src')).resolves.toContain('.svg');
    // The second chart (by source) is drawn too: Chromium decoded the server's SVG.
    const bySource = page.locator('img.chart[src*="by-source.svg"]');
    await expect(
      bySource.evaluate((img) =>
        (img as unknown as { decode(): Promise<void> }).decode().then(() => true),
      ),
    ).resolves.toBe(true);
    await expect(
      bySource.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).resolves.toBeGreaterThan(0);
    await screenshot(page, 'security-stats');
  });
});
