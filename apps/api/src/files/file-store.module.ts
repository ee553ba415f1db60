import { Module } from '@nestjs/common';
import { AttachmentUploadInterceptor } from './attachment-upload.interceptor';
import { FileStoreService } from './file-store.service';

@Module({
  providers: [FileStoreService, AttachmentUploadInterceptor],
  exports: [FileStoreService, AttachmentUploadInterceptor],
})
export class FileStoreModule {}
