import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { AppConfig } from '@luyue/config';
import { RequestId } from '../common/request-id.decorator';
import { CsrfService } from '../console/csrf.service';
import { LoginPageService } from './login-page.service';
import { Public } from './public.decorator';
import { SESSION_COOKIE } from './session-cookie';

/** The login form's nonce (login CSRF); only /login ever reads it. */
const LOGIN_NONCE_COOKIE = 'luyue_login_nonce';

/** `GET/POST /login`: a plain form for people who follow a mailed link without a session. */
@ApiExcludeController()
@Controller('login')
export class LoginPageController {
  constructor(
    private readonly pages: LoginPageService,
    private readonly csrf: CsrfService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  form(@Query('next') next: unknown, @Res() res: Response): void {
    res.type('html').send(this.pages.form(next, this.newFormToken(res)));
  }

  @Post()
  @Public()
  async submit(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    const cookies = req.cookies as Record<string, unknown> | undefined;
    const genuine = this.csrf.loginMatches(cookies?.[LOGIN_NONCE_COOKIE], body._csrf);
    const outcome = await this.pages.submit(
      body,
      {
        ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        userAgent: req.headers['user-agent'] ?? null,
        requestId,
      },
      genuine,
      () => this.newFormToken(res),
    );
    if (outcome.kind === 'redirect') {
      res
        .clearCookie(LOGIN_NONCE_COOKIE, { path: '/login' })
        .cookie(SESSION_COOKIE, outcome.sessionToken, outcome.cookie)
        .redirect(303, outcome.location);
    } else {
      res.status(outcome.status).type('html').send(outcome.html);
    }
  }

  /** A fresh nonce in a cookie for /login only, and the token the form carries for it. */
  private newFormToken(res: Response): string {
    const nonce = randomBytes(18).toString('base64url');
    res.cookie(LOGIN_NONCE_COOKIE, nonce, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.PUBLIC_BASE_URL.startsWith('https://'),
      path: '/login',
    });
    return this.csrf.loginToken(nonce);
  }
}
