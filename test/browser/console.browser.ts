import { requirementStepLabel } from '@luyue/domain';
// The console in Debian's Chromium: a request from submission to sign-off, each step by the
// person whose step it is, through the pages only; then the refusals a browser can meet.
import { createHash } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { shanghaiDate, STATUS_LABELS, type Role } from '@luyue/domain';
import { createOtherContract, demoCredential } from '../helpers/e2e-auth';
import { launchBrowser, loginAs, newContext, screenshot } from '../helpers/e2e-browser';
import { withDb } from '../helpers/e2e-stack';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const PNG_SHA256 = createHash('sha256').update(PNG).digest('hex');

let browser: Browser;
const sessions = new Map<Role, { context: BrowserContext; page: Page }>();
let id = '';
const title = `<script>window.__xss = 1</script>检验报告推送 ${Date.now()}`;

async function as(role: Role): Promise<Page> {
  let s = sessions.get(role);
  if (!s) {
    s = await loginAs(browser, role);
    sessions.set(role, s);
  }
  return s.page;
}

/** Submits a form and waits for the page the browser lands on. */
async function submit(page: Page, button: Locator): Promise<void> {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

async function openRequest(role: Role): Promise<Page> {
  const page = await as(role);
  await page.goto(`/requirements/${id}`);
  return page;
}

function actionForm(page: Page, action: string): Locator {
  return page.locator(`#action-${action}`);
}

const statusCell = (page: Page) => page.locator('table').first().locator('.badge').first();

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const s of sessions.values()) await s.context.close();
  await browser?.close();
});

describe('the web console in a browser', () => {
  it('sends a visitor to the login form, and the clerk lands on 工作台 after logging in', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'login');
    await context.close();

    const clerk = await as('hospital_staff');
    await expect(clerk.locator('h1').textContent()).resolves.toBe('工作台');
    await expect(clerk.locator('.topbar .party').textContent()).resolves.toContain('甲方');
    await screenshot(clerk, 'dashboard-clerk');
  });

  it('lets the clerk submit a request; a <script> title is shown as text', async () => {
    const page = await as('hospital_staff');
    await page.goto('/requirements');
    await submit(page, page.getByRole('link', { name: '提交需求' }));
    await screenshot(page, 'requirement-new');
    await page.getByLabel('需求名称').fill(title);
    const system = page.getByLabel('所属系统');
    const firstSystem = await system.locator('option').nth(1).getAttribute('value');
    await system.selectOption(firstSystem);
    await page.getByLabel('需求描述').fill('检验科出具报告后，患者在公众号收到推送。');
    await page
      .getByLabel(/^附件/)
      .setInputFiles({ name: '公众号推送截图.png', mimeType: 'image/png', buffer: PNG });
    await submit(page, page.getByRole('button', { name: '提交' }));

    const match = /^\/requirements\/(REQ-\d{4}-\d{4})$/.exec(new URL(page.url()).pathname);
    expect(match).not.toBeNull();
    id = match![1];
    await expect(page.locator('.flash').textContent()).resolves.toContain(id);
    await expect(page.locator('h1').textContent()).resolves.toBe(title);
    expect(await page.content()).toContain('&lt;script&gt;window.__xss');
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBe(undefined);
    await expect(statusCell(page).textContent()).resolves.toBe(STATUS_LABELS.assessing);
    const attached = page.locator('#attachments tr', { hasText: '公众号推送截图.png' });
    await expect(attached.textContent()).resolves.toContain(demoCredential('hospital_staff').email);
    await expect(attached.locator('code').textContent()).resolves.toBe(PNG_SHA256.slice(0, 12));
    const href = await attached.locator('a').getAttribute('href');
    const download = await page.request.get(href!);
    expect([download.status(), (await download.body()).equals(PNG)]).toEqual([200, true]);
    // The clerk may take no step while the vendor assesses: no action forms.
    await expect(page.locator('form.action-form').count()).resolves.toBe(0);

    await page.goto('/');
    await expect(page.locator(`a[href="/requirements/${id}"]`).count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'dashboard-after-submit');
  });

  it('refuses a form posted without its CSRF token (403 page) and changes nothing', async () => {
    const page = await as('hospital_manager');
    const res = await page.request.post(`/requirements/${id}/actions/cancel`, {
      form: { reason: '没有令牌的表单' },
      headers: { Accept: 'text/html' },
    });
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain('没有权限');
    const wrongToken = await page.request.post(`/requirements/${id}/actions/cancel`, {
      form: { reason: '伪造的令牌', _csrf: 'forged' },
      headers: { Accept: 'text/html' },
    });
    expect(wrongToken.status()).toBe(403);
    const api = await page.request.get(`/api/requirements/${id}`);
    expect(((await api.json()) as { status: string }).status).toBe('assessing');
  });

  it('makes one request of a form sent twice at once (a double click), a new one of the form changed', async () => {
    const page = await as('hospital_staff');
    await page.goto('/requirements/new');
    const twice = `点了两次的表单 ${Date.now()}`;
    const hidden = (name: string) =>
      page.locator(`form.action-form input[name=${name}]`).inputValue();
    const fields: Record<string, string> = {
      _csrf: await hidden('_csrf'),
      _once: await hidden('_once'),
      title: twice,
      system: (await page.getByLabel('所属系统').locator('option').nth(1).getAttribute('value'))!,
      priority: 'normal',
      description: '同一张表单被连点两次。',
    };
    expect(fields._once).toMatch(/^[0-9a-f-]{36}$/);
    const send = (form: Record<string, string>) =>
      page.request.post('/requirements/new', {
        form,
        maxRedirects: 0,
        headers: { Accept: 'text/html' },
      });
    const answers = await Promise.all([send(fields), send(fields)]);
    expect(answers.map((a) => a.status())).toEqual([303, 303]);
    const [first, second] = answers.map((a) => a.headers()['location']);
    expect(first).toMatch(/^\/requirements\/REQ-\d{4}-\d{4}$/);
    expect(second).toBe(first);
    // Sent again later (a resend after a slow answer): still the same request.
    expect((await send(fields)).headers()['location']).toBe(first);
    // Changed after going back, the same page's form is a new request.
    const changed = await send({ ...fields, title: `${twice}（改）` });
    expect(changed.headers()['location']).not.toBe(first);
    const found = await withDb((db) =>
      db.query<{ title: string }>('SELECT title FROM requirement WHERE title LIKE $1', [
        `${twice}%`,
      ]),
    );
    expect(found.rows.map((r) => r.title).sort()).toEqual([twice, `${twice}（改）`]);
  });

  it('shows a validation error beside its field and saves nothing, then the PM assesses', async () => {
    const page = await as('vendor_pm');
    await expect(page.locator(`a[href="/requirements/${id}"]`).count()).resolves.toBe(1);
    await screenshot(page, 'dashboard-vendor-pm');
    // Supervisors and managers read on phones: the same page at phone width.
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'dashboard-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await openRequest('vendor_pm');
    // The vendor side attaches too, from the request page (multipart, CSRF token in its URL).
    await page.locator('#attach-files').setInputFiles({
      name: '接口说明.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('推送接口说明\n'),
    });
    await submit(page, page.locator('#attach button[type=submit]'));
    await expect(page.locator('.flash').textContent()).resolves.toContain('已上传附件');
    await expect(page.locator('#attachments tr td:first-child').allTextContents()).resolves.toEqual(
      ['公众号推送截图.png', '接口说明.txt'],
    );
    const form = actionForm(page, 'assess');
    await form.getByLabel('需求类型').selectOption('customization');
    await form.getByLabel('可行性').selectOption('feasible');
    // A number input takes only numbers; three decimals is the server's refusal to show.
    await form.getByLabel('估算工作量（人天）').fill('2.125');
    await form.getByLabel('计划交付日期').fill(shanghaiDate(Date.now() + 40 * 86_400_000));
    await form.getByLabel('技术方案').fill('在集成平台新增推送服务。');
    await submit(page, form.getByRole('button', { name: '技术评估' }));

    const error = page.locator('#assess-estimatePersonDays-error');
    await expect(error.isVisible()).resolves.toBe(true);
    await expect(error.textContent()).resolves.toBe('请输入数字（最多两位小数）');
    await expect(page.locator('#assess-solution').inputValue()).resolves.toBe(
      '在集成平台新增推送服务。',
    );
    await expect(page.locator('#assess-kind').inputValue()).resolves.toBe('customization');
    await screenshot(page, 'requirement-validation-error');
    const api = await page.request.get(`/api/requirements/${id}`);
    const stored = (await api.json()) as { status: string; timeline: Array<{ action: string }> };
    expect(stored.status).toBe('assessing');
    expect(stored.timeline.map((t) => t.action)).not.toContain('requirement.assess');

    await page.locator('#assess-estimatePersonDays').fill('3');
    await submit(page, actionForm(page, 'assess').getByRole('button', { name: '技术评估' }));
    await expect(page.locator('.flash').textContent()).resolves.toContain('技术评估');
    await expect(statusCell(page).textContent()).resolves.toBe(STATUS_LABELS.awaiting_approval);
  });

  it('lets the manager approve', async () => {
    const page = await openRequest('hospital_manager');
    await submit(page, actionForm(page, 'approve').getByRole('button', { name: '批准' }));
    await expect(statusCell(page).textContent()).resolves.toBe(STATUS_LABELS.approved);
  });

  it('lets the developer start, log effort and submit for testing', async () => {
    const page = await openRequest('vendor_dev');
    await submit(
      page,
      actionForm(page, 'start-development').getByRole('button', { name: '开始开发' }),
    );
    await expect(statusCell(page).textContent()).resolves.toBe(STATUS_LABELS.in_development);

    const log = actionForm(page, 'log-effort');
    const effort = { date: shanghaiDate(Date.now()), personDays: '2.5', note: '完成推送接口联调' };
    await log.getByLabel('工作日期').fill(effort.date);
    await log.getByLabel('工作量（人天）').fill(effort.personDays);
    await log.getByLabel('工作内容').fill(effort.note);
    const hidden = (name: string) => log.locator(`input[name=${name}]`).inputValue();
    const sentAgain = { ...effort, _csrf: await hidden('_csrf'), _once: await hidden('_once') };
    await submit(page, log.getByRole('button', { name: '登记工作量' }));
    await expect(page.locator('.flash').textContent()).resolves.toContain('登记工作量');
    // The second click of a double click: the same form again is the same Update, run once.
    const again = await page.request.post(`/requirements/${id}/actions/log-effort`, {
      form: sentAgain,
      maxRedirects: 0,
      headers: { Accept: 'text/html' },
    });
    expect(again.status()).toBe(303);
    await page.reload();
    await expect(page.getByText('完成推送接口联调').count()).resolves.toBe(1);

    const testing = actionForm(page, 'submit-for-testing');
    await testing.getByLabel('测试版本').fill('v1.0.0-rc1');
    await submit(page, testing.getByRole('button', { name: '提交测试' }));
    await expect(statusCell(page).textContent()).resolves.toBe(STATUS_LABELS.in_testing);
    await screenshot(page, 'requirement-in-testing');
  });

  it('lets the clerk pass UAT and the PM release', async () => {
    const clerk = await openRequest('hospital_staff');
    const uat = actionForm(clerk, 'pass-testing');
    await uat.getByLabel('测试意见').fill('UAT 通过');
    await submit(clerk, uat.getByRole('button', { name: '测试通过' }));
    await expect(statusCell(clerk).textContent()).resolves.toBe(STATUS_LABELS.testing_passed);

    const pm = await openRequest('vendor_pm');
    const release = actionForm(pm, 'release');
    await release.getByLabel('发布版本').fill('v1.0.0');
    await release.getByLabel('发布说明').fill('新增检验报告推送');
    await release.getByLabel('回退方案').fill('回退至上一版本并关闭推送');
    await submit(pm, release.getByRole('button', { name: '发布' }));
    await expect(statusCell(pm).textContent()).resolves.toBe(STATUS_LABELS.released);
  });

  it('lets the manager sign off and open the printable acceptance sheet', async () => {
    const page = await openRequest('hospital_manager');
    const accept = actionForm(page, 'accept');
    await accept.getByLabel('验收意见').fill('功能符合需求，同意验收');
    await submit(page, accept.getByRole('button', { name: '验收' }));
    await expect(statusCell(page).textContent()).resolves.toBe(STATUS_LABELS.accepted);
    // Finished: the attachments stay listed, the upload form is gone.
    await expect(page.locator('#attachments tr').count()).resolves.toBe(3);
    await expect(page.locator('#attach').count()).resolves.toBe(0);
    await expect(page.locator('form.action-form').count()).resolves.toBe(0);
    await screenshot(page, 'requirement-accepted');
    // A step the state no longer allows, posted with a valid token: the 409 page says what is left.
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    const late = await page.request.post(`/requirements/${id}/actions/cancel`, {
      form: { reason: '已经验收了', confirm: 'yes', _csrf: token },
      headers: { Accept: 'text/html' },
    });
    expect(late.status()).toBe(409);
    const conflict = await late.text();
    expect(conflict).toContain('当前状态下不能这样操作');
    expect(conflict).toContain('当前状态下没有可以进行的操作');
    expect(conflict).toContain(`href="/requirements/${id}"`);

    await submit(page, page.getByRole('link', { name: '需求验收确认单' }));
    await expect(page.locator('h1').textContent()).resolves.toBe('需求验收确认单');
    await expect(page.getByText('功能符合需求，同意验收').count()).resolves.toBe(1);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'acceptance-sheet-print');
    // The header and the forms are not printed.
    await expect(page.locator('.no-print').first().isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('lists the request with filters, search and the ledger link', async () => {
    const page = await as('hospital_manager');
    await page.goto(`/requirements?status=accepted&q=${encodeURIComponent(id)}`);
    await expect(page.locator('table.list a').allTextContents()).resolves.toEqual([id]);
    await expect(page.getByRole('link', { name: /需求管理台账/ }).count()).resolves.toBe(1);
    await screenshot(page, 'requirements-list');
    await page.goto(`/requirements?status=assessing&q=${encodeURIComponent(id)}`);
    await expect(page.locator('table.list a').count()).resolves.toBe(0);
  });

  it('shows the quota and the yearly figures, with charts rendered on the server', async () => {
    const page = await as('hospital_manager');
    await submit(page, page.getByRole('link', { name: '配额与统计' }));
    await expect(page.locator('h1').textContent()).resolves.toBe('配额与统计');
    await expect(page.getByText('完成率（目标 95%）').count()).resolves.toBe(1);
    const charts = page.locator('img.chart');
    await expect(charts.count()).resolves.toBe(3);
    const src = await charts.first().getAttribute('src');
    const svg = await page.request.get(src!);
    expect(svg.headers()['content-type']).toContain('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg[^>]*>/);
    const drawn = await charts.evaluateAll((imgs) =>
      imgs.map((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    );
    expect(drawn).toEqual([640, 640, 640]);
    // The monthly stack counts this run's requests in the current month.
    const monthly = await page.request.get((await charts.nth(1).getAttribute('src'))!);
    expect(await monthly.text()).toContain('每月提交的需求');
    await screenshot(page, 'quota');
  });

  it('shows the audit trail of the request, filtered by subject and actor', async () => {
    const page = await as('hospital_manager');
    const pm = demoCredential('vendor_pm').email;
    await page.goto(
      `/audit?${new URLSearchParams({ subject: `requirement:${id}`, actor: pm }).toString()}`,
    );
    await expect(page.locator('h1').textContent()).resolves.toBe('审计记录');
    // Each step by its zh-CN label, never its code.
    const actions = await page.locator('table.list tr td:nth-child(4)').allTextContents();
    expect(actions.map((a) => a.trim())).toEqual([
      requirementStepLabel('release'),
      requirementStepLabel('assess'),
    ]);
    await screenshot(page, 'audit');
  });

  it('shows the 404 page to a user of another contract', async () => {
    const other = await createOtherContract();
    const context = await newContext(browser, { authorization: other.users.hospital_staff });
    const page = await context.newPage();
    const res = await page.goto(`/requirements/${id}`);
    expect(res?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('页面不存在');
    expect(await page.content()).not.toContain('检验报告推送');
    await screenshot(page, 'error-404');
    await context.close();
  });
});
