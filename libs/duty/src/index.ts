// Everything of scheduled duties: its pure definitions, schedule, store, activities and client.
export * from './definitions';
export * from './duty-schedule';
export * from './activities/duty.activities';
export * from './duty.client';
export * from './duty-generation.service';
export * from './duty-plan-change.service';
export * from './store/duty.store';
export * from './store/duty-query.repository';
export * from './store/duty-store.module';
export * from './store/duty-queue.query';
