import { Body, Controller, Get, Header, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppConfig } from '@luyue/config';
import type { Actor } from '@luyue/domain';
import type { Request, Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { RequestId } from '../common/request-id.decorator';
import { AdminConsoleService } from './admin-console.service';
import { AdminSettingsConsoleService } from './admin-settings-console.service';
import { sendOutcome as sendConsoleOutcome, type ConsoleOutcome } from './console-outcome';
import { CsrfGuard } from './csrf.guard';

/**
 * A form's answer: the page again (with its errors, or a password shown once, so never
 * stored), or a redirect to the page that shows the change.
 */
export function sendOutcome(res: Response, outcome: ConsoleOutcome, config: AppConfig): void {
  sendConsoleOutcome(res, outcome, config.PUBLIC_BASE_URL, { noStore: true });
}

/** Administration: overview, organizations, a contract's settings, the holiday schedules (admins). */
@ApiExcludeController()
@Roles('admin')
@UseGuards(CsrfGuard)
@Controller('admin')
export class AdminConsoleController {
  constructor(
    private readonly admin: AdminConsoleService,
    private readonly settings: AdminSettingsConsoleService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  overview(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    return this.admin.overview(req, res, actor);
  }

  @Get('organizations')
  @Header('Content-Type', 'text/html; charset=utf-8')
  organizations(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    return this.admin.organizationsPage(req, res, actor);
  }

  @Post('organizations')
  async createOrganization(
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    const outcome = await this.admin.createOrganization(req, res, actor, body, requestId);
    sendOutcome(res, outcome, this.config);
  }

  @Get('contracts/:id/settings')
  @Header('Content-Type', 'text/html; charset=utf-8')
  contractSettings(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    return this.settings.settingsPage(req, res, actor, id);
  }

  @Post('contracts/:id/settings')
  async saveContractSettings(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    const outcome = await this.settings.saveSettings(req, res, actor, id, body, requestId);
    sendOutcome(res, outcome, this.config);
  }

  @Get('calendar')
  @Header('Content-Type', 'text/html; charset=utf-8')
  calendar(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    return this.settings.calendarPage(req, res, actor);
  }

  @Post('calendar')
  async loadYear(
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    sendOutcome(res, await this.settings.loadYear(req, res, actor, body), this.config);
  }
}
