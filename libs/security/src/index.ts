// Everything of security findings and their remediation: its pure definitions, stores, activities and api-side client.
export * from './definitions';
export * from './activities/security-import.activities';
export * from './activities/security-task-issue.activities';
export * from './activities/security-task.activities';
export * from './report-import';
export * from './security-import.client';
export * from './security-task.client';
export * from './store/security-import.store';
export * from './store/security-notice.repository';
export * from './store/security-task-query.repository';
export * from './store/security-task-queue.query';
export * from './store/security-task.store';
export * from './store/security-store.module';
