// The pure half of security findings and their remediation: table, rules, reducer, timers, Temporal definitions and activity
// types. Workflows import only this entry; it never reaches the database, the network or Node.
export * from './finding.grouping';
export * from './remediation-completion.calculator';
export * from './report-refusal.types';
export * from './security-finding.types';
export * from './security-import.activity-types';
export * from './security-import.definitions';
export * from './security-notice.types';
export * from './security-task-issue.activity-types';
export * from './security-task-mail.plan';
export * from './security-task-transition.types';
export * from './security-task.activity-types';
export * from './security-task.definitions';
export * from './security-task.process';
export * from './security-task.reducer';
export * from './security-task.rules';
export * from './security-task.timeline';
export * from './security-task.timers';
export * from './security-task.types';
