import {
  mixin,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { FileInterceptor, FilesInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import type { Observable } from 'rxjs';
import { DomainError } from '@luyue/domain';
import { READS_MULTIPART, runAfterUpload } from './after-upload';

/** A file over the limit, named by its form field, with the limit (413 `payload_too_large`). */
export function fileTooLarge(field: string, limitBytes: number | undefined): DomainError {
  return new DomainError(
    'payload_too_large',
    'file.too_large',
    { field, ...(limitBytes !== undefined && { limitBytes }) },
    { field, ...(limitBytes !== undefined && { limitBytes }) },
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nest's mixin takes its options
type MulterInterceptor = new (...args: any[]) => NestInterceptor & {
  multer?: { limits?: { fileSize?: number }; storage?: StorageEngine };
};

/** Removes one stored file of a refused form through the engine that stored it. */
export function remover(
  req: Request,
  storage: StorageEngine | undefined,
): (file: Express.Multer.File) => Promise<void> {
  return (file) =>
    new Promise<void>((resolve) =>
      storage ? storage._removeFile(req, file, () => resolve()) : resolve(),
    );
}

/**
 * Nest's upload interceptor (the module's multer options, its file clean-up on a refused
 * request), whose 413 says which field and what limit in the one envelope instead of Nest's
 * bare "File too large".
 */
function named(base: MulterInterceptor, field: string): Type<NestInterceptor> {
  class NamedLimitInterceptor extends base {
    static readonly [READS_MULTIPART] = true;

    override async intercept(
      context: ExecutionContext,
      next: CallHandler,
    ): Promise<Observable<unknown>> {
      let handled: Observable<unknown>;
      try {
        // The handler runs only once the answer is subscribed to: after the check below.
        handled = (await super.intercept(context, next)) as Observable<unknown>;
      } catch (error) {
        if (!(error instanceof PayloadTooLargeException)) throw error;
        throw fileTooLarge(field, this.multer?.limits?.fileSize);
      }
      const req = context.switchToHttp().getRequest<Request>();
      await runAfterUpload(req, remover(req, this.multer?.storage));
      return handled;
    }
  }
  return mixin(NamedLimitInterceptor);
}

/** Up to `maxCount` files of the multipart field `field` (`req.files`). */
export function FilesUpload(field: string, maxCount: number): Type<NestInterceptor> {
  return named(FilesInterceptor(field, maxCount) as MulterInterceptor, field);
}

/** One file of the multipart field `field` (`req.file`). */
export function FileUpload(field: string): Type<NestInterceptor> {
  return named(FileInterceptor(field) as MulterInterceptor, field);
}
