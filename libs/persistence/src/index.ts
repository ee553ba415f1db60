export * from './entities';
export * from './data-source.factory';
export * from './persistence.module';
export * from './repositories/calendar-year.repository';
export * from './repositories/database-health.repository';
export * from './repositories/deadline-record.repository';
export * from './repositories/outbox.repository';
