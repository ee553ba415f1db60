import { Global, Module } from '@nestjs/common';
import { AssessmentTemplateStore } from './assessment-template.store';

const STORES = [AssessmentTemplateStore];

/** The assessment's store, on the global persistence. */
@Global()
@Module({ providers: STORES, exports: STORES })
export class AssessmentStoreModule {}
