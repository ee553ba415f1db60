// Everything of customization requests: its pure definitions, stores, activities and api-side client.
export * from './definitions';
export * from './activities/requirement.activities';
export * from './requirement.client';
export * from './store/quota-ledger.repository';
export * from './store/requirement-numbering.repository';
export * from './store/requirement-query.repository';
export * from './store/requirement-queue.query';
export * from './store/requirement-transition.store';
export * from './store/requirement.read-models';
export * from './store/requirement-store.module';
