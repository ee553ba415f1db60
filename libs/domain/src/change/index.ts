export * from './change-request.types';
export * from './change-request.process';
export * from './change-request-id';
export * from './change-request.rules';
export * from './change-request.reducer';
export * from './change-request.timers';
export * from './change-request-mail.plan';
export type * from './change-request-transition.types';
