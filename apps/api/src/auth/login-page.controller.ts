import { Body, Controller, Get, Header, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RequestId } from '../common/request-id.decorator';
import { LoginPageService } from './login-page.service';
import { Public } from './public.decorator';
import { SESSION_COOKIE } from './session-cookie';

/** `GET/POST /login`: a plain form for people who follow a mailed link without a session. */
@ApiExcludeController()
@Controller('login')
export class LoginPageController {
  constructor(private readonly pages: LoginPageService) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  form(@Query('next') next: unknown): string {
    return this.pages.form(next);
  }

  @Post()
  @Public()
  async submit(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    const outcome = await this.pages.submit(body, {
      ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      userAgent: req.headers['user-agent'] ?? null,
      requestId,
    });
    if (outcome.kind === 'redirect') {
      res
        .cookie(SESSION_COOKIE, outcome.sessionToken, outcome.cookie)
        .redirect(303, outcome.location);
    } else {
      res.status(outcome.status).type('html').send(outcome.html);
    }
  }
}
