// 系统管理 in Debian's Chromium: the admin sets up an organization and a user, the user logs
// in, the admin disables the account and the login is refused; forms show errors beside their
// fields; the other roles get the 403 page.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_CONTRACT_NUMBER } from '../helpers/e2e-auth';
import {
  launchBrowser,
  pastBrowserChecks,
  loginAs,
  newContext,
  screenshot,
} from '../helpers/e2e-browser';

let browser: Browser;
const contexts: BrowserContext[] = [];
let admin: Page;
const tag = randomUUID().slice(0, 8);
const orgName = `管理测试医院 ${tag}`;
const email = `admin-browser.${tag}@hospital.example`;
let password = '';
let userUrl = '';
let userSession: Page;

async function submit(page: Page, button: Locator): Promise<void> {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

/** Logs in through the form; returns where the browser landed. */
async function loginWith(page: Page, who: string, secret: string): Promise<string> {
  await page.goto('/login?next=/');
  await page.getByLabel('邮箱').fill(who);
  await page.getByLabel('密码').fill(secret);
  await submit(page, page.getByRole('button', { name: '登录' }));
  return new URL(page.url()).pathname;
}

async function freshPage(): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  return context.newPage();
}

beforeAll(async () => {
  browser = await launchBrowser();
  const session = await loginAs(browser, 'admin');
  contexts.push(session.context);
  admin = session.page;
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('系统管理 in a browser', () => {
  it('offers the admin the overview from the nav, with the contracts to set up', async () => {
    await submit(admin, admin.getByRole('link', { name: '系统管理' }));
    expect(new URL(admin.url()).pathname).toBe('/admin');
    await expect(admin.locator('h1').textContent()).resolves.toBe('系统管理');
    const row = admin.locator('table.list tr', { hasText: DEMO_CONTRACT_NUMBER });
    await expect(row.getByRole('link', { name: '合同设置' }).count()).resolves.toBe(1);
    await screenshot(admin, 'admin-overview');
  });

  it('creates an organization; an empty name is refused beside the field', async () => {
    await admin.goto('/admin/organizations');
    const form = admin.locator('#organization-new');
    await form.getByLabel('参与方').selectOption('hospital');
    await expect(pastBrowserChecks(form)).resolves.toEqual(['org-name']);
    await submit(admin, form.getByRole('button', { name: '创建单位' }));
    await expect(admin.locator('#org-name-error').textContent()).resolves.toBe('此项必填');
    await expect(admin.locator('#org-party').inputValue()).resolves.toBe('hospital');

    await admin.locator('#org-name').fill(orgName);
    await submit(
      admin,
      admin.locator('#organization-new').getByRole('button', { name: '创建单位' }),
    );
    await expect(admin.locator('.flash').textContent()).resolves.toContain(orgName);
    await expect(admin.locator('table.list').getByText(orgName).count()).resolves.toBe(1);
    await screenshot(admin, 'admin-organizations');
  });

  it('creates a user after showing a bad email beside its field; the password is shown once', async () => {
    await admin.goto('/admin/users');
    const form = () => admin.locator('#user-new');
    await form().getByLabel('邮箱').fill('不是邮箱');
    await form().getByLabel('姓名').fill('王芳');
    const org = form().getByLabel('所属单位');
    const value = await org.locator('option', { hasText: orgName }).getAttribute('value');
    await org.selectOption(value);
    await form().getByLabel('医院信息科').check();
    await submit(admin, form().getByRole('button', { name: '创建用户' }));

    const error = admin.locator('#user-email-error');
    await expect(error.isVisible()).resolves.toBe(true);
    await expect(error.textContent()).resolves.toBe('请输入有效的邮箱地址');
    await expect(admin.locator('#user-name').inputValue()).resolves.toBe('王芳');
    await expect(form().getByLabel('医院信息科').isChecked()).resolves.toBe(true);
    await screenshot(admin, 'admin-users-validation-error');

    await admin.locator('#user-email').fill(email);
    await submit(admin, form().getByRole('button', { name: '创建用户' }));
    await expect(admin.locator('h1').textContent()).resolves.toBe('已创建用户');
    password = (await admin.locator('#one-time-password').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);
    await screenshot(admin, 'admin-user-password');

    await admin.goto(`/admin/users?organization=${value}`);
    await expect(admin.locator('table.list td', { hasText: email }).count()).resolves.toBe(1);
    await expect(admin.content()).resolves.not.toContain(password);
    await screenshot(admin, 'admin-users');
    userUrl = (await admin.getByRole('link', { name: '王芳' }).getAttribute('href')) ?? '';
    expect(userUrl).toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);
  });

  it('lets the new user log in', async () => {
    userSession = await freshPage();
    await expect(loginWith(userSession, email, password)).resolves.toBe('/');
    await expect(userSession.locator('.topbar .user').textContent()).resolves.toBe('王芳');
  });

  it('edits roles with the party’s roles only', async () => {
    await admin.goto(userUrl);
    const form = admin.locator('#user-roles');
    await expect(form.getByLabel('项目经理').count()).resolves.toBe(0);
    await form.getByLabel('医院主管').check();
    await submit(admin, form.getByRole('button', { name: '保存角色' }));
    await expect(admin.locator('.flash').textContent()).resolves.toContain('医院主管');
    await screenshot(admin, 'admin-user');
  });

  it('disables the user: the open session ends and the login is refused', async () => {
    await admin.goto(userUrl);
    const disable = admin.locator('#user-disable');
    // The box is required: the browser keeps the form until it is ticked.
    await expect(disable.getByLabel(/我确认停用此账号/).getAttribute('required')).resolves.toBe('');
    await disable.getByLabel(/我确认停用此账号/).check();
    await screenshot(admin, 'admin-user-disable-confirm');
    await submit(admin, disable.getByRole('button', { name: '停用账号' }));
    await expect(admin.locator('.flash').textContent()).resolves.toContain('已停用');
    await expect(admin.locator('#user-status').textContent()).resolves.toBe('已停用');

    await userSession.goto('/');
    expect(new URL(userSession.url()).pathname).toBe('/login');
    await expect(loginWith(userSession, email, password)).resolves.toBe('/login');
    await expect(userSession.locator('[role="alert"]').isVisible()).resolves.toBe(true);
    await screenshot(userSession, 'admin-disabled-login-refused');
  });

  it('shows the contract settings with their current values and refuses a lead past its period', async () => {
    await admin.goto('/admin');
    const row = admin.locator('table.list tr', { hasText: DEMO_CONTRACT_NUMBER });
    await submit(admin, row.getByRole('link', { name: '合同设置' }));
    const quota = admin.getByLabel('每合同年免费接口开发额度（人天）');
    expect(Number(await quota.inputValue())).toBeGreaterThanOrEqual(0);
    const systems = await admin.getByLabel('运维的系统').inputValue();
    expect(systems.split('\n')).toContain('HIS');
    await screenshot(admin, 'admin-contract-settings');

    const lead = admin.getByLabel('评估期限前提醒（工作日）');
    const before = await lead.inputValue();
    await lead.fill('99');
    await submit(admin, admin.getByRole('button', { name: '保存设置' }));
    await expect(
      admin.locator('#contract-settings [role="alert"]').textContent(),
    ).resolves.toContain('reminderLeadWorkingDays.assessment');
    await admin.getByLabel('评估期限前提醒（工作日）').fill(before);
    await submit(admin, admin.getByRole('button', { name: '保存设置' }));
    await expect(admin.locator('.flash').textContent()).resolves.toContain('已保存');
    await expect(admin.getByLabel('运维的系统').inputValue()).resolves.toBe(systems);
  });

  it('loads a year of holidays picked as two date lists; a day of another year is refused beside them', async () => {
    await admin.goto('/admin/calendar');
    await screenshot(admin, 'admin-calendar');
    await admin.getByLabel('年份').fill('2097');
    await admin.getByLabel('放假日期 1', { exact: true }).fill('2097-01-01');
    await admin.getByLabel('放假日期 2', { exact: true }).fill('2096-10-01');
    await admin.getByLabel('调休上班日期 1', { exact: true }).fill('2097-02-16');
    await submit(admin, admin.getByRole('button', { name: '导入' }));
    await expect(admin.locator('#calendar-holidays-error').textContent()).resolves.toBe(
      '节假日安排有误（2096-10-01 不在 2097 年内）',
    );
    // The picked dates come back in their pickers.
    await expect(admin.getByLabel('放假日期 1', { exact: true }).inputValue()).resolves.toBe(
      '2097-01-01',
    );
    await expect(admin.getByLabel('调休上班日期 1', { exact: true }).inputValue()).resolves.toBe(
      '2097-02-16',
    );
    await admin.getByLabel('放假日期 2', { exact: true }).fill('2097-10-01');
    await submit(admin, admin.getByRole('button', { name: '导入' }));
    await expect(admin.locator('.flash').textContent()).resolves.toContain('2097');
    const row = admin
      .locator('table.list tr')
      .filter({ has: admin.locator('td:first-child', { hasText: /^2097$/ }) });
    await expect(row.textContent()).resolves.toContain('正式（管理员导入）');
    // Every year is marked as the REST route reports it: official or provisional.
    const api = await admin.request.get('/api/calendar/years');
    const years = (await api.json()) as Array<{ year: number; official: boolean }>;
    expect(years.find((y) => y.year === 2097)).toMatchObject({ official: true });
    for (const y of years) {
      const first = admin.locator('td:first-child', { hasText: new RegExp(`^${y.year}$`) });
      const cells = admin.locator('table.list tr').filter({ has: first });
      await expect(cells.count()).resolves.toBe(1);
      await expect(cells.locator('.badge.provisional').count()).resolves.toBe(y.official ? 0 : 1);
    }
  });

  it('gives the other roles the 403 page at /admin and no nav entry', async () => {
    const { context, page } = await loginAs(browser, 'hospital_manager');
    contexts.push(context);
    await expect(page.getByRole('link', { name: '系统管理' }).count()).resolves.toBe(0);
    const res = await page.goto('/admin');
    expect(res?.status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toBe('没有权限');
    await screenshot(page, 'admin-forbidden');
    const users = await page.goto('/admin/users');
    expect(users?.status()).toBe(403);
  });
});
