// Debian's Chromium driven by playwright-core, for the browser tier (test/browser).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import type { Role } from '@luyue/domain';
import { demoCredential } from './e2e-auth';
import { e2eStack } from './e2e-stack';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', '..', '.data', 'test-results', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function newContext(browser: Browser, extra: { authorization?: string } = {}) {
  return browser.newContext({
    baseURL: e2eStack().api,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    ...(extra.authorization ? { extraHTTPHeaders: { Authorization: extra.authorization } } : {}),
  });
}

/** A demo user logged in through the login form, on 工作台. */
export async function loginAs(
  browser: Browser,
  role: Role,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const { email, password } = demoCredential(role);
  await page.goto('/login?next=/');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/'),
    page.getByRole('button', { name: '登录' }).click(),
  ]);
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * The controls the browser's own checks (`required`, `min`, `maxlength` …) hold the form back
 * on, by id; then the form is let through to the server, as a browser without those checks
 * would send it, so a test sees the server's answer to the same form.
 */
export async function pastBrowserChecks(form: Locator): Promise<string[]> {
  return form.evaluate((f) => {
    const shown = f as unknown as {
      elements: ArrayLike<{ id: string; validity?: { valid: boolean } }>;
      noValidate: boolean;
    };
    const held = Array.from(shown.elements)
      .filter((e) => e.validity && !e.validity.valid)
      .map((e) => e.id);
    shown.noValidate = true;
    return held;
  });
}

/** The class of the element that has the focus. */
export const focused = (page: Page): Promise<string | undefined> =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { activeElement: { className: string } | null } })
        .document.activeElement?.className,
  );
