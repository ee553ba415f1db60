export * from './definitions';
export * from './temporal-client.module';
export * from './temporal-client.service';
