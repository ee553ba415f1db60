import { Controller, Get, Header, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Actor } from '@luyue/domain';
import type { Request, Response } from 'express';
import { AuthService } from '../auth/auth.service';
import type { AuthenticatedRequest } from '../auth/authenticated-request.types';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { RequestId } from '../common/request-id.decorator';
import { ConsoleAssets } from './console-assets';
import { CsrfGuard } from './csrf.guard';
import { DashboardService } from './dashboard.service';

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

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  home(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    return this.dashboard.home(req, res, actor);
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
