import { Global, Module } from '@nestjs/common';
import { ActionRunner } from './action-runner';

/** The process kit's shared pieces, for every process module. */
@Global()
@Module({ providers: [ActionRunner], exports: [ActionRunner] })
export class KitModule {}
