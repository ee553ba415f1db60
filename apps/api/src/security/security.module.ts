import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '@luyue/config';
import { ContractsModule } from '../contracts/contracts.module';
import { FileStoreModule } from '../files/file-store.module';
import { FileStoreService } from '../files/file-store.service';
import { RectificationListExporter } from './rectification-list.exporter';
import { SecurityAccessService } from './security-access.service';
import { SecurityImportService } from './security-import.service';
import { SecurityNoticesController } from './security-notices.controller';
import { SecurityNoticesService } from './security-notices.service';
import { SecurityTasksController } from './security-tasks.controller';
import { SecurityTasksService } from './security-tasks.service';

/**
 * Security findings: notices, report imports (stored here, parsed by the worker), tasks. Reports
 * stream into the file store with their own size limit; their content, not their declared
 * type, says what they are.
 */
@Module({
  imports: [
    ContractsModule,
    FileStoreModule,
    MulterModule.registerAsync({
      imports: [FileStoreModule],
      inject: [FileStoreService, AppConfig],
      useFactory: (store: FileStoreService, config: AppConfig) => ({
        storage: store.engine({ anyType: true }),
        limits: { fileSize: config.REPORT_MAX_BYTES, files: 1, fields: 10, fieldSize: 1024 },
      }),
    }),
  ],
  controllers: [SecurityNoticesController, SecurityTasksController],
  providers: [
    SecurityAccessService,
    SecurityNoticesService,
    SecurityImportService,
    SecurityTasksService,
    RectificationListExporter,
  ],
  exports: [
    SecurityAccessService,
    SecurityNoticesService,
    SecurityImportService,
    SecurityTasksService,
    MulterModule,
  ],
})
export class SecurityModule {}
