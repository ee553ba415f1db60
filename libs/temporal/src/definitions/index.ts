// Imported by workflows: only @temporalio/workflow definitions, pure domain types and activity types.
export * from './deadline-watch.definitions';
export * from './workflow-ids';
export type * from './deadline-watch.activities';
export * from './domain-failure';
export * from './write-refused';
