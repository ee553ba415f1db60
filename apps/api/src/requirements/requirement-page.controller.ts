import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Actor } from '@luyue/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirementPagesService } from './requirement-pages.service';

/** The page every requirement mail links to (`<PUBLIC_BASE_URL>/requirements/<id>`). */
@ApiExcludeController()
@Controller('requirements')
export class RequirementPageController {
  constructor(private readonly pages: RequirementPagesService) {}

  @Get(':id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<string> {
    return this.pages.page(actor, id);
  }
}
