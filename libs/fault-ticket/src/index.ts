// Everything of fault tickets: its pure definitions, store, activities and api-side client.
export * from './definitions';
export * from './activities/coverage-math';
export * from './activities/fault-ticket.activities';
export * from './activities/major-breach-warning';
export * from './fault-ticket.client';
export * from './store/fault-ticket.store';
export * from './store/fault-ticket-query.repository';
export * from './store/fault-ticket-queue.query';
export * from './store/fault-ticket-store.module';
