// Imported by workflows: only @temporalio/workflow definitions, pure domain types and activity types.
export * from './deadline-watch.definitions';
export * from './workflow-ids';
export type * from './deadline-watch.activities';
export * from './domain-failure';
export * from './write-refused';
export * from './customization-request.definitions';
export type * from './customization-request.activities';
export * from './change-request.definitions';
export type * from './change-request.activities';
export * from './security-task.definitions';
export type * from './security-task.activities';
export * from './security-import.definitions';
export type * from './security-import.activities';
export type * from './security-task-issue.activities';
