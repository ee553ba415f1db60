import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
// Nest's own clean-up for files stored before a pipe refused the request's fields.
import { removeFilesOnPipeRejection } from '@nestjs/platform-express/multer/multer/multer.utils';
import { AppConfig } from '@luyue/config';
import { DomainError, validationFailed } from '@luyue/domain';
import { FileStoreService } from './file-store.service';
import { READS_MULTIPART, runAfterUpload } from './after-upload';
import { fileTooLarge, remover } from './upload.interceptors';

/**
 * Up to ten `files` of a multipart form streamed into the file store with the attachment limits
 * (FILE_MAX_BYTES, FILE_TYPES), whatever multer options the route's module registered.
 */
@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
  static readonly [READS_MULTIPART] = true;
  private readonly upload: ReturnType<multer.Multer['array']>;
  private readonly limitBytes: number;
  private readonly storage: multer.StorageEngine;

  constructor(store: FileStoreService, config: AppConfig) {
    this.limitBytes = config.FILE_MAX_BYTES;
    this.storage = store.engine();
    const { maxFiles } = this.constructor as typeof AttachmentUploadInterceptor;
    this.upload = this.fields(
      multer({
        storage: this.storage,
        // Browsers send UTF-8 file names without saying so; busboy's default would be latin1.
        defParamCharset: 'utf8',
        limits: {
          fileSize: config.FILE_MAX_BYTES,
          files: maxFiles,
          fields: 50,
          fieldSize: 64 * 1024,
        },
      }),
      maxFiles,
    );
  }

  /** How many files one form may carry. */
  static readonly maxFiles: number = 10;

  /** Which fields carry files: `files`, up to the limit. */
  protected fields(m: multer.Multer, maxFiles: number): ReturnType<multer.Multer['array']> {
    return m.array('files', maxFiles);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    await new Promise<void>((resolve, reject) =>
      this.upload(req, res, (error: unknown) =>
        error ? reject(refusal(error, this.limitBytes)) : resolve(),
      ),
    );
    await runAfterUpload(req, remover(req, this.storage));
    return next.handle().pipe(removeFilesOnPipeRejection(this.storage, req, res));
  }
}

/** What busboy says of a body that is not a well-formed multipart form (its own messages). */
const MALFORMED_FORM =
  /^(Multipart: Boundary not found|Malformed part header|Malformed content type|Unexpected end of (form|file)|Missing Content-Type|Unsupported content type)/;

function refusal(error: unknown, limitBytes: number): Error {
  if (
    error instanceof Error &&
    !(error instanceof DomainError) &&
    MALFORMED_FORM.test(error.message)
  ) {
    return new DomainError('malformed_body', 'body.multipart', { reason: error.message });
  }
  if (!(error instanceof multer.MulterError)) {
    return error instanceof Error ? error : new Error(String(error));
  }
  if (error.code === 'LIMIT_FILE_SIZE') {
    return fileTooLarge(error.field ?? 'files', limitBytes);
  }
  return validationFailed([{ field: 'files', message: error.message }]);
}

/**
 * Files under any field name (`files` and `files.<key>`, one group per checklist item), up to
 * twenty: each keeps its `fieldname`, so a form can tell which of its parts a file belongs to.
 */
@Injectable()
export class NamedFilesUploadInterceptor extends AttachmentUploadInterceptor {
  static override readonly maxFiles: number = 20;

  protected override fields(m: multer.Multer): ReturnType<multer.Multer['any']> {
    return m.any();
  }
}
