export * from './definitions';
export * from './temporal-client.module';
export * from './temporal-client.service';
export * from './update-failure.mapper';
export * from './customization-request.client';
export * from './change-request.client';
export * from './security-task.client';
export * from './security-import.client';
