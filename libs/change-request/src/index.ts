// Everything of change requests: its pure definitions, stores, activities and api-side client.
export * from './definitions';
export * from './activities/change-effects.service';
export * from './activities/change-request.activities';
export * from './change-request.client';
export * from './store/change-request-query.repository';
export * from './store/change-request-queue.query';
export * from './store/change-request.store';
export * from './store/change-request-store.module';
