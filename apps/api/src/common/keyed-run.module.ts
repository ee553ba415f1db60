import { Global, Module } from '@nestjs/common';
import { KeyedRunService } from './keyed-run.service';

/** Keyed runs for the REST interceptor and the console's creating forms. */
@Global()
@Module({ providers: [KeyedRunService], exports: [KeyedRunService] })
export class KeyedRunModule {}
