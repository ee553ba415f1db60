import { Injectable } from '@nestjs/common';
import { AppConfig } from '@luyue/config';
import { DomainError, zhOf } from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import type { CookieOptions } from 'express';
import { AuthService } from './auth.service';
import { sessionCookieOptions } from './session-cookie';

export type LoginPageOutcome =
  | { kind: 'page'; status: number; html: string }
  | { kind: 'redirect'; location: string; sessionToken: string; cookie: CookieOptions };

/** Only same-site paths: a crafted `next` must not send people to another host. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}

/** The HTML login that mailed links lead to when the reader has no session yet. */
@Injectable()
export class LoginPageService {
  constructor(
    private readonly renderer: TemplateRenderer,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  form(next: unknown, csrf: string): string {
    return this.renderer.render('pages/login.html', { next: safeNext(next), csrf });
  }

  /** `genuine`: the form came with its login-CSRF token; `newToken` mints one to show it again. */
  async submit(
    body: { email?: unknown; password?: unknown; next?: unknown },
    client: { ip: string; userAgent: string | null; requestId: string | null },
    genuine: boolean,
    newToken: () => string,
  ): Promise<LoginPageOutcome> {
    const next = safeNext(body.next);
    const email = typeof body.email === 'string' ? body.email : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (!genuine) {
      const error = zhOf('auth.login_form_expired', {});
      return { kind: 'page', status: 403, html: this.page(next, email, error, newToken()) };
    }
    try {
      const result = await this.auth.login(email, password, client);
      return {
        kind: 'redirect',
        location: next,
        sessionToken: result.sessionToken,
        cookie: sessionCookieOptions(this.config.PUBLIC_BASE_URL, result.sessionExpiresAt),
      };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const status = err.code === 'rate_limited' ? 429 : 401;
      const error = zhOf(status === 429 ? 'auth.too_many_logins' : 'auth.wrong_credentials', {});
      return { kind: 'page', status, html: this.page(next, email, error, newToken()) };
    }
  }

  private page(next: string, email: string, error: string, csrf: string): string {
    return this.renderer.render('pages/login.html', { next, email, error, csrf });
  }
}
