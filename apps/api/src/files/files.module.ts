import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '@luyue/config';
import { ContractsModule } from '../contracts/contracts.module';
import { FileStoreModule } from './file-store.module';
import { FileStoreService } from './file-store.service';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';

/**
 * Stored files: uploads streamed to disk with size and type limits, downloads for parties.
 * Exports the multer options, so any feature's upload route streams into the same store.
 */
@Module({
  imports: [
    ContractsModule,
    FileStoreModule,
    MulterModule.registerAsync({
      imports: [FileStoreModule],
      inject: [FileStoreService, AppConfig],
      useFactory: (store: FileStoreService, config: AppConfig) => ({
        storage: store.engine(),
        // Browsers send UTF-8 file names without saying so; busboy's default would be latin1.
        defParamCharset: 'utf8',
        limits: { fileSize: config.FILE_MAX_BYTES, files: 10, fields: 20, fieldSize: 64 * 1024 },
      }),
    }),
  ],
  controllers: [FilesController],
  providers: [FilesService],
  exports: [FilesService, MulterModule],
})
export class FilesModule {}
