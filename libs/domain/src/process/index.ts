export type * from './process-table.types';
export * from './process.rules';
