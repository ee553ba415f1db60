import { Injectable } from '@nestjs/common';
import { AppConfig } from '@luyue/config';
import { DomainError } from '@luyue/domain';
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

  form(next: unknown): string {
    return this.renderer.render('pages/login.html', { next: safeNext(next) });
  }

  async submit(
    body: { email?: unknown; password?: unknown; next?: unknown },
    client: { ip: string; userAgent: string | null; requestId: string | null },
  ): Promise<LoginPageOutcome> {
    const next = safeNext(body.next);
    const email = typeof body.email === 'string' ? body.email : '';
    const password = typeof body.password === 'string' ? body.password : '';
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
      const error = status === 429 ? '登录失败次数过多，请稍后再试。' : '邮箱或密码不正确。';
      return {
        kind: 'page',
        status,
        html: this.renderer.render('pages/login.html', { next, email, error }),
      };
    }
  }
}
