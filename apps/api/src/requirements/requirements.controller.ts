import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@luyue/domain';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { RequirementDto } from './dto/requirement.dto';
import { RequirementPagesService } from './requirement-pages.service';
import { RequirementsService } from './requirements.service';

@ApiTags('requirements')
@Authenticated()
@Controller('api/requirements')
export class RequirementsController {
  constructor(
    private readonly requirements: RequirementsService,
    private readonly pages: RequirementPagesService,
  ) {}

  @Get(':id')
  @ApiOperation({
    summary: 'One request in full',
    description:
      'Status, assessment, deadlines (each with `provisional`), work log, test rounds, release, acceptance, breaches, the timeline from the audit trail, and the actions the caller may take now. 404 unless the caller is party to its contract.',
  })
  @ApiOkResponse({ type: RequirementDto })
  @ApiErrors({ 404: true })
  get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<RequirementDto> {
    return this.requirements.get(actor, id);
  }

  @Get(':id/acceptance')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({
    summary: 'The printable acceptance confirmation (需求验收确认单)',
    description: 'An HTML page to print and sign; only for accepted requests (409 before).',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML page', type: String })
  @ApiErrors({ 409: 'Not accepted yet: `currentStatus` says where it is', 404: true })
  acceptance(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<string> {
    return this.pages.acceptance(actor, id);
  }
}
