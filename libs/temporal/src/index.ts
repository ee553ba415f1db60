export * from './definitions';
export * from './temporal-client.module';
export * from './temporal-client.service';
export * from './task-queue-pollers.util';
export * from './update-failure.mapper';
export * from './numbered-start.util';
export * from './update-run.util';
export * from './heartbeat.util';
