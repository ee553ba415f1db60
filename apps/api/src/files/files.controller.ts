import { Controller, Get, Param, Post, Req, UploadedFiles, UseInterceptors } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { StreamableFile } from '@nestjs/common';
import type { Actor } from '@luyue/domain';
import type { StoredFileRef } from '@luyue/domain';
import type { AuthenticatedRequest } from '../auth/authenticated-request.types';
import { Authenticated } from '../auth/authenticated.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { RequestId } from '../common/request-id.decorator';
import type { StoredUpload } from './file-store.service';
import { FilesService } from './files.service';
import { FilesUpload } from './upload.interceptors';

/** Uploads (streamed to the file store, sha256 audited) and downloads for the parties. */
@ApiTags('files')
@Authenticated()
@Controller('api')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post('contracts/:contractId/files')
  @UseInterceptors(FilesUpload('file', 10))
  @ApiOperation({
    summary: 'Upload attachments (multipart field `file`, up to 10) for a later change request',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({ description: 'The stored files: id, filename, contentType, size, sha256' })
  @ApiErrors({
    403: 'Only the parties to this contract may upload',
    404: true,
    413: 'Larger than FILE_MAX_BYTES',
    415: 'A type not in FILE_TYPES',
  })
  upload(
    @Param('contractId') contractId: string,
    @UploadedFiles() uploads: StoredUpload[] | undefined,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string | null,
  ): Promise<StoredFileRef[]> {
    return this.files.record(actor, contractId, 'attachment', uploads ?? [], requestId);
  }

  @Get('files/:id')
  @ApiOperation({ summary: "Download a stored file (the contract's parties only)" })
  @ApiOkResponse({ description: 'The file, as an attachment' })
  @ApiErrors({ 404: 'No such file, or not yours to see' })
  download(@Req() req: AuthenticatedRequest, @Param('id') id: string): Promise<StreamableFile> {
    return this.files.download(req.actor!, req.link, id);
  }
}
