import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@luyue/domain';
import { Authenticated } from '../../auth/authenticated.decorator';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ApiErrors } from '../../common/api-errors.decorator';
import { ChangeConsoleService } from './change-console.service';

/** The printable change confirmation on the REST path too (the same page as in the console). */
@ApiTags('change-requests')
@Authenticated()
@Controller('api/change-requests')
export class ChangeConfirmationController {
  constructor(private readonly console: ChangeConsoleService) {}

  @Get(':id/confirmation')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({
    summary: 'The printable change confirmation: the change, its impact, every reply',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'An HTML page with print styles' })
  @ApiErrors({ 404: 'No such change in a contract you are party to' })
  confirmation(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<string> {
    return this.console.confirmation(actor, id);
  }
}
