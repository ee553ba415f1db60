import { Controller, Get, Header, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Actor } from '@luyue/domain';
import type { Response } from 'express';
import { AuthService } from '../auth/auth.service';
import type { AuthenticatedRequest } from '../auth/authenticated-request.types';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { RequestId } from '../common/request-id.decorator';
import { ConsoleAssets } from './console-assets';
import { CsrfGuard } from './csrf.guard';
import { DashboardService } from './dashboard.service';
import { Page, type PageRequest } from './console-page';
import { ConsolePage } from '../kit/console-action';

/** Dashboard, logout and the console's stylesheet. */
@ApiExcludeController()
@UseGuards(CsrfGuard)
@Controller()
export class ConsoleController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly auth: AuthService,
    private readonly assets: ConsoleAssets,
  ) {}

  @ConsolePage()
  home(@Page() page: PageRequest): Promise<string> {
    return this.dashboard.home(page);
  }

  @Post('logout')
  async logout(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    await this.auth.logout(actor, req.sessionId, requestId);
    res.clearCookie(SESSION_COOKIE, { path: '/' }).redirect(303, '/login');
  }

  @Get('assets/console.css')
  @Public()
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  css(): string {
    return this.assets.css;
  }
}
