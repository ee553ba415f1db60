import { Controller, Get, Header, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Actor } from '@luyue/domain';
import type { Request, Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AuditConsoleService } from './audit-console.service';
import { CsrfGuard } from './csrf.guard';

/** Audit trail of the current contract. */
@ApiExcludeController()
@UseGuards(CsrfGuard)
@Controller('audit')
export class AuditConsoleController {
  constructor(private readonly audit: AuditConsoleService) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    return this.audit.page(req, res, actor);
  }
}
