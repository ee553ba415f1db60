export * from './security-task.types';
export * from './security-task.process';
export * from './security-task.rules';
export * from './security-task.reducer';
export * from './security-task.timers';
export * from './security-task-mail.plan';
export * from './remediation-completion.calculator';
export type * from './security-task-transition.types';
