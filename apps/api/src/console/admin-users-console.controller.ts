import { Body, Controller, Get, Header, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppConfig } from '@luyue/config';
import type { Actor } from '@luyue/domain';
import type { Request, Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { RequestId } from '../common/request-id.decorator';
import { sendOutcome } from './admin-console.controller';
import { AdminUsersConsoleService } from './admin-users-console.service';
import { CsrfGuard } from './csrf.guard';

/** Administration › users: the list and create form, and each user's page with its forms (admins). */
@ApiExcludeController()
@Roles('admin')
@UseGuards(CsrfGuard)
@Controller('admin/users')
export class AdminUsersConsoleController {
  constructor(
    private readonly users: AdminUsersConsoleService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  list(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    return this.users.list(req, res, actor);
  }

  @Post()
  async create(
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    sendOutcome(res, await this.users.create(req, res, actor, body, requestId), this.config);
  }

  @Get(':id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    return this.users.page(req, res, actor, id);
  }

  @Post(':id/roles')
  async setRoles(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    const outcome = await this.users.setRoles(req, res, actor, id, body, requestId);
    sendOutcome(res, outcome, this.config);
  }

  @Post(':id/password')
  async resetPassword(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    const outcome = await this.users.resetPassword(req, res, actor, id, body, requestId);
    sendOutcome(res, outcome, this.config);
  }

  @Post(':id/disable')
  async disable(
    @Res() res: Response,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    sendOutcome(res, await this.users.setDisabled(actor, id, true, requestId), this.config);
  }

  @Post(':id/enable')
  async enable(
    @Res() res: Response,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    sendOutcome(res, await this.users.setDisabled(actor, id, false, requestId), this.config);
  }
}
