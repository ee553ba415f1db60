import {
  Controller,
  Get,
  Header,
  Param,
  Post,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { PAGE_TITLES, type Actor } from '@luyue/domain';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { RequestId } from '../common/request-id.decorator';
import { AttachmentUploadInterceptor } from '../files/attachment-upload.interceptor';
import type { StoredUpload } from '../files/file-store.service';
import { RequirementAttachmentDto, RequirementDto } from './dto/requirement.dto';
import { RequirementAttachmentsService } from './requirement-attachments.service';
import { RequirementPagesService } from './requirement-pages.service';
import { RequirementsService } from './requirements.service';

@ApiTags('requirements')
@Authenticated()
@Controller('api/requirements')
export class RequirementsController {
  constructor(
    private readonly requirements: RequirementsService,
    private readonly pages: RequirementPagesService,
    private readonly attachments: RequirementAttachmentsService,
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

  @Post(':id/attachments')
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiOperation({
    summary: 'Attach files to a request (multipart `files`, up to 10)',
    description:
      'Either party may attach screenshots or documents until the request is accepted, rejected or cancelled. Answers every attachment of the request.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['files'],
      properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } },
    },
  })
  @ApiCreatedResponse({ type: RequirementAttachmentDto, isArray: true })
  @ApiErrors({
    400: 'files: none chosen, or too many',
    403: 'Only the parties to this contract may attach',
    404: true,
    409: 'invalid_state: the request is finished (`currentStatus`)',
    413: 'Larger than FILE_MAX_BYTES',
    415: 'A type not in FILE_TYPES',
  })
  attach(
    @Param('id') id: string,
    @UploadedFiles() uploads: StoredUpload[] | undefined,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string | null,
  ): Promise<RequirementAttachmentDto[]> {
    return this.attachments.attach(actor, id, uploads ?? [], requestId);
  }

  @Get(':id/acceptance')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({
    summary: `The printable acceptance confirmation (${PAGE_TITLES.acceptance})`,
    description: 'An HTML page to print and sign; only for accepted requests (409 before).',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML page', type: String })
  @ApiErrors({ 409: 'Not accepted yet: `currentStatus` says where it is', 404: true })
  acceptance(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<string> {
    return this.pages.acceptance(actor, id);
  }
}
