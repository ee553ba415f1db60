import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './app-config';

/** Provides the one validated AppConfig; a bad environment stops the app before anything starts. */
@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: (): AppConfig => loadConfig(process.env) }],
  exports: [AppConfig],
})
export class ConfigModule {}
