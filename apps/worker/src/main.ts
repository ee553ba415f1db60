import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@luyue/config';
import { installTemporalRuntimeLogger } from './temporal-runtime.logger';
import { TemporalWorkerService } from './temporal-worker.service';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env); // fail fast, before anything connects
  installTemporalRuntimeLogger(config.LOG_LEVEL);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const worker = app.get(TemporalWorkerService);
  await worker.start();
  await worker.whenStopped();
  await app.close();
}

bootstrap().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
